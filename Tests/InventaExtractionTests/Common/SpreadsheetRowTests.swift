@testable import InventaExtraction
import InventaModel
import Testing

@Suite struct SpreadsheetRowTests {
    func rows(_ input: [[(String, String)]], sheet: String = "Blad1") -> [TextUnit] {
        var row = SpreadsheetRow()
        var units: [TextUnit] = []
        for cells in input {
            for (reference, text) in cells { row.add(reference: reference, text: text) }
            row.flush(sheet: sheet) { units.append($0) }
        }
        return units
    }

    /// A title row, then the header, then data: one unit per row, each data cell after its column's name.
    @Test func dataCellsCarryTheirColumnName() throws {
        let units = rows([[("A1", "Leverantörsregister 2020")], [("A2", "Leverantör"), ("B2", "Bankgiro")],
                          [("A3", "Exempel AB"), ("B3", "826-4871")]])
        #expect(units.count == 3)
        let row = try #require(units.last)
        #expect(row.text == "Leverantör: Exempel AB\tBankgiro: 826-4871")
        #expect(row.location == Location(sheet: "Blad1", cell: "A3"))
        #expect(row.cellTexts == [
            TableCellText(location: Location(sheet: "Blad1", cell: "A3", header: "Leverantör"), value: "Exempel AB"),
            TableCellText(location: Location(sheet: "Blad1", cell: "B3", header: "Bankgiro"), value: "826-4871"),
        ])
        #expect(units.flatMap(\.cellTexts).map(\.value) == ["Leverantörsregister 2020", "Leverantör", "Bankgiro", "Exempel AB", "826-4871"])
    }

    @Test func aNewSheetForgetsTheHeader() throws {
        var row = SpreadsheetRow()
        row.add(reference: "A1", text: "Namn")
        row.add(reference: "B1", text: "Bankgiro")
        row.flush(sheet: "Blad1") { _ in }
        row.startSheet()
        var units: [TextUnit] = []
        row.add(reference: "B1", text: "826-4871")
        row.flush(sheet: "Blad2") { units.append($0) }
        #expect(units.first?.text == "826-4871")
        #expect(units.first?.cellTexts.first?.location == Location(sheet: "Blad2", cell: "B1"))
    }

    /// A merged cell over two sub-columns: the second header row's names are `Över / Under`.
    @Test func twoRowHeaderMergesNames() throws {
        let units = rows([[("A1", "Anställd"), ("C1", "Bank")],
                          [("A2", "Namn"), ("B2", "Personnummer"), ("C2", "Clearingnr"), ("D2", "Kontonr")],
                          [("A3", "Berg, Anna"), ("B3", "19740702-9284"), ("C3", "5000"), ("D3", "123 45 60")]])
        #expect(units.last?.text == "Anställd / Namn: Berg, Anna\tAnställd / Personnummer: 19740702-9284\t"
                + "Bank / Clearingnr: 5000\tBank / Kontonr: 123 45 60")
    }

    /// A data row that only has text is still data once the header is known.
    @Test func aTextOnlyRowUnderTheHeaderIsData() throws {
        let units = rows([[("A1", "Namn"), ("B1", "Befattning")], [("A2", "Berg, Anna"), ("B2", "Rektor")]])
        #expect(units.last?.text == "Namn: Berg, Anna\tBefattning: Rektor")
    }

    /// Rows over 64 KiB are cut at cell boundaries, each part with its own layout.
    @Test func aVeryLongRowIsCutAtCells() throws {
        let wide = String(repeating: "x", count: 20_000)
        let units = rows([(0..<8).map { (CellReference.cell(column: $0, row: 1), wide + "\($0)") }])
        #expect(units.count > 1)
        #expect(units.allSatisfy { $0.text.utf8.count <= TableRowBuilder.maxRowBytes })
        #expect(units.flatMap(\.cellTexts).count == 8)
    }
}
