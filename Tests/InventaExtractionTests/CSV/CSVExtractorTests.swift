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
        let pnr = try #require(extracted.unit(containing: Vector.pnr))
        #expect(pnr.location == Location(row: 3, column: 2, part: "Personnummer"))
        #expect(pnr.ownedText == Vector.pnr)
        #expect(pnr.text == "Personnummer: \(Vector.pnr)")   // the header is context, not owned text
        #expect(extracted.unit(containing: Vector.name)?.location == Location(row: 3, column: 1, part: "Namn"))
        #expect(extracted.unit(containing: Vector.address)?.location == Location(row: 3, column: 3, part: "Adress"))
        // A quoted cell with a line break is one cell, and the record count (not lines) gives the row.
        #expect(extracted.unit(containing: "rad två")?.ownedText == "rad två\nfortsätter på ny rad")
        #expect(extracted.unit(containing: "hej")?.ownedText == "Sa \"hej\"; gick")
        #expect(extracted.unit(containing: "Anteckning")?.location == Location(row: 1, column: 4))
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
        let cells = extracted.units.map { "\($0.location.row!):\($0.location.column!)=\($0.ownedText)" }
        #expect(cells == expected)
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
        #expect(CSVParser.looksLikeHeader(["Namn", "Personnummer", "Adress"]))
        #expect(!CSVParser.looksLikeHeader(["Tolvan", "198501012382"]))
        #expect(!CSVParser.looksLikeHeader(["Namn", ""]))
        let extracted = Fixtures.extract(bytes: Array("Tolvan;198501012382\nTesta;x\n".utf8), name: "d.csv")
        #expect(extracted.units.allSatisfy { $0.location.part == nil })
    }

    @Test func feedingInTinyPiecesGivesTheSameCells() throws {
        let bytes = Fixtures.bytes("csv/good/seeded.tsv")
        func cells(pieceSize: Int) throws -> [String] {
            var parser = CSVParser(delimiter: 0x09, encoding: .utf8, maxCellBytes: 1 << 20)
            var out: [String] = []
            var index = 0
            while index < bytes.count {
                let piece = Array(bytes[index..<min(bytes.count, index + pieceSize)])
                try parser.feed(piece) { unit throws(ExtractionError) in out.append("\(unit.location) \(unit.text)") }
                index += pieceSize
            }
            parser.finish { out.append("\($0.location) \($0.text)") }
            return out
        }
        #expect(try cells(pieceSize: 1) == cells(pieceSize: 1 << 20))
        #expect(try cells(pieceSize: 7) == cells(pieceSize: 1 << 20))
    }

    @Test func utf16CSVIsRead() throws {
        let text = "Namn\tPersonnummer\n\(Vector.name)\t\(Vector.pnr)\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let extracted = Fixtures.extract(bytes: bytes, name: "export.csv")
        #expect(extracted.result.format == .csv)
        let unit = try #require(extracted.unit(containing: Vector.pnr))
        #expect(unit.location == Location(row: 2, column: 2, part: "Personnummer"))
    }

    @Test func aGiantCellIsSplitNotHeldWhole() {
        var limits = ExtractionLimits()
        limits.chunkSize = 1024
        let cell = String(repeating: "åäö ", count: 2000)
        let extracted = Fixtures.extract(bytes: Array("\"\(cell)\";slut\n".utf8), name: "stor.csv", limits: limits)
        #expect(extracted.units.count > 5)
        #expect(extracted.units.allSatisfy { $0.ownedRange.count <= 1024 })
        #expect(extracted.units.map(\.ownedText).dropLast().joined() == cell)
        #expect(extracted.units.last?.location == Location(row: 1, column: 2))
    }

    @Test func unclosedQuoteKeepsTheRestAsOneCell() {
        let extracted = Fixtures.extract("csv/corrupted/unclosed-quote.csv")
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.unit(containing: Vector.pnr)?.location == Location(row: 2, column: 2, part: "Anteckning"))
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
        let cell = try #require(extracted.unit(containing: "826-4871"))
        #expect(cell.location.part == "Bankgiro")
        #expect(cell.location.row == 3 && cell.location.column == 2)
        #expect(cell.text == "Bankgiro: 826-4871")
    }

    @Test func oneColumnFileKeepsItsHeader() throws {
        let csv = "Personnummer\n19830404-2388\n20030704-2390\n"
        let extracted = Fixtures.extract(bytes: Array(csv.utf8), name: "lista.csv")
        #expect(extracted.unit(containing: "20030704-2390")?.location.part == "Personnummer")
    }
}

@Suite struct CSVFooterLineTests {
    @Test func titleAndFooterAroundTheTable() throws {
        let csv = "Löneutbetalning mars 2015\r\nNamn;Pnr\r\nHussein, Dennis;19830404-2388\r\nAttesterad av löneenheten.\r\n"
        let extracted = Fixtures.extract(bytes: Array(csv.utf8), name: "lön.csv")
        #expect(extracted.unit(containing: "Hussein, Dennis")?.location.column == 1)
        #expect(extracted.unit(containing: "19830404-2388")?.location.part == "Pnr")
    }
}
