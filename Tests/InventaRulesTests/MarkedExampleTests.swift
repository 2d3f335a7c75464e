import InventaRules
import Testing

@Suite struct MarkedExampleTests {
    @Test(arguments: [
        ("Tel «070-174 06 05» ok", "Tel 070-174 06 05 ok", "070-174 06 05"),
        ("«Åsa» började", "Åsa började", "Åsa"),
        ("Är «sjukskriven»", "Är sjukskriven", "sjukskriven"),
    ])
    func parsesTheMarkedValue(example: String, text: String, value: String) throws {
        let parsed = try MarkedExample.parse(example)
        #expect(parsed.text == text)
        #expect(parsed.value == value)
    }

    @Test(arguments: [
        ("no marks", MarkedExample.Problem.unmarked),
        ("«a» and «b»", .several),
        ("«open", .unbalanced),
        ("close»", .unbalanced),
        ("empty «»", .empty),
    ])
    func rejectsBadMarks(example: String, problem: MarkedExample.Problem) {
        #expect(throws: problem) { try MarkedExample.parse(example) }
    }
}
