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
        // The writer of a letter or e-mail, named in the signature after a sign-off line.
        .init("Hej!\n\nMin fru har «KOL» och kan inte gå ut.\n\nMed vänlig hälsning\nAnna Andersson\nTel. 070-174 06 05",
              [.high], "a family word of the writer, the writer signs"),
        .init("Jag har «diabetes» och behöver hjälp.\n\nHälsningar\nKarl Berg", [.high], "the writer, a short sign-off"),
        .init("Vår son har «adhd».\n\nMvh\nKarl Berg", [.high], "a plural possessive with a family word"),
        .init("Familjen har «romsk» bakgrund.\n\nVänliga hälsningar,\nKarl Berg", [.high], "a definite family word"),
        // Definite family words refer to a family named before.
        .init("Camilla Lundin går i årskurs 9.\nFamiljen har «romsk» bakgrund.", [.high], "familjen"),
        .init("Karl Berg, 830404-2388.\nSonen har «epilepsi».", [.high], "sonen"),
        // A union representative named with the label is a union member.
        .init("«Facklig företrädare»: Anna Andersson (Vision)", [.high], "a named union representative"),
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
        .init("Jag har «diabetes».\n\nKontakt: Anna Andersson", [.low], "a name after the text without a sign-off"),
        .init("Mötet tar 30 min och handlar om «psykisk ohälsa».\n\nMed vänlig hälsning\nAnna Andersson", [.low],
              "min is minutes, not a possessive with a family word"),
        .init("Vi arbetar för att «HBTQ-personer» ska känna sig välkomna i vår kommun.\n\nMed vänlig hälsning\nAnna Andersson",
              [.low], "a plural possessive with no family word"),
        .init("Kommunens kontaktcenter, telefon 070-174 06 05, svarar på frågor om «psykisk ohälsa» och «sexuell läggning».",
              [.low, .low], "an organisation's number is nobody's: no subject"),
        // A sensitive term as the first part of a job title or unit name says nothing about anyone.
        .init("Hälsningar\nLennart Hallberg\nLss-handläggare\nTel: 070-174 06 05", [], "a job title"),
        .init("Anna Andersson, 830404-2388, arbetar på HBTQ-enheten.", [], "a unit name"),
        .init("Anna Andersson, 830404-2388, bor på «LSS»-boende.", [.high], "a compound about the person's situation counts"),
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

    /// A case file's header table names the client; the journal text below, another text unit of
    /// the same document, refers to the client (`Klienten …`). Units are marked as in `cases`.
    struct DocumentCase: Sendable, CustomTestStringConvertible {
        let units: [(text: String, member: [String])]
        let levels: [Level]
        let note: String
        var testDescription: String { note }
    }

    static let documentCases: [DocumentCase] = [
        .init(units: [("Namn: Karl Berg", []), ("Personnummer: 830404-2388", []),
                      ("2021-03-11 Planeringsmöte\nKlienten är «konverterad» till «kristendomen».\nAntecknat av: Eva Ek", [])],
              levels: [.high, .high], note: "the client named in an earlier unit"),
        .init(units: [("Namn: Karl Berg", ["a.docx"]), ("Klienten har «diabetes».", ["b.docx"])],
              levels: [.low], note: "a name in another member of the file is another document"),
        .init(units: [("Namn: Karl Berg", []), ("Den som har «diabetes» får stöd.", [])],
              levels: [.low], note: "a person named before, no reference to one"),
        .init(units: [("Klienten har «diabetes».", []), ("Namn: Karl Berg", [])],
              levels: [.low], note: "named only in a later unit"),
    ]

    @Test("a person named in an earlier unit of the document", arguments: documentCases)
    func earlierUnits(_ item: DocumentCase) {
        var documents = NamedDocuments()
        var found: [Finding] = []
        var spans: [Range<Int>] = []
        for (text, member) in item.units {
            let input = MarkedText(text)
            var unit = TextUnit(text: input.text)
            unit.member = member
            found += detection.detect(unit, documents: &documents).filter { Self.sensitive.contains($0.category) }
            spans += input.spans
        }
        #expect(found.map(\.span) == spans, "found \(found.map { "\($0.category) \($0.value)" })")
        #expect(found.map(\.level) == item.levels, "steps \(found.map(\.evidence.steps))")
    }

    @Test func theSubjectIsNamedInTheSteps() throws {
        let found = detection.detect("Anna Andersson, 830404-2388.\nHon har diabetes.")
        let health = try #require(found.first { $0.category == .health })
        #expect(health.evidence.steps.contains { $0.hasPrefix("co-occurrence +0.50") && $0.contains("referred to in this passage") })
        let letter = detection.detect("Min fru har diabetes.\n\nMed vänlig hälsning\nKarl Berg")
        let signed = try #require(letter.first { $0.category == .health })
        #expect(signed.evidence.steps.contains { $0.contains("the writer named after the sign-off") })
    }
}
