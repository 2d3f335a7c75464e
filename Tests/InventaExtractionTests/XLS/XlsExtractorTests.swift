import Testing
@testable import InventaExtraction
import InventaModel

/// Excel 97–2003 workbooks written by LibreOffice (make-legacy-fixtures.py).
@Suite struct XlsExtractorTests {
    let extracted = Fixture.extract("xls/good/libreoffice.xls")

    func cell(_ sheet: String, _ cell: String, in unpacked: Unpacked? = nil) -> String? {
        (unpacked ?? extracted).cellUnits.first { $0.location.sheet == sheet && $0.location.cell == cell }.map(Unpacked.owned)
    }

    @Test(arguments: [
        ("Blad1", "A1", "Namn"),
        ("Blad1", "A2", Vector.name),                     // shared string (LABELSST)
        ("Blad1", "B2", Vector.pnrDigits),                // the number 198501012382, as digits
        ("Blad1", "C2", "070-174 06 05"),
        ("Blad1", "D2", "1985-01-01"),                    // date-formatted number
        ("Blad1", "E2", "31250.5"),
        ("Blad1", "E3", "28000"),                         // small integers come as RK numbers
        ("Blad1", "B3", "19850209-2383"),
        ("Blad1", "B4", "0"),  // formula result as LibreOffice cached it (xls2csv reads the same)
        ("Dold", "B1", "Dold uppgift 19850330-2385"),     // hidden sheet
        ("Lista", "A1", "Rad 0 med en lång beskrivande text som fyller tabellen åäö"),
        ("Lista", "B400", "kod-00399"),                   // after the SST's CONTINUE records
        ("Lista", "B401", "Kontrollera \(Vector.pnr)"),
    ])
    func cellsComeOutWithSheetAndReference(sheet: String, reference: String, text: String) {
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.result.format == .xls)
        #expect(cell(sheet, reference) == text)
    }

    @Test func everyListRowIsReadWhole() {
        // 400 distinct strings of ~60 bytes spill over several CONTINUE records; none may be cut.
        for row in stride(from: 1, through: 400, by: 37) {
            #expect(cell("Lista", "A\(row)") == "Rad \(row - 1) med en lång beskrivande text som fyller tabellen åäö")
        }
    }

    @Test func eachCellSeesItsRowAsContext() throws {
        let unit = try #require(extracted.cellUnits.first { $0.location.sheet == "Blad1" && $0.location.cell == "B2" })
        #expect(unit.text.contains(Vector.name))
    }

    @Test func renamedWorkbookIsStillAWorkbook() {
        let renamed = Fixture.extract("xls/good/renamed.bin")
        #expect(renamed.result.format == .xls)
        #expect(cell("Blad1", "B2", in: renamed) == Vector.pnrDigits)
    }

    @Test func passwordProtectedWorkbookIsEncrypted() {
        let encrypted = Fixture.extract("xls/good/encrypted.xls")
        #expect(encrypted.result.format == .xls)
        #expect(encrypted.result.outcome == .skipped(.encrypted))
        #expect(encrypted.units.isEmpty)
    }

    @Test(arguments: ["xls/corrupted/truncated.xls", "xls/corrupted/sector-loop.xls", "xls/corrupted/chain-out-of-range.xls"])
    func damagedWorkbooksFail(fixture: String) {
        let damaged = Fixture.extract(fixture)
        #expect(damaged.result.outcome.isFailed, "\(damaged.result.outcome)")
        #expect(damaged.result.format == .xls)
    }

    @Test func workbookInAZipAndInAMail() throws {
        let zipped = Fixture.extract("xls/nested/in-zip.zip")
        let unit = try #require(zipped.cellUnits.first { $0.location.cell == "B2" && $0.location.sheet == "Blad1" })
        #expect(unit.member == ["arkiv/bilaga.xls"])
        #expect(Unpacked.owned(unit) == Vector.pnrDigits)
        let mailed = Fixture.extract("xls/nested/attached.eml")
        #expect(mailed.member(["bilaga.xls"])?.format == .xls)
        #expect(mailed.cellUnits.contains { $0.member == ["bilaga.xls"] && $0.location.cell == "B2" && Unpacked.owned($0) == Vector.pnrDigits })
    }

    @Test(arguments: [(0x0000_0F02 as UInt32, 960.0), (0x0000_0F03, 9.6), (0x3FF0_0000, 1.0), (0xFFFF_FFFE, -1.0)])
    func rkNumbers(raw: UInt32, value: Double) {
        #expect(XlsWorkbook.rk(raw) == value)
    }
}
