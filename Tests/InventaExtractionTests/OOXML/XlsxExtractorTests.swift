import Testing
@testable import InventaExtraction
import InventaModel

@Suite struct XlsxExtractorTests {
    let extracted = Fixture.extract("xlsx/good/vector.xlsx")

    /// The owned text of the cell at `sheet!cell`, if the workbook produced it.
    func cell(_ sheet: String, _ cell: String) -> String? {
        extracted.units.first { $0.location.sheet == sheet && $0.location.cell == cell }.map(Extracted.owned)
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
    ])
    func cellsComeOutWithSheetAndReference(sheet: String, reference: String, text: String) {
        #expect(cell(sheet, reference) == text)
    }

    @Test func leavesOutBooleansAndPhoneticRuns() {
        #expect(cell("Blad1", "F7") == nil)
        #expect(!extracted.text.contains("FONETISK"))
    }

    @Test func eachCellUnitSeesItsRowAsContext() throws {
        let unit = try #require(extracted.units.first { $0.location.cell == "C7" })
        #expect(unit.text.contains(Vector.name))
        #expect(Extracted.owned(unit) == Vector.pnrDigits)
    }

    @Test func renamedWorkbookIsStillAWorkbook() {
        let renamed = Fixture.extract("xlsx/good/renamed-workbook.dat")
        #expect(renamed.result.format == .xlsx)
        #expect(renamed.units.contains { $0.location.cell == "C7" && Extracted.owned($0) == Vector.pnrDigits })
    }

    @Test(arguments: ["xlsx/corrupted/truncated.xlsx", "xlsx/corrupted/garbage.xlsx"])
    func damagedWorkbooksFail(fixture: String) {
        let damaged = Fixture.extract(fixture)
        #expect(damaged.result.outcome.isFailed, "\(damaged.result.outcome)")
        #expect(damaged.units.isEmpty)
    }

    @Test func workbookInZip() {
        let nested = Fixture.extract("xlsx/nested/vector-in-zip.zip")
        #expect(nested.units.contains { $0.member == ["ekonomi/vector.xlsx"] && $0.location.sheet == "Blad1" && $0.location.cell == "C7" })
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
