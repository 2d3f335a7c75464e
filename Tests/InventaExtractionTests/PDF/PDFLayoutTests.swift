import Testing
import InventaDetection
@testable import InventaExtraction
import InventaModel

/// PDF text rebuilt from the glyph layout (decision 0214), on PDFs written by LibreOffice and
/// reportlab (Fixtures/make-pdf-layout-fixtures.py): cells apart, columns in order, rotated
/// pages read, a value wrapped in its cell whole, every value on its page.
@Suite struct PDFLayoutTests {
    static let rows = [
        "Elev\tPersonnummer\tVårdnadshavare\tTelefon\tE-post",
        "Testsson, Tolvan\t850101-2382\tAnna Testsson\t070-174 06 05\tanna.testsson@example.org",
        "Berg, Lisa\t850102-2381\tPer Berg\t08-465 004 12\tper.berg@example.org",
        "Ek, Sven\t19850103-2380\tMaja Ek\t070-174 06 07\tmaja.ek@example.org",
        "Lund, Tor\t850104-2389\tEva Lund\t070-174 06 08\teva.lund@example.org",
    ]

    /// Values of one category the detectors find in `units`, each with its page.
    static func found(_ category: InventaModel.Category, in units: [TextUnit]) -> [String] {
        units.flatMap { VectorFindingTests.detection.detect($0) }.filter { $0.category == category }
            .map { "\($0.normalized)@\($0.location.page ?? 0)" }.sorted()
    }

    @Test(arguments: [("pdf/layout/libreoffice-table.pdf", 2), ("pdf/layout/cells.pdf", 1)])
    func tableRowsKeepTheirCellsApart(fixture: String, page: Int) throws {
        let extracted = Fixture.extract(fixture)
        #expect(extracted.result.outcome == .scanned)
        let unit = try #require(extracted.units.first { $0.location.page == page })
        let lines = unit.text.split(separator: "\n").map(String.init)
        // The header and every row, cells TAB-separated; 19850103-2380 wrapped after its hyphen.
        #expect(lines.filter { $0.contains("\t") } == Self.rows)
        #expect(Self.found(.personnummer, in: [unit]) == ["198501012382", "198501022381", "198501032380", "198501042389"]
            .map { "\($0)@\(page)" })
        #expect(Self.found(.email, in: [unit]).count == 4)
        #expect(Self.found(.phone, in: [unit]).count == 4)
    }

    @Test func keyValueFormIsLabelTabValue() throws {
        let extracted = Fixture.extract("pdf/layout/cells.pdf")
        let unit = try #require(extracted.units.first { $0.location.page == 2 })
        #expect(unit.text == "Kontaktuppgifter\nNamn\tLisa Berg\nPersonnummer\t850102-2381\nTelefon\t08-465 004 13\nE-post\tlisa.berg@example.org")
        #expect(Self.found(.personnummer, in: [unit]) == ["198501022381@2"])
    }

    @Test func twoColumnsAreReadOneAfterTheOther() throws {
        let extracted = Fixture.extract("pdf/layout/two-column.pdf")
        let text = try #require(extracted.units.first).text
        withKnownIssue("two adjacent, strongly stretched justified lines whose gaps line up keep a TAB (decision 0214)") {
            #expect(!text.contains("\t"))  // justified spaces are spaces, not cells
        }
        #expect(text.filter { $0 == "\t" }.count <= 4)
        let flowing = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        #expect(flowing.hasPrefix("Utredning enligt 11 kap. 1 § socialtjänstlagen Utredningen gäller Tolvan Testsson, personnummer 19850101-2382, som bor på Blåbärsvägen 12, 123 45 Farsta. Ansökan om"))
        #expect(flowing.contains("haft kontakt med socialtjänsten. Bedömningen är att behovet"))
        #expect(flowing.hasSuffix("om ifall förhållandena har ändrats under tiden."))
        #expect(Self.found(.personnummer, in: extracted.units) == ["198501012382@1"])
        #expect(Self.found(.phone, in: extracted.units) == ["+46701740610@1"])
    }

    @Test func rotatedPagesAndRotatedTextAreRead() {
        let extracted = Fixture.extract("pdf/layout/rotated.pdf")
        #expect(extracted.units.map(\.location.page) == [1, 2, 3, 4])
        let texts = extracted.units.map(\.text)
        // /Rotate 90 with its content turned upright: a form read as a viewer shows it.
        #expect(texts[1] == "Beslut om bistånd, liggande sida\nPersonnummer\t850105-2388\nTelefon\t070-174 06 11\nE-post\tsara.lind@example.org")
        // A margin note at 90° beside upright body text; a /Rotate 90 page over upright text.
        #expect(texts[2].split(separator: "\n").sorted() == ["Diarienummer SN 2026/114 Tolvan Testsson 19850101-2382", "Sida tre: brödtext i vanlig riktning."])
        #expect(texts[3] == "Sida fyra: kontaktperson Lisa Berg, telefon 08-465 004 14.")
        #expect(Self.found(.personnummer, in: extracted.units) == ["198501012382@3", "198501052388@2"])
        #expect(Self.found(.phone, in: extracted.units) == ["+46701740611@2", "+46846500414@4"])
    }

    @Test(arguments: [
        // (cell's first line, its next line, joined)
        ("19850103-", "2380", "19850103-2380"),
        ("19850103", "2380", "198501032380"),
        ("070-174 06", "05", "070-174 06 05"),
        ("anna.testsson@example.or", "g", "anna.testsson@example.org"),
        ("Personnum", "mer", "Personnummer"),
        ("Anna", "Berg", "Anna Berg"),
        ("Storgatan 12", "lgh 1101", "Storgatan 12 lgh 1101"),
    ])
    func wrappedCellLinesJoin(first: String, next: String, joined: String) {
        let chunk = { (text: String) in PDFLayoutText.Chunk(u1: 0, u2: 50, bytes: Array(text.utf8), words: text.split(separator: " ").count) }
        let row = PDFLayoutText.Line(v1: 0, v2: 10, height: 10, chunks: [chunk("Namn"), chunk(first)].enumerated().map { index, c in
            var c = c; c.u1 = Double(index) * 100; c.u2 = c.u1 + 50; return c })
        var continuation = chunk(next)
        continuation.u1 = 100; continuation.u2 = 120
        let out = PDFCellContinuation.join([row, PDFLayoutText.Line(v1: 11, v2: 21, height: 10, chunks: [continuation])])
        #expect(out.count == 1)
        #expect(String(decoding: out[0].chunks[1].bytes, as: UTF8.self) == joined)
    }
}
