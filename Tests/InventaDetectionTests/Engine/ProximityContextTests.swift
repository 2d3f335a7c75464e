import InventaDetection
import InventaModel
import Testing

/// Proximity-weighted context with the bundled rules (decision 0306): the value's label
/// decides, words further away weigh less, another value's label does not count, reference
/// labels suppress, organisation-number labels make a personnummer a sole trader's. Each case
/// marks the expected identity, phone and card findings `«…»` and gives their levels in order;
/// every other finding of those categories fails the case.
@Suite struct ProximityContextTests {
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

    static let numbers: Set<Category> = [.personnummer, .samordningsnummer, .phone, .paymentCard]

    static let cases: [Case] = [
        // The label next to the value beats a word further away (and its counter-case: the word alone).
        .init("Kunden frågade om sin faktura igen och uppgav pnr «198304042388».", [.high], "label beats a far word"),
        .init("Kunden frågade om sin faktura igen och uppgav «198304042388».", [.medium], "far word alone weighs less"),
        .init("Faktura «198304042388»", [.low], "a negative label next to the value decides"),
        // A label with its own value between it and this one names that value.
        .init("Tel «070-174 06 05», pnr «8304042388»", [.high, .medium], "the previous field's label"),
        .init("pnr «8304042388», tel «070-174 06 05»", [.medium, .high], "the next field's label"),
        // Table rows (decision 0205): the next column's header does not count, nor the previous one's.
        .init("Personnummer: «20030704-2390»\tTelefon: «070-174 06 05»", [.high, .high], "next column's header"),
        .init("Telefon: «070-174 06 05»\tPersonnummer: «20030704-2390»", [.high, .high], "previous column's header"),
        .init("Namn: Ali Tor\tTelefon: \tPersonnummer: «20030704-2390»", [.high], "an empty previous cell's header"),
        .init("Personnummer\t«20030704-2390»", [.high], "key–value table: the label is the previous cell"),
        // Reference-number labels: not an identity, phone or card number.
        .init("Referensnummer i ärendehanteringssystemet: 8304042388.", [], "reference label, two words between"),
        .init("Ärendenr 8304042388 registrerades.", [], "case number"),
        .init("Kundnr: 0701740605", [], "customer number, not a phone"),
        .init("OCR 4111 1111 1111 1111", [], "OCR reference, not a card"),
        .init("Kortnummer «4111 1111 1111 1111»", [.high], "card counter-case"),
        .init("Kundnummer (personnummer): «8304042388»", [.medium], "a personnummer label beats a reference label"),
        .init("Fakturanr: «19830404-2388»", [.low], "a fully written personnummer under a reference label stays a hint"),
        // Sole traders: a valid personnummer where an organisation number is expected.
        .init("Leverantör: Berg Måleri, org.nr «830404-2388»", [.medium], "enskild firma"),
        .init("Organisationsnummer: «8304042388»\tBankgiro: 5050-1055", [.medium], "an Organisationsnummer column"),
        .init("Leverantör: Berg Bygg AB, org.nr 556677-8899", [], "a real organisation number stays unreported"),
        // Organisation words beat a phone label next to the value: a switchboard is nobody's number.
        .init("Frågor besvaras av kommunens kontaktcenter, telefon «070-174 06 05».", [.low], "an organisation word qualifies the label"),
        .init("Växel tel «070-174 06 05»", [.low], "växel before the label"),
        .init("Telefon: «070-174 06 05» (kundtjänst)", [.low], "an organisation word after the value"),
        .init("Anna Andersson, telefon «070-174 06 05»", [.high], "counter-case: a person's number"),
        .init("Kontaktcentret har öppet alla dagar. Ring Anna Andersson på telefon «070-174 06 05».", [.high],
              "counter-case: an organisation word far away does not outweigh the label"),
        // A negative word at label reach does not beat a positive label (only organisation words do).
        .init("Fråga om faktura, pnr «770318-9931»", [.high], "faktura next to the pnr label"),
    ]

    @Test("levels of the marked numbers", arguments: cases)
    func levels(_ item: Case) {
        let input = MarkedText(item.marked)
        let found = detection.detect(input.text).filter { Self.numbers.contains($0.category) }
        #expect(found.map(\.span) == input.spans, "found \(found.map { "\($0.category) \($0.value) \($0.evidence.steps)" })")
        #expect(found.map(\.level) == item.levels, "steps \(found.map(\.evidence.steps))")
    }

    @Test func soleTraderIsTaggedAndExplained() throws {
        let finding = try #require(detection.detect("Org.nr: 830404-2388").first { $0.category == .personnummer })
        #expect(finding.evidence.tags.contains("sole_trader"))
        #expect(finding.evidence.steps.contains { $0.hasPrefix("sole trader") && $0.contains("label org.nr") })
        #expect(abs(finding.confidence - 0.65) < 1e-9)
    }

    @Test func ignoredWordsAreShownAsSteps() throws {
        let finding = try #require(detection.detect("Tel 070-174 06 05, pnr 8304042388").first { $0.category == .personnummer })
        #expect(finding.evidence.steps.contains("context +0.15 (label pnr)"))
        #expect(finding.evidence.steps.contains("context +0.00 (tel: another value's label)"))
    }

    @Test func farWordsAreWeighted() throws {
        let finding = try #require(detection.detect("Kunden frågade om sin faktura igen och uppgav 198304042388.").first)
        #expect(finding.evidence.steps.contains { $0.hasPrefix("context -0.") && $0.contains("faktura ×0.50") })
    }
}
