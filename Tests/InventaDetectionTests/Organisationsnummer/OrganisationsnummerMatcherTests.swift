import Testing
@testable import InventaDetection

/// Organisationsnummer are recognised (for negative evidence), never as personal data.
/// The numbers below are built with a computed Luhn digit; 556677-8899 style values are
/// not real companies' numbers as far as we know, and nothing here identifies a person.
struct OrganisationsnummerMatcherTests {
    let matcher = OrganisationsnummerMatcher()

    @Test(arguments: [
        "Org.nr «556677-8899»",
        "Orgnr «5566778899» Kommunen",
        "Kommunen «212000-0142» har",
        "Lång form «16556677-8899» och «165566778899».",
        "Momsreg.nr «SE556677889901»",
        "VAT «SE 5566778899 01»",
        // Luhn fails: 556677-8898.
        "Org.nr 556677-8898",
        // Enskild firma: third digit < 2 is a personnummer (Skatteverket test number), never claimed.
        "F-skatt 189001019802",
        "Enskild firma 400104-2383",
        // Phones and other numbers are not organisationsnummer (first digit 0).
        "Tel 0701740607",
        // Part of a longer number.
        "Ref 12-556677-8899",
        "Ref 5566778899123",
    ] + CollisionCases.all(except: CollisionCases.organisationsnummer))
    func recognises(_ example: String) {
        let marked = MarkedText(example)
        let found = candidates(of: matcher, in: marked.text)
        #expect(found.map(\.span) == marked.spans)
        #expect(found.allSatisfy { $0.validation == .confirmed && $0.tags.contains("organisationsnummer") })
    }

    @Test func normalisesEveryFormToTenDigits() {
        var seen: [String] = []
        var text = "556677-8899 16556677-8899 SE556677889901"
        text.withUTF8 { bytes in matcher.matches(in: bytes) { seen.append($0.normalized) } }
        #expect(seen == ["5566778899", "5566778899", "5566778899"])
    }
}
