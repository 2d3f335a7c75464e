import InventaModel

/// Recognises Swedish organisationsnummer so the engine can use them as negative
/// evidence and to suppress overlapping findings. They are never reported: a legal
/// person's number is not personal data.
///
/// Accepted shapes (the ten digits must have a first digit 1–9, a third digit ≥ 2 and a
/// valid Luhn check digit): `556677-8899`, `5566778899`, the twelve-digit form with the
/// `16` prefix (`16556677-8899`, `165566778899`) and the VAT number `SE556677889901`
/// (also `SE 5566778899 01`).
///
/// Never claimed: a third digit below 2. That is an enskild firma, whose
/// organisationsnummer is the owner's personnummer, and stays a personnummer.
///
/// API for the rule engine (the builtin name is `organisationsnummer`):
/// - As a `Matcher`, every match is a `Candidate` with `validation: .confirmed`, the tags
///   `organisationsnummer` (the marker) and `not_personal_data`, and category `.personnummer`
///   only because `Candidate` needs one. The engine must treat this builtin as a suppressor and
///   never report its candidates (`RuleEngine` does, by the builtin's name): their spans suppress
///   overlapping personnummer, phone and bank findings.
/// - `matches(in:visit:)` yields `Match` values (span, ten-digit normal form, written form) for
///   code that wants the spans without building candidates.
public struct OrganisationsnummerMatcher: Matcher {
    public enum Form: String, Sendable, Equatable {
        case tenDigits = "ten_digits"
        case centuryPrefixed = "century_prefixed"
        case vat

        /// The evidence check, `form:ten_digits` …, without building it per number.
        var check: String {
            switch self {
            case .tenDigits: return "form:ten_digits"
            case .centuryPrefixed: return "form:century_prefixed"
            case .vat: return "form:vat"
            }
        }

        /// The candidate's checks, one shared array per form.
        var checks: [String] {
            switch self {
            case .tenDigits: return Self.tenDigitChecks
            case .centuryPrefixed: return Self.centuryPrefixedChecks
            case .vat: return Self.vatChecks
            }
        }

        private static let tenDigitChecks = ["luhn", "third_digit>=2", Form.tenDigits.check]
        private static let centuryPrefixedChecks = ["luhn", "third_digit>=2", Form.centuryPrefixed.check]
        private static let vatChecks = ["luhn", "third_digit>=2", Form.vat.check]
    }

    public struct Match: Sendable, Equatable {
        public var span: Range<Int>
        /// The ten digits, e.g. `5566778899`.
        public var normalized: String
        public var form: Form
    }

    public static let markerTag = "organisationsnummer"
    /// Shared: an array literal per number would allocate each time.
    private static let tags = [markerTag, "not_personal_data"]
    public var name: String { "organisationsnummer" }

    public init() {}

    public func candidates(in text: UnsafeBufferPointer<UInt8>, visit: (Candidate) -> Void) {
        candidates(in: text, runs: DigitRunIndex(text), visit: visit)
    }

    public func candidates(in text: UnsafeBufferPointer<UInt8>, runs: DigitRunIndex, visit: (Candidate) -> Void) {
        matches(in: text, runs: runs) { match in
            let value = String(decoding: text[match.span], as: UTF8.self)
            visit(Candidate(category: .personnummer, span: match.span, value: value, normalized: match.normalized,
                            masked: value, validation: .confirmed, checks: match.form.checks,
                            baseScore: 0.90, tags: Self.tags))
        }
    }

    /// Every organisationsnummer in `text`, in order.
    public func matches(in text: UnsafeBufferPointer<UInt8>, visit: (Match) -> Void) {
        matches(in: text, runs: DigitRunIndex(text), visit: visit)
    }

    func matches(in text: UnsafeBufferPointer<UInt8>, runs: DigitRunIndex, visit: (Match) -> Void) {
        DigitRuns.forEach(in: text, runs: runs, only: .identity) { start, end in
            guard let match = match(text, runStart: start, runEnd: end) else { return end }
            visit(match)
            return match.span.upperBound
        }
    }

    /// Tries every shape that can start with the digit run `runStart..<runEnd`.
    private func match(_ text: UnsafeBufferPointer<UInt8>, runStart: Int, runEnd: Int) -> Match? {
        // Every shape, the VAT number included, starts with a run of 6, 8, 10 or 12 digits:
        // tested first, as this runs for every digit run in the text.
        let run = runEnd - runStart
        guard run == 6 || run == 8 || run == 10 || run == 12 else { return nil }
        if let vat = vat(text, runStart: runStart, runEnd: runEnd) { return vat }
        guard NumberBoundary.startsClean(text, at: runStart) else { return nil }
        guard Self.mayBeValid(text, runStart: runStart, runEnd: runEnd) else { return nil }
        var end = runEnd
        if (run == 6 || run == 8) && end + 5 <= text.count && text[end] == UInt8(ascii: "-") {
            for index in (end + 1)..<(end + 5) where !ByteClass.isDigit(text[index]) { return nil }
            end += 5
        }
        guard NumberBoundary.endsClean(text, at: end) else { return nil }
        let form: Form
        let first: Int
        switch run + (end > runEnd ? 4 : 0) {
        case 10: (form, first) = (.tenDigits, runStart)
        case 12 where text[runStart] == UInt8(ascii: "1") && text[runStart + 1] == UInt8(ascii: "6"):
            (form, first) = (.centuryPrefixed, runStart + 2)
        default: return nil
        }
        // The ten digits are `text[first..<runEnd]` and, after a dash, the four of the tail. Checked
        // in place (`mayBeValid` made `isValid`'s other tests): most reference numbers fail Luhn,
        // and two arrays per number cost more than the check.
        let head = runEnd - first
        @inline(__always) func position(_ digit: Int) -> Int { digit < head ? first + digit : runEnd + 1 + digit - head }
        var sum = 0
        for digit in 0..<10 {
            let value = Int(ByteClass.value(text[position(digit)]))
            sum += digit % 2 == 0 ? (value * 2 > 9 ? value * 2 - 9 : value * 2) : value
        }
        guard sum % 10 == 0 else { return nil }
        let normalized = String(unsafeUninitializedCapacity: 10) { out in
            for digit in 0..<10 { out[digit] = text[position(digit)] }
            return 10
        }
        return Match(span: runStart..<end, normalized: normalized, form: form)
    }

    /// The tests `isValid` makes first (length, `16` prefix, first digit, third digit ≥ 2), read
    /// from the text before any array is built: most digit runs in a spreadsheet are dates,
    /// amounts and reference numbers that fail them.
    private static func mayBeValid(_ text: UnsafeBufferPointer<UInt8>, runStart: Int, runEnd: Int) -> Bool {
        let run = runEnd - runStart
        let hasTail = (run == 6 || run == 8) && runEnd + 5 <= text.count && text[runEnd] == UInt8(ascii: "-")
        let total = run + (hasTail ? 4 : 0)
        guard total == 10 || total == 12 else { return false }
        if total == 12 && !(text[runStart] == UInt8(ascii: "1") && text[runStart + 1] == UInt8(ascii: "6")) { return false }
        let first = total == 12 ? runStart + 2 : runStart
        return text[first] != UInt8(ascii: "0") && text[first + 2] >= UInt8(ascii: "2")
    }

    /// `SE` + ten digits + `01`, optionally with a space after `SE` and before `01`.
    private func vat(_ text: UnsafeBufferPointer<UInt8>, runStart: Int, runEnd: Int) -> Match? {
        var prefix = runStart
        if prefix > 0 && text[prefix - 1] == UInt8(ascii: " ") { prefix -= 1 }
        guard prefix >= 2, text[prefix - 2] == UInt8(ascii: "S"), text[prefix - 1] == UInt8(ascii: "E"),
              NumberBoundary.startsClean(text, at: prefix - 2) else { return nil }
        var digits = Array(text[runStart..<runEnd])
        var end = runEnd
        if digits.count == 10, end + 3 <= text.count, text[end] == UInt8(ascii: " "),
           text[end + 1] == UInt8(ascii: "0"), text[end + 2] == UInt8(ascii: "1") {
            digits += [UInt8(ascii: "0"), UInt8(ascii: "1")]
            end += 3
        }
        guard digits.count == 12, digits[10] == UInt8(ascii: "0"), digits[11] == UInt8(ascii: "1"),
              NumberBoundary.endsClean(text, at: end) else { return nil }
        let ten = Array(digits[0..<10])
        guard Self.isValid(ten) else { return nil }
        return Match(span: (prefix - 2)..<end, normalized: String(decoding: ten, as: UTF8.self), form: .vat)
    }

    /// Ten ASCII digits: first digit 1–9, third digit ≥ 2, Luhn.
    public static func isValid(_ digits: [UInt8]) -> Bool {
        guard digits.count == 10, digits.allSatisfy(ByteClass.isDigit) else { return false }
        let values = digits.map(ByteClass.value)
        return values[0] != 0 && values[2] >= 2 && Luhn.isValid(values)
    }
}
