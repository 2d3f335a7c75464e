import Testing
@testable import InventaExtraction
import InventaModel

@Suite struct RTFExtractorTests {
    @Test func seededDocumentBodyAndMetadata() throws {
        let extracted = Fixtures.extract("rtf/good/seeded.rtf")
        #expect(extracted.result.format == .rtf)
        #expect(extracted.result.outcome == .scanned)
        let body = try #require(extracted.unit(containing: Vector.pnr))
        #expect(body.ownedText.contains("Namn: \(Vector.name)\nPersonnummer: \(Vector.pnr)\nAdress: \(Vector.address)\n"))
        #expect(body.ownedText.contains("Länk"))           // field result kept
        #expect(body.ownedText.contains("Unicode: € och 😀 klart."))
        #expect(body.ownedText.contains("\tTabell\t"))      // after the \bin group: not cut short
        #expect(!body.ownedText.contains("HYPERLINK"))     // field instruction skipped
        #expect(!body.ownedText.contains("Arial"))         // font table skipped
        #expect(!body.ownedText.contains("0105"))          // object data skipped
        #expect(!body.ownedText.contains("2539"))          // picture hex skipped
        let metadata = try #require(extracted.units.first { $0.location.part == "metadata" })
        #expect(metadata.ownedText == "Ärende\n\(Vector.name)\nFarsta kommun\n")
    }

    @Test func latin1CodePage() {
        let extracted = Fixtures.extract("rtf/good/latin1.rtf")
        #expect(extracted.text.contains(Vector.address))
    }

    /// Inline cases: RTF → the exact visible text.
    @Test(arguments: [
        (#"{\rtf1 Hej\par d\'e5}"#, "Hej\ndå"),
        (#"{\rtf1\ansicpg1252 \'80 \'96 \'e4}"#, "€ – ä"),
        (#"{\rtf1 a\tab b\cell c\row d\line e}"#, "a\tb\tc\nd\ne"),
        (#"{\rtf1\uc1 \u246?l \u-10179?\u-8704?}"#, "öl 😀"),
        (#"{\rtf1\uc2 \u8364\'80\'80 x\uc0 \u246 y}"#, "€ xöy"),
        (#"{\rtf1 {\*\unknowndest hidden}seen}"#, "seen"),
        (#"{\rtf1 {\fonttbl{\f0 Arial;}}{\colortbl;\red1;}{\stylesheet{\s1 Rubrik;}}text}"#, "text"),
        (#"{\rtf1 x\bin4 }}}}y}"#, "xy"),
        (#"{\rtf1 \{literal\} \\ back\~nbsp}"#, "{literal} \\ back\u{A0}nbsp"),
        (#"{\rtf1 {\pict\wmetafile8 0102ABCDEF}after}"#, "after"),
        (#"{\rtf1 line\#n  split\par}"#, "line  split\n"),   // source line breaks vanish, spaces are text
    ])
    func visibleText(rtf: String, expected: String) {
        let rtfText = rtf.replacingOccurrences(of: "\\#n", with: "\n")
        var parser = RTFParser()
        parser.feed(Array(rtfText.utf8))
        parser.finish()
        #expect(String(decoding: parser.text, as: UTF8.self) == expected)
        #expect(parser.openGroups == 0)
    }

    @Test func feedingByteByByteGivesTheSameText() {
        let bytes = Fixtures.bytes("rtf/good/seeded.rtf")
        var whole = RTFParser()
        whole.feed(bytes)
        var pieces = RTFParser()
        for byte in bytes { pieces.feed([byte]) }
        #expect(whole.text == pieces.text)
        #expect(whole.info == pieces.info)
    }

    @Test func truncatedFileKeepsItsTextAndFails() {
        let extracted = Fixtures.extract("rtf/corrupted/truncated.rtf")
        #expect(extracted.text.contains(Vector.pnr))
        #expect(extracted.result.outcome == .failed("corrupt: RTF ends inside 1 open group(s); the file looks truncated"))
    }

    @Test func extraClosingBracesAreIgnored() {
        let extracted = Fixtures.extract("rtf/corrupted/unbalanced.rtf")
        #expect(extracted.result.outcome == .scanned)
        #expect(extracted.text.contains(Vector.name))
        #expect(extracted.text.contains(Vector.pnr))
    }

    @Test func garbageAfterTheHeaderEndsWithoutCrashing() {
        let extracted = Fixtures.extract("rtf/corrupted/garbage.rtf")
        #expect(extracted.result.format == .rtf)
        #expect(extracted.result.outcome.status == "failed")
    }

    @Test func deepNestingIsBounded() {
        let rtf = "{\\rtf1 " + String(repeating: "{", count: 100_000) + "djup" + String(repeating: "}", count: 100_000) + "}"
        var parser = RTFParser()
        parser.feed(Array(rtf.utf8))
        #expect(String(decoding: parser.text, as: UTF8.self) == "djup")
        #expect(parser.openGroups == 0)
    }
}
