import InventaDetection
import InventaModel
import Testing

/// Sensitive terms with and without a subject (decision 0306): a term is strong only with a
/// person in reach (same passage, or a pronoun with the person named in the passage before);
/// policy texts stay hints; street and place names never count. Each case marks the expected
/// sensitive findings `«…»` and gives their levels in order.
@Suite struct SensitiveSubjectTests {
    let detection = Bundled.detection

    struct Case: Sendable, CustomTestStringConvertible {
        let marked: String
        let levels: [Level]
        let note: String
        var testDescription: String { note }
        init(_ marked: String, _ levels: [Level], _ note: String) {
            self.marked = marked
            self.levels = levels
            self.note = note
        }
    }

    static let cases: [Case] = [
        .init("Anna Andersson, 830404-2388, har «diabetes».", [.high], "a person in the same sentence"),
        .init("Anna Andersson, 830404-2388.\nHon har «diabetes».", [.high], "a pronoun about the person named before"),
        .init("Namn: Karl Berg\n\nPersonnummer: 830404-2388\n\n2021-03-11 Besök\n\nKlienten berättar att han är «homosexuell».",
              [.high], "a case file: the client named in the header"),
        .init("Namn: Anna Andersson\tPersonnummer: 830404-2388\t«Fackavgift»: «Sveriges Lärare»", [.high, .high], "a payroll row"),
        // Counter-cases: no person in reach.
        .init("Kommunen arbetar mot «psykisk ohälsa» och «depression» bland unga.", [.low, .low], "policy text"),
        .init("Diskriminering på grund av «sexuell läggning» eller «etnisk tillhörighet» är förbjuden.", [.low, .low],
              "policy text, Art. 9 words"),
        .init("Kontakt: Anna Andersson, tel 070-174 06 05.\n\nPolicyn gäller «depression» och «psykisk ohälsa».", [.low, .low],
              "the contact person in another paragraph"),
        .init("Anna Andersson, 830404-2388.\nDen som drabbas av «depression» får stöd.", [.low],
              "a person named before and no reference to one"),
        .init("Vid «depression» ska eleven erbjudas stöd.\n\nKontakt: Anna Andersson, 070-174 06 05.", [.low],
              "a role noun, the contact person named after"),
        // Street and place names never count, even next to a person.
        .init("Anna Andersson, 830404-2388, Prästgårdsgatan 4, 123 45 Ort", [], "Prästgårdsgatan"),
        .init("Besök oss på Moskévägen 2 eller Klostervägen 3.", [], "street compounds"),
        .init("Eleven bär «hijab».", [.low], "a word alone is a hint"),
    ]

    static let sensitive: Set<Category> = Set(Category.allCases.filter(\.isSensitive))

    @Test("levels of the marked terms", arguments: cases)
    func levels(_ item: Case) {
        let input = MarkedText(item.marked)
        let found = detection.detect(input.text).filter { Self.sensitive.contains($0.category) }
        #expect(found.map(\.span) == input.spans, "found \(found.map { "\($0.category) \($0.value)" })")
        #expect(found.map(\.level) == item.levels, "steps \(found.map(\.evidence.steps))")
    }

    @Test func theSubjectIsNamedInTheSteps() throws {
        let found = detection.detect("Anna Andersson, 830404-2388.\nHon har diabetes.")
        let health = try #require(found.first { $0.category == .health })
        #expect(health.evidence.steps.contains { $0.hasPrefix("co-occurrence +0.50") && $0.contains("referred to in this passage") })
    }
}
