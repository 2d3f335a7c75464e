import InventaDetection
import InventaModel
import Testing

/// The personnummer detector on running text: expected findings are marked «…» in
/// the input; any finding not marked, or marked and not found, fails the case.
@Suite struct PersonnummerDetectorTests {
    let detection = Bundled.detection

    static let cases: [String] = [
        "Personnummer: «830404-2388».",
        "pnr «8304042388», ny adress",
        "Klienten («19830404-2388») och barnet «030704-2390» deltog.",
        "«198304042388»",
        "Född «830404 2388» enligt folkbokföringen",
        "samordningsnummer «211175-2388»",
        "Elev;«200307042390»;7B",
        // At line starts and ends.
        "«830404-2388»\n«030704-2390»",
        // Split across a line break: not one number.
        "830404-\n2388",
        // Phone numbers in the fiction range, in their usual groupings.
        "Tel 070-174 06 05, mobil 070-1740698",
        // Inside longer digit runs or identifiers.
        "Ref 128304042388991",
        "A8304042388",
        "Ärende 12-830404-2388",
        "Löpnr 830404-2388-1",
        // A letter of any script right before or after ends the match (NumberBoundary), as an
        // ASCII letter does; quotes and dashes do not.
        "Bjö830404-2388",
        "Bjo830404-2388",
        "830404-2388ö",
        "Ωμέγα830404-2388",
        "Namn «830404-2388» – ok",
        "”«830404-2388»”",
        // Birth number 000 is never issued (Luhn-valid on purpose).
        "Personnummer 20150916-0006",
        // Organisationsnummer, dates, amounts and case numbers.
        "Org.nr 212000-0142 och 202100-5448",
        "Beslut 2018-04-10, belopp 2 600 000 kr, dnr KS 2019/73",
        // Check digit wrong, date impossible.
        "Personnummer 830404-2389 eller 850231-1239",
    ]

    /// Personnummer and samordningsnummer findings only: other rules (phone, bank) run too.
    func identities(_ text: String) -> [Finding] {
        detection.detect(TextUnit(text: text)).filter { $0.category == .personnummer || $0.category == .samordningsnummer }
    }

    @Test("finds exactly the marked numbers", arguments: cases)
    func findsMarked(_ marked: String) {
        let input = MarkedText(marked)
        let found = identities(input.text)
        #expect(found.map(\.span) == input.spans, "found \(found.map(\.value))")
    }

    @Test func contextMovesConfidence() throws {
        func confidence(_ text: String) throws -> Double {
            try #require(identities(text).first).confidence
        }
        let plain = try confidence("Uppgift 830404-2388 noterad")
        let positive = try confidence("Personnummer 830404-2388 noterad")
        let negative = try confidence("Kundnr 830404-2388 noterad")
        #expect(positive > plain)
        #expect(negative < plain)
        // Without a separator and after an invoice label, the number is dropped as a reference number.
        #expect(identities("Fakturanr: 8304042388").isEmpty)
    }

    @Test func mobileNumberThatPassesLuhnIsAPhoneNotAPerson() throws {
        // 0701740607 is in the fiction range and happens to pass Luhn as a samordningsnummer.
        let found = detection.detect(TextUnit(text: "Mobil: 0701740607"))
        #expect(identities("Mobil: 0701740607").isEmpty)
        #expect(found.map(\.category) == [.phone])
    }

    @Test func recordsEvidence() throws {
        let finding = try #require(identities("pnr: 900101+9802").first)
        #expect(finding.category == .personnummer)
        #expect(finding.normalized == "189001019802")
        #expect(finding.evidence.validation == .confirmed)
        #expect(finding.evidence.checks.contains("century:+"))
        #expect(finding.evidence.context == ["+pnr"])
        #expect(finding.rule == "se.personnummer")
    }

    @Test func samordningsnummerHasItsOwnCategory() throws {
        let finding = try #require(identities("150072-2390").first)
        #expect(finding.category == .samordningsnummer)
    }

    @Test func stampsLineNumbers() {
        let unit = TextUnit(text: "rad ett\nrad två 830404-2388\n\n030704-2390", location: Location(line: 10))
        #expect(detection.detect(unit).filter { $0.category == .personnummer }.map(\.location.line) == [11, 13])
    }

    @Test func keepsOnlyMatchesStartingInTheOwnedRange() {
        let text = "830404-2388 och 030704-2390"
        let owned = 5..<text.utf8.count
        #expect(detection.detect(TextUnit(text: text, ownedRange: owned)).filter { $0.category == .personnummer }
            .map(\.value) == ["030704-2390"])
    }

    @Test("masks serial and check digits", arguments: [
        ("830404-2388", "830404-****"),
        ("19830404-2388", "19830404-****"),
        ("198304042388", "19830404****"),
        ("900101+9802", "900101+****"),
    ])
    func masks(value: String, masked: String) {
        #expect(PersonnummerMatcher.mask(value) == masked)
    }
}

@Suite struct MobileShapedCoordinationNumberTests {
    /// 0701740664 is in the fiction range and reads as samordningsnummer 070174-0664 (Luhn passes).
    @Test("a bare mobile number is a phone unless an identity word says otherwise", arguments: [
        ("Kontakt 0701740664", Category.phone),
        ("Samordningsnummer 0701740664", Category.samordningsnummer),
        ("Samordningsnummer 070174-0664", Category.samordningsnummer),
    ])
    func reading(text: String, expected: Category) throws {
        let found = Bundled.detection.detect(TextUnit(text: text))
        #expect(found.map(\.category) == [expected])
    }
}
