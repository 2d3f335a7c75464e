import InventaDetection
import InventaModel
import InventaRules
import Testing

/// Phrase matching through the engine: case-insensitive incl. Å Ä Ö, word boundaries,
/// `*` endings, whitespace-flexible multi-word phrases. Expected values marked «…»;
/// an example without marks expects nothing.
@Suite struct PhraseMatcherTests {
    static let detection: Detection = {
        let rule = makeRule("t.terms", .health, .phrases(["diagnos*", "brott", "skyddad identitet", "ärftlig sjukdom",
                                                          "hbtq*", "lss", "öra*"], source: nil), confidence: 0.4)
        do { return try makeDetection([rule]) } catch { fatalError("\(error)") }
    }()

    @Test(arguments: [
        "Ställd «diagnos» i maj",
        "«Diagnoserna» är klara",
        "«DIAGNOSEN» BEKRÄFTAD",
        "Begick «brott».",
        "abrott och brottslig och brotten",
        "Har «skyddad identitet».",
        "Har «Skyddad\n   Identitet»!",
        "«ÄRFTLIG SJUKDOM» i släkten",
        "ärftlig sjukdomen",
        "Gruppen för «hbtq-personer» möts",
        "Beslut enligt «LSS»",
        "Beslut enligt LSSX",
        "«ÖRAT» gör ont, öronen också",
        "Hörde en snöras",
        "Citat: ”«diagnosen»” står det",
        "prediagnos är inte med",
    ])
    func matches(example: String) throws {
        let marked = try MarkedExample.parseAny(example)
        let values = Self.detection.detect(marked.text).map(\.value)
        #expect(values == (marked.value.map { [$0] } ?? []), "\(example)")
    }

    @Test func hundredsOfPhrasesAllMatch() throws {
        let phrases = (0..<600).map { "term\($0)ord" }
        let rule = makeRule("t.many", .health, .phrases(phrases, source: nil), confidence: 0.4)
        let detection = try makeDetection([rule])
        let text = phrases.reversed().joined(separator: ", ")
        #expect(detection.detect(text).count == 600)
    }
}
