import InventaDetection
import Testing

/// The personnummer validator as a table. Valid numbers are Skatteverket's published
/// test numbers; every invalid one is built invalid on purpose (wrong check digit,
/// impossible date, future date), so no real person's number appears here.
@Suite struct PersonnummerValidatorTests {
    static let today = CivilDate(year: 2026, month: 11, day: 27)
    let validator = PersonnummerValidator(today: Self.today)

    struct Accepted: Sendable, CustomTestStringConvertible {
        let written: String
        let normalized: String
        let coordination: Bool
        var testDescription: String { written }
    }

    static let accepted: [Accepted] = [
        .init(written: "830404-2388", normalized: "198304042388", coordination: false),
        .init(written: "8304042388", normalized: "198304042388", coordination: false),
        .init(written: "830404 2388", normalized: "198304042388", coordination: false),
        .init(written: "19830404-2388", normalized: "198304042388", coordination: false),
        .init(written: "198304042388", normalized: "198304042388", coordination: false),
        .init(written: "19830404 2388", normalized: "198304042388", coordination: false),
        // A child born this century, short form: the century is the most recent one.
        .init(written: "030704-2390", normalized: "200307042390", coordination: false),
        .init(written: "231231-2388", normalized: "202312312388", coordination: false),
        // `+` means 100 or older: 1890, not 1990.
        .init(written: "900101+9802", normalized: "189001019802", coordination: false),
        .init(written: "120211+9150", normalized: "191202119150", coordination: false),
        .init(written: "18900101+9802", normalized: "189001019802", coordination: false),
        // Leap days in leap years, including 2000 (divisible by 400).
        .init(written: "960229-2386", normalized: "199602292386", coordination: false),
        .init(written: "000229-2381", normalized: "200002292381", coordination: false),
        .init(written: "920229+9815", normalized: "189202299815", coordination: false),
        // Samordningsnummer: day + 60; day 60 (unknown day) and month 00 (unknown month).
        // A short form with `-` means under 100 years old, so 211175 is 2021, not 1921.
        .init(written: "211175-2388", normalized: "202111752388", coordination: true),
        .init(written: "19211175-2388", normalized: "192111752388", coordination: true),
        .init(written: "19171160-2399", normalized: "191711602399", coordination: true),
        .init(written: "171160+2399", normalized: "191711602399", coordination: true),
        .init(written: "191500722390", normalized: "191500722390", coordination: true),
        .init(written: "191500882392", normalized: "191500882392", coordination: true),
    ]

    @Test("accepts valid forms", arguments: accepted)
    func accepts(_ item: Accepted) throws {
        let (digits, separator) = Self.split(item.written)
        let number = try validator.validate(digits: digits, separator: separator).get()
        #expect(number.normalized == item.normalized)
        #expect(number.isSamordningsnummer == item.coordination)
    }

    struct Rejected: Sendable, CustomTestStringConvertible {
        let written: String
        let reason: PersonnummerRejection
        var testDescription: String { "\(written) → \(reason)" }
    }

    static let rejected: [Rejected] = [
        // A test number with its check digit changed.
        .init(written: "830404-2389", reason: .checksum),
        .init(written: "198304042380", reason: .checksum),
        // Luhn-valid on purpose, but no such day.
        .init(written: "850231-1239", reason: .impossibleDate),
        .init(written: "850100-1237", reason: .impossibleDate),
        .init(written: "851301-1232", reason: .impossibleDate),
        .init(written: "850132-1239", reason: .impossibleDate),
        // 29 February in a year that is not a leap year.
        .init(written: "010229-1234", reason: .impossibleDate),
        // Organisationsnummer: third digit ≥ 2, or the 16-prefixed twelve-digit form.
        .init(written: "212000-0142", reason: .organisationsnummer),
        .init(written: "202100-5448", reason: .organisationsnummer),
        .init(written: "162021005448", reason: .organisationsnummer),
        // `+` on a twelve-digit number of someone under 100 contradicts the century.
        .init(written: "20030704+2390", reason: .centuryMismatch),
    ]

    @Test("rejects invalid numbers with the reason", arguments: rejected)
    func rejects(_ item: Rejected) {
        let (digits, separator) = Self.split(item.written)
        #expect(throws: item.reason) { try validator.validate(digits: digits, separator: separator).get() }
    }

    @Test func plusFixesTheCentury() {
        let digits = Array("2311302398".utf8)
        #expect((try? validator.validate(digits: digits, separator: nil).get())?.birthDate.year == 2023)
        #expect((try? validator.validate(digits: digits, separator: UInt8(ascii: "+")).get())?.birthDate.year == 1923)
    }

    @Test func rejectsBirthDatesAfterToday() {
        // A test number born 2023-12-31, checked as if today were 1 January 2020.
        let earlier = PersonnummerValidator(today: CivilDate(year: 2020, month: 1, day: 1))
        #expect(throws: PersonnummerRejection.futureDate) {
            try earlier.validate(digits: Array("202312312388".utf8), separator: nil).get()
        }
        // The short form then means 1923: a hundred years earlier, in the past.
        #expect((try? earlier.validate(digits: Array("2312312388".utf8), separator: nil).get())?.birthDate.year == 1923)
    }

    @Test("leap years", arguments: [(1900, false), (1996, true), (2000, true), (2001, false), (2024, true), (2100, false)])
    func leapYears(year: Int, leap: Bool) {
        #expect(CivilDate.isLeapYear(year) == leap)
        #expect(CivilDate(year: year, month: 2, day: 29).isValid == leap)
    }

    static func split(_ written: String) -> ([UInt8], UInt8?) {
        let bytes = Array(written.utf8)
        let separator = bytes.first { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: " ") }
        return (bytes.filter { $0 >= 0x30 && $0 <= 0x39 }, separator)
    }
}
