import InventaModel

/// Finds Swedish phone numbers by the numbering plan, with a hand-written byte scan.
///
/// Accepts national numbers (`070-174 06 05`, `070 174 06 05`, `0701740605`, `08-123 45 67`,
/// `031-12 34 56`, `0771-12 34 56`) and international ones (`+46 70 174 06 05`,
/// `+46 (0)70-174 06 05`, `+46701740605`, `0046 70 174 06 05`). The area code or mobile
/// prefix must exist and the digit count must fit it; groups after the prefix have 2–4
/// digits, or the subscriber number is written in one piece.
///
/// Rejects: numbers glued to words or inside longer numbers (`2018-04-10`, `12-0701740605`),
/// amounts and postcodes (they do not start with `0`), the personnummer layout `YYMMDD-NNNN`.
/// A ten-digit run that is also a valid personnummer or samordningsnummer (date and Luhn)
/// is kept with a low base score and the tag `personnummer_shaped`, so that context decides
/// (see docs/decisions/0401-phone-versus-personnummer.md).
///
/// Scoring (base, before context): international 0.85, grouped mobile 0.75, grouped landline
/// 0.65, mobile in one piece 0.60, landline in one piece 0.45, service numbers (`0771`, `020`,
/// tag `service_number`) 0.30, personnummer-shaped 0.30.
/// Normalised to E.164 (`+46701740605`); masked keeping the prefix and the last two digits
/// (`070-*** ** 05`).
public struct PhoneMatcher: Matcher {
    public var name: String { "phone" }
    let personnummer: PersonnummerValidator

    public init(today: CivilDate = .today) {
        self.personnummer = PersonnummerValidator(today: today)
    }

    public func candidates(in text: UnsafeBufferPointer<UInt8>, visit: (Candidate) -> Void) {
        candidates(in: text, runs: DigitRunIndex(text), visit: visit)
    }

    public func candidates(in text: UnsafeBufferPointer<UInt8>, runs: DigitRunIndex, visit: (Candidate) -> Void) {
        // Every phone number contains a digit run; it starts the number, or follows the `+` of +46.
        DigitRuns.forEach(in: text, runs: runs, only: .phone) { start, end in
            let anchor = start > 0 && text[start - 1] == UInt8(ascii: "+") ? start - 1 : start
            guard text[anchor] == UInt8(ascii: "+") || text[start] == UInt8(ascii: "0"),
                  let found = PhoneParser.parse(text, at: anchor) else { return end }
            if let candidate = candidate(for: found, in: text) { visit(candidate) }
            return found.span.upperBound
        }
    }

    private func candidate(for found: PhoneParser.Parsed, in text: UnsafeBufferPointer<UInt8>) -> Candidate? {
        let value = String(decoding: text[found.span], as: UTF8.self)
        var tags = Self.noTags
        var base: Double
        switch (found.prefix.kind, found.international, found.groups) {
        case (.service, _, _): base = 0.30; tags = Self.serviceTags
        case (_, true, _): base = 0.85
        case (.mobile, false, 1): base = 0.60
        case (.mobile, false, _): base = 0.75
        case (_, false, 1): base = 0.45
        default: base = 0.65
        }
        if !found.international && found.groups == 1 && found.national.count == 10
            && isPersonnummer(Array(found.national)) {
            base = 0.30
            tags = tags.isEmpty ? Self.personnummerShapedTags : Self.servicePersonnummerShapedTags
        }
        let masked = ValueMasking.digits(value, keepFirst: found.prefixDigitsWritten, keepLast: 2)
        return Candidate(category: .phone, span: found.span, value: value,
                         normalized: String(digitValues: found.national.dropFirst(), after: "+46"),
                         masked: masked, validation: .confirmed,
                         checks: found.prefix.kind.checks, baseScore: base, tags: tags)
    }

    // Tag lists are shared constants: an array literal here would allocate for every number.
    private static let noTags: [String] = []
    private static let serviceTags = ["service_number"]
    private static let personnummerShapedTags = ["personnummer_shaped"]
    private static let servicePersonnummerShapedTags = ["service_number", "personnummer_shaped"]

    private func isPersonnummer(_ digits: [UInt8]) -> Bool {
        if case .success = personnummer.validate(digits: digits.map { $0 + 0x30 }, separator: nil) { return true }
        return false
    }
}

extension SwedishNumberingPlan.Kind {
    /// The evidence check, written once per kind rather than once per number.
    var check: String {
        switch self {
        case .mobile: return "numbering_plan:mobile"
        case .landline: return "numbering_plan:landline"
        case .service: return "numbering_plan:service"
        }
    }

    /// `[check]`, one shared array per kind (an array literal per number would allocate each time).
    var checks: [String] {
        switch self {
        case .mobile: return Self.mobileChecks
        case .landline: return Self.landlineChecks
        case .service: return Self.serviceChecks
        }
    }

    private static let mobileChecks = [Self.mobile.check]
    private static let landlineChecks = [Self.landline.check]
    private static let serviceChecks = [Self.service.check]
}
