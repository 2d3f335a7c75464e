import InventaDetection
import InventaModel
import InventaRules
import Testing

/// One table per bundled sensitive-category file: each term is weak alone (low) and
/// strong next to a personnummer in the same text unit, with the value marked «…».
@Suite struct SensitiveRulesTests {
    static let person = "Personnummer 720107-9295. "

    @Test(arguments: [
        ("Hon har «diabetes» typ 1.", Category.health),
        ("Beviljad «personlig assistans» enligt LSS.", .health),
        ("Vårdas inom «psykiatrin».", .health),
        ("Uppgift om «etnicitet» saknas.", .ethnicity),
        ("Han är «katolik».", .religion),
        ("Aktiv «socialdemokrat» sedan 2010.", .politics),
        ("Avdrag för «fackavgift».", .union),
        ("Uppgift om «sexuell läggning».", .sexuality),
        ("«Fingeravtryck» lagras i systemet.", .geneticBiometric),
        ("Han «dömdes» för stöld.", .criminal),
        ("Personen är «kvarskriven» i Malmö.", .protectedIdentity),
    ])
    func weakAloneStrongNextToAPerson(example: String, category: Category) throws {
        let marked = try MarkedExample.parse(example)
        let alone = try #require(Bundled.detection.detect(marked.text).first { $0.span == marked.span })
        #expect(alone.category == category)
        #expect(alone.level == .low)

        let shifted = Self.person.utf8.count
        let together = Bundled.detection.detect(Self.person + marked.text)
        let strong = try #require(together.first { $0.span == (marked.span!.lowerBound + shifted)..<(marked.span!.upperBound + shifted) })
        #expect(strong.category == category)
        #expect(strong.level == .high, "\(strong.evidence.steps)")
    }

    @Test(arguments: [
        "Kommunfullmäktige antog budgeten för 2019.",
        "Behandling av personuppgifter sker enligt dataskyddsförordningen.",
        "Brottsförebyggande rådet och Domstolsverket publicerar statistik.",
        "Kommunal verksamhet och vår vision för 2030.",
        "Vi läste franska och tyska i skolan.",
        "Priserna var moderata och beroende av säsong.",
    ])
    func ordinaryMunicipalTextHasNoSensitiveFinding(text: String) {
        let found = Bundled.detection.detect(Self.person + text).filter { $0.category.isSensitive }
        #expect(found.isEmpty, "\(found.map { "\($0.category) \($0.value)" })")
    }
}
