@testable import InventaDetection
import Testing

/// `StreetLexicon.isFinalPair` is written out by hand for speed; it must hold exactly the last two
/// bytes of the suffix lists, or a street would go missing (too few) or cost more (too many).
@Suite struct StreetLexiconTests {
    @Test func finalPairsAreExactlyTheSuffixEndings() {
        let expected = Set((StreetLexicon.suffixes + StreetLexicon.standaloneSuffixes).map {
            UInt16($0[$0.count - 1]) << 8 | UInt16($0[$0.count - 2])
        })
        let accepted = Set((0...UInt16.max).filter(StreetLexicon.isFinalPair))
        #expect(accepted == expected)
    }

    @Test(arguments: [
        ("Björkvägen 1", true), ("KYRKOGATAN 1", true), ("Sergels torg 1", true), ("Parkallé 1", true),
        ("PARKALLÉ 1", true), ("Vasa väg 1", true), ("Resekostnad 1", false), ("Licens 1", false),
        ("Serviceavgift 1", false), ("Material 1", false),
    ])
    func mayEndStreetWordLooksAtTheLastTwoBytes(_ text: String, _ expected: Bool) {
        var text = text
        let result = text.withUTF8 { bytes in StreetLexicon.mayEndStreetWord(bytes, at: bytes.count - 3) }
        #expect(result == expected, "\(text)")
    }
}
