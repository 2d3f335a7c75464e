import Testing
@testable import InventaExtraction
import InventaModel

@Suite struct XlsxExtractorTests {
    let extracted = Fixture.extract("xlsx/good/vector.xlsx")

    /// The owned text of the cell at `sheet!cell`, if the workbook produced it.
    func cell(_ sheet: String, _ cell: String) -> String? {
        extracted.cellUnits.first { $0.location.sheet == sheet && $0.location.cell == cell }.map(Unpacked.owned)
    }

    @Test(arguments: [
        ("Blad1", "A1", "Namn"),
        ("Blad1", "A7", Vector.name),
        ("Blad1", "C7", Vector.pnrDigits),           // stored as the number 198501012382
        ("Blad1", "D7", Vector.pnrDigits),           // stored as 1.98501012382E11
        ("Blad1", "E7", Vector.address),             // inline string
        ("Blad1", "G7", "0.3"),                      // floating-point noise shown as Excel shows it
        ("Blad1", "A8", "Rik text \(Vector.name)"),  // rich shared string, cell without r attribute
        ("Blad1", "B8", "2"),                        // formula result
        ("Blad1", "C8", Vector.pnr),                 // formula string result
        ("Personal data", "B2", "Kontakt \(Vector.pnr)"),
        ("Blad1", "H7", "1985-01-01"),               // built-in date format 14
        ("Blad1", "I7", "1985-01-01"),               // custom yyyy-mm-dd, with a time of day
        ("Blad1", "J7", "12.5"),                     // custom non-date format with a quoted "d"
        ("Blad1", "K7", "1.5"),                      // elapsed time [h]:mm stays a number
    ])
    func cellsComeOutWithSheetAndReference(sheet: String, reference: String, text: String) {
        #expect(cell(sheet, reference) == text)
    }

    @Test func cellCommentsComeWithTheirCell() throws {
        let comment = try #require(extracted.unit(containing: "kontrollera \(Vector.pnr)"))
        #expect(comment.location == Location(sheet: "Personal data", cell: "B2", part: "comment"))
    }

    @Test func leavesOutBooleansAndPhoneticRuns() {
        #expect(cell("Blad1", "F7") == nil)
        #expect(!extracted.text.contains("FONETISK"))
    }

    @Test func eachCellSeesItsRowAsContext() throws {
        let unit = try #require(extracted.cellUnits.first { $0.location.cell == "C7" })
        #expect(unit.text.contains(Vector.name))
        #expect(Unpacked.owned(unit) == Vector.pnrDigits)
    }

    @Test func renamedWorkbookIsStillAWorkbook() {
        let renamed = Fixture.extract("xlsx/good/renamed-workbook.dat")
        #expect(renamed.result.format == .xlsx)
        #expect(renamed.cellUnits.contains { $0.location.cell == "C7" && Unpacked.owned($0) == Vector.pnrDigits })
    }

    @Test(arguments: ["xlsx/corrupted/truncated.xlsx", "xlsx/corrupted/garbage.xlsx"])
    func damagedWorkbooksFail(fixture: String) {
        let damaged = Fixture.extract(fixture)
        #expect(damaged.result.outcome.isFailed, "\(damaged.result.outcome)")
        #expect(damaged.units.isEmpty)
    }

    @Test func workbookInZip() {
        let nested = Fixture.extract("xlsx/nested/vector-in-zip.zip")
        #expect(nested.cellUnits.contains { $0.member == ["ekonomi/vector.xlsx"] && $0.location.sheet == "Blad1" && $0.location.cell == "C7" })
    }
}

@Suite struct NumberTextTests {
    @Test(arguments: [
        ("198501012382", "198501012382"), ("1.98501012382E11", "198501012382"), ("1.98501012382e+11", "198501012382"),
        ("0.30000000000000004", "0.3"), ("-1.5E-3", "-0.0015"), ("42.50", "42.5"), ("0", "0"), ("1E3", "1000"),
        ("9.9999999999999999E14", "1000000000000000"), ("12345678901234567890", "12345678901234600000"),
        ("not a number", "not a number"), ("", ""),
    ])
    func rendersAsTheDigitsAUserSees(raw: String, shown: String) {
        #expect(NumberText.display(raw) == shown)
    }
}

@Suite struct XlsxStylesTests {
    @Test(arguments: [
        ("1", "1900-01-01"), ("59", "1900-02-28"), ("61", "1900-03-01"), ("31048", "1985-01-01"),
        ("45658", "2025-01-01"), ("2958465", "9999-12-31"), ("0", nil), ("abc", nil),
    ] as [(String, String?)])
    func serialDaysAreDates(serial: String, date: String?) {
        #expect(XlsxStyles().dateText(serial) == date)
    }

    @Test func the1904SystemCountsFrom1904() {
        #expect(XlsxStyles(date1904: true).dateText("0.5") == nil)
        #expect(XlsxStyles(date1904: true).dateText("29586") == "1985-01-01")
    }

    @Test(arguments: [("yyyy-mm-dd", true), ("d/m/yy", true), ("[$-41D]d mmmm yyyy", true), ("0.00", false),
                      ("\"dag\" 0", false), ("[h]:mm", false), ("hh:mm", false), ("[Red]0", false)])
    func dateFormatCodes(code: String, isDate: Bool) {
        #expect(XlsxStyles.isDateCode(code) == isDate)
    }
}

@Suite struct CellReferenceTests {
    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA"), (16383, "XFD")])
    func columnLetters(index: Int, letters: String) {
        #expect(CellReference.column(index) == letters)
        #expect(CellReference.parse("\(letters)1")?.column == index)
    }

    @Test(arguments: ["", "7", "C", "C7D", "ABCD1"])
    func rejectsNonReferences(text: String) {
        #expect(CellReference.parse(text) == nil)
    }
}
