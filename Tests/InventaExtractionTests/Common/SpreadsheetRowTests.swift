@testable import InventaExtraction
import InventaModel
import Testing

@Suite struct SpreadsheetRowTests {
    func owned(_ unit: TextUnit) -> String {
        String(decoding: Array(unit.text.utf8)[unit.ownedRange], as: UTF8.self)
    }

    /// A title row, then the header, then data: each data cell follows its column's name.
    @Test func dataCellsCarryTheirColumnName() throws {
        var row = SpreadsheetRow()
        var units: [TextUnit] = []
        for (reference, text) in [("A1", "Leverantörsregister 2020")] { row.add(reference: reference, text: text) }
        row.flush(sheet: "Blad1") { units.append($0) }
        for (reference, text) in [("A2", "Leverantör"), ("B2", "Bankgiro")] { row.add(reference: reference, text: text) }
        row.flush(sheet: "Blad1") { units.append($0) }
        for (reference, text) in [("A3", "Exempel AB"), ("B3", "826-4871")] { row.add(reference: reference, text: text) }
        row.flush(sheet: "Blad1") { units.append($0) }
        let cell = try #require(units.last)
        #expect(cell.location == Location(sheet: "Blad1", cell: "B3"))
        #expect(owned(cell) == "826-4871")
        #expect(cell.text == "Leverantör: Exempel AB\tBankgiro: 826-4871")
        #expect(units.map(owned) == ["Leverantörsregister 2020", "Leverantör", "Bankgiro", "Exempel AB", "826-4871"])
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
    }
}
