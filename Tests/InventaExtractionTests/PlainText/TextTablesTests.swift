import Foundation
import InventaDetection
@testable import InventaExtraction
import InventaModel
import Testing

/// Tables written as plain text (decision 0215): delimited and fixed-width rows become table
/// units with their column headers; prose, however it is spaced, stays text.
@Suite struct TextTablesTests {
    /// One case: a text with every table cell value marked `«…»`; no marks means no table.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let marked: String
        var testDescription: String { name }

        var plain: String { marked.replacingOccurrences(of: "«", with: "").replacingOccurrences(of: "»", with: "") }
        /// The marked values, in order.
        var values: [String] {
            marked.components(separatedBy: "«").dropFirst().map { String($0.prefix { $0 != "»" }) }
        }
    }

    static let cases: [Case] = [
        Case(name: "pipes", marked: """
            Telefonlogg
            «Datum» | «Namn» | «Nummer»
            «2024-03-04» | «Berg, Anna» | «070-174 06 05»
            «2024-03-05» | «Sara Ek» | «070-174 06 07»

            """),
        Case(name: "header and one row", marked: """
            «Namn»|«Personnummer»|«Telefon»
            «Anna Berg»|«19740702-9284»|«070-174 06 05»

            """),
        Case(name: "markdown border and rule", marked: """
            | «Namn» | «Telefon» | «Ärende» |
            |------|---------|--------|
            | «Anna Berg» | «070-174 06 05» | «Faktura» |
            | «Erik Lind» | «070-174 06 06» | «Bygglov» |

            """),
        Case(name: "fixed width with a rule line and an overlong last column", marked: """
            «Datum»       «Namn»              «Ärende»
            ----------  ------------------  ------
            «2024-03-04»  «Berg, Anna»        «Fråga om faktura, pnr 19740702-9284»
            «2024-03-05»  «LEIF JOHANSSON»    «Bygglov»
            Det var allt för i dag.

            """),
        Case(name: "prose with two spaces after full stops", marked: """
            Mötet började klockan nio.  Anna Berg  hälsade alla välkomna.
            Protokollet justeras  av Erik Lind och  Sara Ek.
            Nästa möte  hålls i  mars.

            """),
        Case(name: "two lines with pipes that are not a header", marked: """
            Val: 12 | 14 | 16 procent
            Utfall: 11 | 15 | 17 procent

            """),
        Case(name: "a tab-indented list", marked: """
            Att göra:
            \tRinga Anna Berg\tom mötet
            \tBoka tolk

            """),
    ]

    static func units(_ text: String, chunkSize: Int = 1 << 20, overlap: Int = 256) -> [TextUnit] {
        Fixtures.extract(bytes: Array(text.utf8), name: "logg.txt",
                             limits: ExtractionLimits(chunkSize: chunkSize, chunkOverlap: overlap)).units
    }

    @Test(arguments: cases)
    func cellsAreTheMarkedValues(_ test: Case) throws {
        let units = Self.units(test.plain)
        let cells = units.flatMap { unit -> [String] in
            let bytes = Array(unit.text.utf8)
            return (unit.table?.cells ?? []).map { String(decoding: bytes[$0.value], as: UTF8.self) }
        }
        #expect(cells == test.values)
        // Everything outside the table is still read, once, as text.
        let prose = units.filter { $0.table == nil }.map { unit in
            String(decoding: Array(unit.text.utf8)[unit.ownedRange], as: UTF8.self)
        }.joined()
        for line in test.marked.split(separator: "\n") where !line.contains("«") && !line.allSatisfy({ "-| ".contains($0) }) {
            #expect(prose.contains(line), "\(line) not in \(prose)")
        }
    }

    /// A table read in several chunks keeps its header for every row and its row numbers.
    @Test func tableAcrossChunksKeepsItsHeader() throws {
        let rows = (1...60).map { "2024-03-04 | Anna Berg \($0) | 070-174 06 05" }
        let text = "Logg\n\nDatum | Namn | Nummer\n" + rows.joined(separator: "\n") + "\n"
        let units = Self.units(text, chunkSize: 300, overlap: 40)
        let tableRows = units.filter { $0.table != nil }
        #expect(tableRows.count == 61)
        let last = try #require(tableRows.last)
        #expect(last.text == "Datum: 2024-03-04\tNamn: Anna Berg 60\tNummer: 070-174 06 05")
        #expect(last.table?.cells[1].location == Location(line: 63, row: 61, column: 2, header: "Namn"))
        #expect(Set(tableRows.compactMap(\.table?.table)).count == 1)
    }
}
