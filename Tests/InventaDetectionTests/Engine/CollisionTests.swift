import InventaDetection
import InventaModel
import InventaRules
import Testing

/// The known collision cases from the issue, on the bundled rules: look-alikes of a
/// personnummer must not be reported as one (or only as a hint), and real ones must.
@Suite struct CollisionTests {
    static let identifiers: Set<Category> = [.personnummer, .samordningsnummer]

    @Test(arguments: [
        "Mobil: 0701740607",                  // a fiction-range mobile number that passes Luhn (samordningsnummer shape)
        "Telefon 070-174 06 23",
        "Org.nr 559900-0006",                 // organisationsnummer: third digit ≥ 2, Luhn-valid
        "Orgnr: 5599001236",
        "16559900-0006",
        "Fakturanr: 7201079295",              // Luhn-valid (a test personnummer) under Fakturanr:
        "Datum 2018-04-10",
        "Belopp 2 600 000 kr",
        "Dnr KS 2019/73",
        "Ref 12-720107-9295",                 // inside a longer reference number
        "720107-92950",
        "Kontrollsiffra fel: 720107-9296",
        "Omöjligt datum 720230-9280",
    ])
    func noIdentifierIsReported(text: String) {
        let found = Bundled.detection.detect(text).filter { Self.identifiers.contains($0.category) }
        #expect(found.isEmpty, "\(text): \(found.map { "\($0.category) \($0.value) \($0.confidence)" })")
    }

    @Test(arguments: [
        ("Personnummer: «720107-9295»", Category.personnummer, Level.high),
        ("«19720118-9268»", .personnummer, .high),
        ("Kund «7201079295» ring", .personnummer, .medium),
        ("Samordningsnummer «800166-2397»", .samordningsnummer, .high),
        ("Fakturanr: «19720107-9295»", .personnummer, .low),   // fully written: still reported, as a hint
        ("Fakturanummer «720107-9295» förfaller", .personnummer, .low),
    ])
    func identifierIsReported(example: String, category: Category, level: Level) throws {
        let marked = try MarkedExample.parse(example)
        let found = Bundled.detection.detect(marked.text)
        let finding = try #require(found.first { $0.span == marked.span })
        #expect(finding.category == category)
        #expect(finding.level == level, "\(finding.evidence.steps)")
    }

    @Test func sensitiveWordWithNoPersonIsOnlyAHint() throws {
        let found = Bundled.detection.detect("Rapporten beskriver hur diabetes och depression behandlas i regionen.")
        #expect(found.map(\.category) == [.health, .health])
        #expect(found.allSatisfy { $0.level == .low })
        #expect(found.allSatisfy { !$0.evidence.steps.contains { $0.hasPrefix("co-occurrence") } })
    }

    @Test func sensitiveWordNextToAPersonIsStrong() throws {
        let found = Bundled.detection.detect("Anna Andersson, 720107-9295, har diabetes.")
        let health = try #require(found.first { $0.category == .health })
        #expect(health.level == .high)
        #expect(health.evidence.steps.contains("co-occurrence +0.50 (name, personnummer in the same passage)"))
    }

    @Test func nationalityAloneIsNotReportedButNextToAPersonItIs() {
        #expect(Bundled.detection.detect("En somalisk restaurang öppnade.").isEmpty)
        let found = Bundled.detection.detect("Pnr 720107-9295, somalisk medborgare.")
        #expect(found.contains { $0.category == .ethnicity && $0.value == "somalisk" && $0.level == .medium })
    }
}
