import Testing
@testable import InventaExtraction
import InventaModel

@Suite struct CSVExtractorTests {
    /// Semicolon + Windows-1252 + CRLF, tab + UTF-8, comma + BOM without a final line break.
    @Test(arguments: ["csv/good/seeded.csv", "csv/good/seeded.tsv", "csv/good/seeded-comma.csv"])
    func seededValuesHaveRowAndColumn(fixture: String) throws {
        let extracted = Fixtures.extract(fixture)
        #expect(extracted.result.format == .csv)
        #expect(extracted.result.outcome == .scanned)
        let pnr = try #require(extracted.cell(containing: Vector.pnr))
        #expect(pnr.location == Location(row: 3, column: 2, header: "Personnummer"))
        #expect(pnr.value == Vector.pnr)
        // One unit per record; the header is the label written before the value, not part of it.
        let row = try #require(extracted.unit(containing: Vector.pnr))
        #expect(row.text.contains("Personnummer: \(Vector.pnr)"))
        #expect(row.location == Location(row: 3))
        #expect(extracted.cell(containing: Vector.name)?.location == Location(row: 3, column: 1, header: "Namn"))
        #expect(extracted.cell(containing: Vector.address)?.location == Location(row: 3, column: 3, header: "Adress"))
        // A quoted cell with a line break is one cell, and the record count (not lines) gives the row.
        #expect(extracted.cell(containing: "rad två")?.value == "rad två\nfortsätter på ny rad")
        #expect(extracted.cell(containing: "hej")?.value == "Sa \"hej\"; gick")
        #expect(extracted.cell(containing: "Anteckning")?.location == Location(row: 1, column: 4))
    }

    /// Inline cases: CSV text → cells as "row:column=value".
    @Test(arguments: [
        ("a;b;c\n1;2;3\n", ["1:1=a", "1:2=b", "1:3=c", "2:1=1", "2:2=2", "2:3=3"]),
        ("a,b\n\"x,y\",z\n", ["1:1=a", "1:2=b", "2:1=x,y", "2:2=z"]),
        ("a\tb\n\"multi\nline\"\tz\nsista\tq", ["1:1=a", "1:2=b", "2:1=multi\nline", "2:2=z", "3:1=sista", "3:2=q"]),
        ("x;;y\r\n\r\n;z\r\n", ["1:1=x", "1:3=y", "3:2=z"]),
        ("\"a \"\"citat\"\"\";b\n", ["1:1=a \"citat\"", "1:2=b"]),
        ("ab\"c;d\n", ["1:1=ab\"c", "1:2=d"]),
        ("\"ok\"rest;d\n", ["1:1=okrest", "1:2=d"]),
        ("one column\nsecond\r", ["1:1=one column", "2:1=second"]),
    ])
    func cells(csv: String, expected: [String]) {
        var limits = ExtractionLimits()
        limits.chunkSize = 256
        let extracted = Fixtures.extract(bytes: Array(csv.utf8), name: "t.csv", limits: limits)
        let cells = extracted.cells.map { "\($0.location.row!):\($0.location.column!)=\($0.value)" }
        #expect(cells == expected)
        // One unit per record.
        #expect(extracted.units.count == Set(extracted.cells.map { $0.location.row! }).count)
    }

    @Test(arguments: [
        ("a;b;c\n1;2;3\n", UInt8(ascii: ";")),
        ("a,b,c\n1,2,3\n", UInt8(ascii: ",")),
        ("a\tb\n1\t2\n", UInt8(ascii: "\t")),
        ("namn;adress\n\"Gata 1, Ort\";x\n", UInt8(ascii: ";")),
        ("bara en kolumn\nrad två\n", UInt8(ascii: ",")),
        ("a|b|c\n1|2|3\n", UInt8(ascii: "|")),
    ])
    func delimiterSniffing(head: String, expected: UInt8) {
        #expect(CSVDialect.delimiter(in: Array(head.utf8)[...]) == expected)
    }

    @Test func headerIsOnlyTakenWhenItLooksLikeNames() {
        #expect(TableRowBuilder.looksLikeHeader(["Namn", "Personnummer", "Adress"]))
        #expect(!TableRowBuilder.looksLikeHeader(["Tolvan", "198501012382"]))
        #expect(!TableRowBuilder.looksLikeHeader(["Namn", ""]))
        let extracted = Fixtures.extract(bytes: Array("Tolvan;198501012382\nTesta;x\n".utf8), name: "d.csv")
        #expect(extracted.cells.allSatisfy { $0.location.header == nil })
    }

    @Test func feedingInTinyPiecesGivesTheSameCells() throws {
        let bytes = Fixtures.bytes("csv/good/seeded.tsv")
        func cells(pieceSize: Int) -> [String] {
            var parser = CSVParser(delimiter: 0x09, encoding: .utf8, maxCellBytes: 1 << 20)
            var out: [String] = []
            var index = 0
            while index < bytes.count {
                let piece = Array(bytes[index..<min(bytes.count, index + pieceSize)])
                parser.feed(piece) { unit in out.append("\(unit.location) \(unit.text) \(unit.cellTexts)") }
                index += pieceSize
            }
            parser.finish { out.append("\($0.location) \($0.text)") }
            return out
        }
        #expect(cells(pieceSize: 1) == cells(pieceSize: 1 << 20))
        #expect(cells(pieceSize: 7) == cells(pieceSize: 1 << 20))
    }

    @Test func utf16CSVIsRead() throws {
        let text = "Namn\tPersonnummer\n\(Vector.name)\t\(Vector.pnr)\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let extracted = Fixtures.extract(bytes: bytes, name: "export.csv")
        #expect(extracted.result.format == .csv)
        let cell = try #require(extracted.cell(containing: Vector.pnr))
        #expect(cell.location == Location(row: 2, column: 2, header: "Personnummer"))
    }

    /// Regression: a UTF-16 file whose last byte is half a character looped for ever (the
    /// piece's usable length was 0, so the offset never moved). It ends, with the text before it.
    @Test func utf16CSVWithAnOddLastByteEnds() throws {
        let extracted = Fixtures.extract("tables/utf16-odd-byte.csv")
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.cell(containing: "070-174 06 05")?.location == Location(row: 2, column: 2, header: "Telefon"))
    }

    /// Issue 19's probe: a UTF-16 BOM and one odd byte looped until the per-file timeout.
    @Test func aThreeByteUTF16CSVEnds() {
        let extracted = Fixtures.extract(bytes: [0xFE, 0xFF, 0x22], name: "min.csv")
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.cells.isEmpty)
    }

    @Test func aGiantCellIsSplitNotHeldWhole() {
        var limits = ExtractionLimits()
        limits.chunkSize = 1024
        let cell = String(repeating: "åäö ", count: 2000)
        let extracted = Fixtures.extract(bytes: Array("\"\(cell)\";slut\n".utf8), name: "stor.csv", limits: limits)
        #expect(extracted.cells.count > 5)
        #expect(extracted.cells.allSatisfy { $0.value.utf8.count <= 1024 })
        #expect(extracted.cells.map(\.value).dropLast().joined() == cell)
        #expect(extracted.cells.last?.location == Location(row: 1, column: 2))
    }

    @Test func unclosedQuoteKeepsTheRestAsOneCell() {
        let extracted = Fixtures.extract("csv/corrupted/unclosed-quote.csv")
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.cell(containing: Vector.pnr)?.location == Location(row: 2, column: 2, header: "Anteckning"))
    }

    @Test func garbageNamedCSVFailsAsABrokenCSVFile() {
        let extracted = Fixtures.extract("csv/corrupted/garbage.csv")
        #expect(extracted.result.outcome == .failed("corrupt: not a valid csv file (damaged, or not really csv)"))
    }
}

@Suite struct CSVTitleLineTests {
    /// Exports often start with a title line; the header is the first row of named columns.
    @Test func titleLineAboveTheHeader() throws {
        let csv = "Leverantörsregister 2020\nLev.nr;Bankgiro;Plusgiro\n1000;826-4871;545041-6\n"
        let extracted = Fixtures.extract(bytes: Array(csv.utf8), name: "register.csv")
        let cell = try #require(extracted.cell(containing: "826-4871"))
        #expect(cell.location == Location(row: 3, column: 2, header: "Bankgiro"))
        #expect(extracted.unit(containing: "826-4871")?.text == "Lev.nr: 1000\tBankgiro: 826-4871\tPlusgiro: 545041-6")
    }

    @Test func oneColumnFileKeepsItsHeader() throws {
        let csv = "Personnummer\n19830404-2388\n20030704-2390\n"
        let extracted = Fixtures.extract(bytes: Array(csv.utf8), name: "lista.csv")
        #expect(extracted.cell(containing: "20030704-2390")?.location.header == "Personnummer")
    }
}

@Suite struct CSVFooterLineTests {
    @Test func titleAndFooterAroundTheTable() throws {
        let csv = "Löneutbetalning mars 2015\r\nNamn;Pnr\r\nHussein, Dennis;19830404-2388\r\nAttesterad av löneenheten.\r\n"
        let extracted = Fixtures.extract(bytes: Array(csv.utf8), name: "lön.csv")
        #expect(extracted.cell(containing: "Hussein, Dennis")?.location.column == 1)
        #expect(extracted.cell(containing: "19830404-2388")?.location.header == "Pnr")
    }
}
