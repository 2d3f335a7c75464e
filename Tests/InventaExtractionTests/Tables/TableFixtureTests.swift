import Foundation
import Testing
import InventaDetection
@testable import InventaExtraction
import InventaModel

/// Tables written by real producers (Fixtures/make-table-fixtures.py: openpyxl, odfpy,
/// python-docx; a hand-written HTML table; sqlite3 and `column -t` text tables; LibreOffice RTF) read as one unit per row, and detected with the
/// bundled rules: values, cell locations and header names (decision 0205).
@Suite struct TableFixtureTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        let fixture: String
        let category: Category
        let value: String
        let location: Location
        var testDescription: String { "\(fixture) \(category.rawValue) \(location.description)" }
    }

    static let cases: [Expected] = [
        // A title two rows above the header; clearing and account in two columns.
        Expected(fixture: "tables/split-accounts.xlsx", category: .bankAccount, value: "5000 123 45 60",
                 location: Location(sheet: "Blad1", cell: "C4", header: "Clearingnr")),
        Expected(fixture: "tables/split-accounts.xlsx", category: .bankAccount, value: "8327-9 123 456 789-7",
                 location: Location(sheet: "Blad1", cell: "C6", header: "Clearingnr")),
        Expected(fixture: "tables/split-accounts.xlsx", category: .personnummer, value: "19830601-2397",
                 location: Location(sheet: "Blad1", cell: "B7", header: "Personnummer")),
        Expected(fixture: "tables/split-accounts.ods", category: .bankAccount, value: "6000 123 456 789",
                 location: Location(sheet: "Blad1", cell: "C5", header: "Clearingnr")),
        Expected(fixture: "tables/split-accounts.ods", category: .personnummer, value: "19740702-9284",
                 location: Location(sheet: "Blad1", cell: "B4", header: "Personnummer")),
        // A document table with a header row.
        Expected(fixture: "tables/table.docx", category: .personnummer, value: "781011-2396",
                 location: Location(row: 3, column: 2, part: "table 1", header: "Personnummer")),
        Expected(fixture: "tables/table.docx", category: .name, value: "Anna Berg",
                 location: Location(row: 2, column: 1, part: "table 1", header: "Namn")),
        // A key–value table: the key cell is the value's label and header.
        Expected(fixture: "tables/key-value.docx", category: .personnummer, value: "810725-2382",
                 location: Location(row: 2, column: 2, part: "table 1", header: "Personnummer")),
        Expected(fixture: "tables/key-value.docx", category: .bankAccount, value: "5000-123 45 60",
                 location: Location(row: 5, column: 2, part: "table 1", header: "Bankkonto")),
        // HTML with a two-row header (merged cells over sub-columns).
        Expected(fixture: "tables/table.html", category: .personnummer, value: "830601-2397",
                 location: Location(row: 4, column: 2, part: "table 1", header: "Elev / Personnummer")),
        Expected(fixture: "tables/table.html", category: .phone, value: "070-174 06 05",
                 location: Location(row: 3, column: 4, part: "table 1", header: "Vårdnadshavare / Telefon")),
        // First-name and surname columns: one name at the first-name cell.
        Expected(fixture: "tables/split-addresses.csv", category: .name, value: "Anna Berg",
                 location: Location(row: 2, column: 1, header: "Förnamn")),
        // Street, postcode and town columns: one address at the street cell.
        Expected(fixture: "tables/split-addresses.csv", category: .address, value: "Kyrkogatan 5 B, 753 12, Uppsala",
                 location: Location(row: 3, column: 3, header: "Gatuadress")),
        // Tables written as plain text by the sqlite3 shell's output modes and util-linux
        // `column -t` (decision 0215); the note under a table is text, located by its line.
        Expected(fixture: "tables/calls-column.txt", category: .name, value: "Berg, Anna",
                 location: Location(line: 6, row: 2, column: 3, header: "Namn")),
        Expected(fixture: "tables/calls-column.txt", category: .name, value: "ERIK LIND",
                 location: Location(line: 7, row: 3, column: 3, header: "Namn")),
        Expected(fixture: "tables/calls-column.txt", category: .personnummer, value: "19781011-2396",
                 location: Location(line: 7, row: 3, column: 5, header: "Ärende")),
        // The note under the table is text, located by its line.
        Expected(fixture: "tables/calls-column.txt", category: .phone, value: "070-174 06 08", location: Location(line: 10)),
        Expected(fixture: "tables/calls-markdown.txt", category: .name, value: "Sara Ek",
                 location: Location(line: 5, row: 4, column: 3, header: "Namn")),
        Expected(fixture: "tables/calls-markdown.txt", category: .phone, value: "070 174 06 06",
                 location: Location(line: 4, row: 3, column: 4, header: "Nummer")),
        Expected(fixture: "tables/calls-pipe-cp1252.txt", category: .name, value: "ERIK LIND",
                 location: Location(line: 3, row: 3, column: 3, header: "Namn")),
        Expected(fixture: "tables/calls-aligned.txt", category: .name, value: "Berg, Anna",
                 location: Location(line: 4, row: 2, column: 3, header: "Namn")),
        // LibreOffice RTF: a tab-aligned class list (an unseparated mobile number under
        // `Telefon`) and a form of key–value pairs, whose keys label their values (decision 0215).
        Expected(fixture: "tables/class-list.rtf", category: .phone, value: "0701740605",
                 location: Location(line: 4, row: 2, column: 4, header: "Telefon")),
        Expected(fixture: "tables/class-list.rtf", category: .personnummer, value: "830601-2397",
                 location: Location(line: 7, row: 5, column: 3, header: "Personnummer")),
        Expected(fixture: "tables/class-list.rtf", category: .name, value: "Lind, Erik",
                 location: Location(line: 11, row: 1, column: 2, header: "Namn")),
        Expected(fixture: "tables/class-list.rtf", category: .phone, value: "0701740606",
                 location: Location(line: 12, row: 2, column: 2, header: "Telefon")),
    ]

    @Test(arguments: cases)
    func valueIsFoundInItsCell(expected: Expected) throws {
        let extracted = Fixtures.extract(expected.fixture)
        #expect(extracted.result.outcome == .scanned)
        let findings = extracted.units.flatMap { VectorFindingTests.detection.detect($0) }
        let found = findings.filter { $0.category == expected.category && $0.value == expected.value }
        #expect(found.map(\.location).contains(expected.location),
                "found \(findings.map { "\($0.category.rawValue) \($0.value) @ \($0.location.description)" })")
        #expect(found.allSatisfy { $0.level >= .medium })
    }

    /// A value joined across cells names the other cells in its evidence.
    @Test func splitAccountNamesBothCells() throws {
        let extracted = Fixtures.extract("tables/split-accounts.xlsx")
        let account = try #require(extracted.units.flatMap { VectorFindingTests.detection.detect($0) }
            .first { $0.category == .bankAccount })
        #expect(account.evidence.tags.contains("cells: Blad1!C4 (Clearingnr) + Blad1!D4 (Kontonr)"))
    }

    /// Rows, not cells: one unit per row, the header row and the title included.
    @Test func oneUnitPerRow() {
        #expect(Fixtures.extract("tables/split-accounts.xlsx").units.count == 6)
        #expect(Fixtures.extract("tables/table.docx").units.map(\.text) == [
            "Deltagare i föräldramötet\n", "Namn\tPersonnummer\tTelefon",
            "Namn: Anna Berg\tPersonnummer: 740702-9284\tTelefon: 070-174 06 05",
            "Namn: Erik Lind\tPersonnummer: 781011-2396\tTelefon: 070-174 06 06", "Efter tabellen.\n",
        ])
    }

    /// A match inside a header label is never reported: only values are.
    @Test func labelsAreNotValues() {
        let unit = TextUnit(text: "Personnummer 19740702-9284: x\tTelefon: 070-174 06 05",
                            table: TableLayout(cells: [TableLayout.Cell(value: 28..<29, location: Location(row: 2, column: 1), column: 1),
                                                       TableLayout.Cell(value: 39..<52, location: Location(row: 2, column: 2), column: 2)]))
        let findings = VectorFindingTests.detection.detect(unit)
        #expect(!findings.contains { $0.category == .personnummer })
        #expect(findings.contains { $0.category == .phone && $0.location == Location(row: 2, column: 2) })
    }

    /// Column evidence: a column of valid phone numbers vouches for each of them (a row alone may
    /// leave one `low`); a column of 10-digit reference numbers of which few validate is penalised.
    @Test func columnEvidence() throws {
        let detection = VectorFindingTests.detection
        var columns = TableEvidence(options: detection.engine.options)
        var findings: [Finding] = []
        for unit in Fixtures.extract("tables/split-accounts.ods").units {
            let first = findings.count
            findings += detection.detect(unit)
            columns.observe(unit, findings: findings, from: first)
        }
        columns.apply(to: &findings)
        let phones = findings.filter { $0.category == .phone }
        #expect(phones.count == 4)
        #expect(phones.allSatisfy { $0.level >= .medium && $0.evidence.steps.contains { $0.hasPrefix("column +0.20") } }, "\(phones.map(\.evidence.steps))")
    }

    @Test func referenceNumberColumnIsPenalised() throws {
        let detection = VectorFindingTests.detection
        // Twelve 10-digit invoice numbers under "Personnummer"; one passes Luhn and a date by chance.
        var csv = "Namn;Personnummer\n"
        for index in 0..<11 { csv += "Kund \(index);88\(String(format: "%08d", index * 7919 + 1234))\n" }
        csv += "Kund 11;7407029284\n"
        var columns = TableEvidence(options: detection.engine.options)
        var findings: [Finding] = []
        for unit in Fixtures.extract(bytes: Array(csv.utf8), name: "ref.csv").units {
            let first = findings.count
            findings += detection.detect(unit)
            columns.observe(unit, findings: findings, from: first)
        }
        let before = try #require(findings.first { $0.value == "7407029284" })
        columns.apply(to: &findings)
        let after = try #require(findings.first { $0.value == "7407029284" })
        #expect(after.confidence < before.confidence)
        #expect(after.evidence.steps.contains { $0.hasPrefix("column density") })
    }
}
