import InventaModel

/// The `personnummer` builtin: finds personnummer and samordningsnummer with the byte
/// scanner, validates them (Luhn, calendar, century, not an organisationsnummer) and
/// reports each as a `Candidate` with a base score from its written form. Context
/// words, allowlists, the density step and levels are the engine's job; the words
/// live in `Rules/personnummer.toml`.
///
/// Shaped numbers that fail validation are reported as `.rejected` (with the reason
/// in `checks`), so the engine can count them for the density check; they are never
/// reported as findings. Numbers in Skatteverket's published test lists get the tag
/// `test_identity`, so a DPO can tell test data from real people.
public struct PersonnummerMatcher: Matcher {
    public var name: String { "personnummer" }
    public let validator: PersonnummerValidator
    public let testIdentities: TestIdentities

    public init(today: CivilDate = .today, testIdentities: TestIdentities = TestIdentities()) {
        self.validator = PersonnummerValidator(today: today)
        self.testIdentities = testIdentities
    }

    /// Loads the test-number lists from `<rulesDirectory>/datasets/pnr-testdata/`.
    public init(rulesDirectory: String, today: CivilDate = .today) throws {
        self.init(today: today, testIdentities: try TestIdentities(rulesDirectory: rulesDirectory))
    }

    public func candidates(in text: UnsafeBufferPointer<UInt8>, visit: (Candidate) -> Void) {
        candidates(in: text, runs: DigitRunIndex(text), visit: visit)
    }

    public func candidates(in text: UnsafeBufferPointer<UInt8>, runs: DigitRunIndex, visit: (Candidate) -> Void) {
        PersonnummerScanner.candidates(in: text, runs: runs) { shape in
            switch validator.validate(digits: shape.digits, separator: shape.separator) {
            case .failure(let rejection):
                // Never reported, only counted (density): no value strings are built.
                visit(Candidate(category: .personnummer, span: shape.span, value: "", normalized: "", masked: "",
                                validation: .rejected, checks: Self.rejectionChecks(rejection), baseScore: 0))
            case .success(let number):
                let value = String(decoding: text[shape.span], as: UTF8.self)
                let checks = Self.checks[(shape.separator == UInt8(ascii: "+") ? 1 : 0) + (number.isSamordningsnummer ? 2 : 0)]
                var tags = testIdentities.contains(number.normalized) ? Self.testIdentityTags : []
                var base = Self.baseScore(digitCount: shape.digits.count, separator: shape.separator)
                if number.isSamordningsnummer && Self.isMobileShaped(shape.digits, separator: shape.separator) {
                    base = Self.mobileShapedCoordinationScore
                    tags.append("mobile_shaped")
                }
                visit(Candidate(category: number.category, span: shape.span, value: value, normalized: number.normalized,
                                masked: Self.mask(text[shape.span]), validation: .confirmed, checks: checks, baseScore: base, tags: tags))
            }
        }
    }

    /// The checks of a valid number, built once: [plain, `+`, samordningsnummer, both].
    private static let checks: [[String]] = [
        ["luhn", "date"], ["luhn", "date", "century:+"],
        ["luhn", "date", "samordningsnummer:day+60"], ["luhn", "date", "century:+", "samordningsnummer:day+60"],
    ]
    private static let testIdentityTags = [TestIdentities.tag]

    /// `[reason]` for a rejected shape, one shared array per reason: tables of reference
    /// numbers reject thousands of shapes, and an array literal per shape allocated each time.
    private static func rejectionChecks(_ rejection: PersonnummerRejection) -> [String] {
        switch rejection {
        case .checksum: return ["checksum"]
        case .impossibleDate: return ["impossible_date"]
        case .futureDate: return ["future_date"]
        case .organisationsnummer: return ["organisationsnummer"]
        case .centuryMismatch: return ["century_mismatch"]
        case .birthNumber: return ["birth_number"]
        case .malformed: return ["malformed"]
        }
    }

    /// The more complete the written form, the surer: twelve digits with a separator
    /// 0.90, ten with `-`/`+` 0.80, with a space 0.70, twelve bare digits 0.75, ten bare 0.60.
    static func baseScore(digitCount: Int, separator: UInt8?) -> Double {
        switch (digitCount, separator) {
        case (12, nil): return 0.75
        case (12, _): return 0.90
        case (10, UInt8(ascii: "-")?), (10, UInt8(ascii: "+")?): return 0.80
        case (10, UInt8(ascii: " ")?): return 0.70
        default: return 0.60
        }
    }

    /// Ten bare digits that are also a Swedish mobile number (`07[02369]…`) and a valid
    /// samordningsnummer: about one mobile number in ten passes Luhn with a day between 61
    /// and 91 (`0701740664` reads as 070174-0664). Without a context word the phone reading
    /// is likelier, so the score sits below the phone matcher's for the same digits (0.30);
    /// a word such as `samordningsnummer` or `pnr` lifts it back above.
    static let mobileShapedCoordinationScore = 0.25

    static func isMobileShaped(_ digits: [UInt8], separator: UInt8?) -> Bool {
        guard separator == nil, digits.count == 10, digits[0] == UInt8(ascii: "0"), digits[1] == UInt8(ascii: "7") else { return false }
        return [UInt8(ascii: "0"), UInt8(ascii: "2"), UInt8(ascii: "3"), UInt8(ascii: "6"), UInt8(ascii: "9")].contains(digits[2])
    }

    /// Keeps the birth date and hides the serial and check digits: `850101-****`, `198501012382` → `19850101****`.
    public static func mask(_ value: String) -> String {
        var value = value
        return value.withUTF8 { mask($0[...]) }
    }

    /// The same from the bytes as written, straight into the new string (no byte array).
    static func mask(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        var total = 0
        for byte in bytes where byte &- 0x30 < 10 { total += 1 }
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            var digitsSeen = 0
            for (offset, byte) in bytes.enumerated() {
                var masked = byte
                if byte &- 0x30 < 10 {
                    digitsSeen += 1
                    if digitsSeen > total - 4 { masked = UInt8(ascii: "*") }
                }
                out[offset] = masked
            }
            return bytes.count
        }
    }
}
