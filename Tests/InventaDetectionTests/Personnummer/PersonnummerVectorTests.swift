import InventaDetection
import InventaModel
import Testing

/// The personnummer project's cross-language test vectors (github.com/personnummer/meta,
/// `testdata/list.json` and `testdata/orgnumber.json`, commit c44a844), every written form of
/// each, as a table.
///
/// Valid identifiers in this repository must be Skatteverket's test numbers, so the vectors
/// are adapted: the one valid vector that is a test number (`20000229-2399`) is kept; every
/// other valid vector is replaced by a test number of the same shape (century, separator,
/// personnummer or samordningsnummer, `+` for 100 or older), named in the comment. Invalid
/// vectors are kept as they are (they identify nobody). The organisationsnummer vectors are
/// legal persons' numbers (the AP funds), public and not personal data.
///
/// One deliberate divergence: meta lists a valid 1909 number written with a space as separator as invalid;
/// Inventa accepts a space because Swedish documents write it so (decision 0005), which the
/// `spaceSeparatorIsAccepted` test states with a test number.
@Suite struct PersonnummerVectorTests {
    static let today = CivilDate(year: 2026, month: 11, day: 27)
    let validator = PersonnummerValidator(today: Self.today)

    struct Vector: Sendable, CustomTestStringConvertible {
        /// `separated_long`, the form that fixes the century.
        let long: String
        let valid: Bool
        let coordination: Bool
        var testDescription: String { "\(long) \(valid ? "valid" : "invalid")" }

        /// The forms meta lists: long, long bare, short separated, short bare. The short bare
        /// form of a `+` number reads as under 100 (another century, still valid).
        var forms: [String] {
            let digits = long.filter(\.isNumber)
            let separator = long.first { $0 == "-" || $0 == "+" }.map(String.init) ?? "-"
            let short = String(digits.dropFirst(2))
            return [long, digits, String(short.prefix(6)) + separator + String(short.suffix(4)), short]
        }
    }

    static let vectors: [Vector] = [
        // meta's 20150916-0006: Luhn-valid, but birth number 000 is never issued.
        .init(long: "20150916-0006", valid: false, coordination: false),
        // for meta's 1909 number written with `+` (not a Skatteverket test number)
        .init(long: "19090101+9810", valid: true, coordination: false),
        // meta's own, a test number (a leap day in 2000)
        .init(long: "20000229-2399", valid: true, coordination: false),
        .init(long: "19700428-9895", valid: false, coordination: false),
        // for meta's 19570428-9999
        .init(long: "19570103-2863", valid: true, coordination: false),
        .init(long: "19420566-9899", valid: false, coordination: true),
        // for meta's 19730288-9931 (samordningsnummer)
        .init(long: "19730173-2389", valid: true, coordination: true),
        .init(long: "19600430-9886", valid: false, coordination: false),
        // for meta's 19460823-9986
        .init(long: "19460113-6098", valid: true, coordination: false),
        .init(long: "19721086-9924", valid: false, coordination: true),
        // for meta's 20210791-9967 (samordningsnummer)
        .init(long: "20210161-2394", valid: true, coordination: true),
        // for meta's 19090121+9931
        .init(long: "19090102+9801", valid: true, coordination: false),
        // for meta's 20000405-9937
        .init(long: "20000101-1493", valid: true, coordination: false),
    ]

    @Test("meta vectors, every written form", arguments: vectors)
    func vector(_ vector: Vector) {
        for form in vector.forms {
            let (digits, separator) = PersonnummerValidatorTests.split(form)
            let result = validator.validate(digits: digits, separator: separator)
            switch result {
            case .success(let number):
                #expect(vector.valid, "\(form) accepted")
                #expect(number.isSamordningsnummer == vector.coordination, "\(form)")
                if form.count > 11 { #expect(number.normalized == vector.long.filter(\.isNumber), "\(form)") }
            case .failure(let reason):
                #expect(!vector.valid, "\(form) rejected: \(reason)")
            }
        }
    }

    @Test func birthNumberZeroIsRejectedWithItsReason() {
        for form in ["20150916-0006", "150916-0006", "1509160006"] {
            let (digits, separator) = PersonnummerValidatorTests.split(form)
            #expect(throws: PersonnummerRejection.birthNumber) { try validator.validate(digits: digits, separator: separator).get() }
        }
    }

    @Test func spaceSeparatorIsAccepted() throws {
        let number = try validator.validate(digits: Array("190901019810".utf8), separator: UInt8(ascii: " ")).get()
        #expect(number.normalized == "190901019810")
    }

    /// meta's `orgnumber.json`: valid organisationsnummer, never a personnummer.
    @Test("meta organisationsnummer vectors", arguments: ["857209-0606", "802005-1952", "802005-7538", "802406-2302",
                                                          "855104-0721", "802014-4120"])
    func organisationsnummer(_ written: String) {
        let (digits, separator) = PersonnummerValidatorTests.split(written)
        #expect(throws: PersonnummerRejection.organisationsnummer) { try validator.validate(digits: digits, separator: separator).get() }
        #expect(OrganisationsnummerMatcher.isValid(digits))
    }
}
