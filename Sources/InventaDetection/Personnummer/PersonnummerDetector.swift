import InventaModel

/// Finds personnummer and samordningsnummer: byte scan for the shapes, validation
/// (Luhn, calendar, century, not an organisationsnummer), then scoring from the
/// written form and Swedish context words. Every step is recorded in the evidence.
///
/// Scoring: base by form (twelve digits with separator 0.90 … ten digits without 0.60),
/// + 0.15 for a positive context word (`personnummer`, `pnr`, …), − 0.35 for a negative
/// one (`orgnr`, `fakturanr`, `OCR`, `tel`, `bankgiro`, …), clamped to [0.05, 0.99].
public struct PersonnummerDetector: Detector {
    public let validator: PersonnummerValidator
    public let thresholds: LevelThresholds
    let positive: ContextMatcher
    let negative: ContextMatcher

    public static let ruleID = "se.personnummer"
    public static let coordinationRuleID = "se.samordningsnummer"
    public var ruleIDs: [String] { [Self.ruleID, Self.coordinationRuleID] }

    public static let positiveWords = [
        "personnummer", "personnumret", "personnr", "pers.nr", "pers nr", "pers. nr", "pnr", "p-nr", "p.nr",
        "födelsenummer", "födelsenr", "samordningsnummer", "samordningsnumret", "samordningsnr", "samnr", "personid",
    ]
    public static let negativeWords = [
        "orgnr", "org.nr", "org nr", "org. nr", "org-nr", "organisationsnummer", "organisationsnr",
        "fakturanr", "fakturanummer", "faktura", "ordernr", "ordernummer", "ocr", "tel", "tel.", "telefon", "mobil",
        "bankgiro", "bg", "plusgiro", "pg", "kundnr", "kundnummer", "avtalsnr", "referensnr", "ref", "kontonr",
        "konto", "clearingnr", "artikelnr", "dnr", "diarienr", "ärendenr",
    ]

    public init(today: CivilDate = .today, thresholds: LevelThresholds = LevelThresholds(),
                positiveWords: [String] = PersonnummerDetector.positiveWords,
                negativeWords: [String] = PersonnummerDetector.negativeWords, window: (before: Int, after: Int) = (48, 24)) {
        self.validator = PersonnummerValidator(today: today)
        self.thresholds = thresholds
        self.positive = ContextMatcher(words: positiveWords, before: window.before, after: window.after)
        self.negative = ContextMatcher(words: negativeWords, before: window.before, after: window.after)
    }

    public func detect(in text: UnsafeBufferPointer<UInt8>, findings: inout [Finding]) {
        PersonnummerScanner.candidates(in: text) { candidate in
            guard case .success(let number) = validator.validate(digits: candidate.digits, separator: candidate.separator) else {
                return
            }
            findings.append(finding(for: candidate, number: number, text: text))
        }
    }

    private func finding(for candidate: PersonnummerScanner.Candidate, number: Personnummer,
                         text: UnsafeBufferPointer<UInt8>) -> Finding {
        let base = PersonnummerDetector.baseScore(digitCount: candidate.digits.count, separator: candidate.separator)
        var evidence = Evidence(validation: .confirmed, checks: ["luhn", "date"], steps: [String(format2: "base", base)])
        if candidate.separator == UInt8(ascii: "+") { evidence.checks.append("century:+") }
        if number.isSamordningsnummer { evidence.checks.append("samordningsnummer:day+60") }
        var confidence = base
        let plus = positive.find(in: text, around: candidate.span)
        let minus = negative.find(in: text, around: candidate.span)
        if !plus.isEmpty {
            confidence += 0.15
            evidence.steps.append(String(format2: "context +", 0.15) + " (\(plus.joined(separator: ", ")))")
            evidence.context += plus.map { "+" + $0 }
        }
        if !minus.isEmpty {
            confidence -= 0.35
            evidence.steps.append(String(format2: "context -", 0.35) + " (\(minus.joined(separator: ", ")))")
            evidence.context += minus.map { "-" + $0 }
        }
        confidence = min(0.99, max(0.05, confidence))
        evidence.steps.append(String(format2: "final", confidence))
        let value = String(decoding: text[candidate.span], as: UTF8.self)
        return Finding(category: number.category, value: value, normalized: number.normalized,
                       masked: PersonnummerDetector.mask(value), span: candidate.span, confidence: confidence,
                       level: thresholds.level(for: confidence),
                       rule: number.isSamordningsnummer ? Self.coordinationRuleID : Self.ruleID, evidence: evidence)
    }

    static func baseScore(digitCount: Int, separator: UInt8?) -> Double {
        switch (digitCount, separator) {
        case (12, nil): return 0.75
        case (12, _): return 0.90
        case (10, UInt8(ascii: "-")?), (10, UInt8(ascii: "+")?): return 0.80
        case (10, UInt8(ascii: " ")?): return 0.70
        default: return 0.60
        }
    }

    /// Keeps the birth date and hides the serial and check digits: `850101-****`, `198501012382` → `19850101****`.
    public static func mask(_ value: String) -> String {
        let bytes = Array(value.utf8)
        let total = bytes.reduce(0) { PersonnummerScanner.isDigit($1) ? $0 + 1 : $0 }
        var seen = 0
        let masked = bytes.map { byte -> UInt8 in
            guard PersonnummerScanner.isDigit(byte) else { return byte }
            seen += 1
            return seen > total - 4 ? UInt8(ascii: "*") : byte
        }
        return String(decoding: masked, as: UTF8.self)
    }
}

extension String {
    /// `label 0.85`: a score step with two decimals, without Foundation's formatter.
    init(format2 label: String, _ value: Double) {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        self = "\(label) \(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
