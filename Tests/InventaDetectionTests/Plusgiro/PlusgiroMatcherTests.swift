import Testing
@testable import InventaDetection

/// Plusgiro numbers here are made up with a computed Luhn digit.
struct PlusgiroMatcherTests {
    let matcher = PlusgiroMatcher()

    @Test(arguments: [
        "Plusgiro «12 34 56-6»",
        "PG «123456-6»",
        "Pg: «1 23 45-5».",
        "Postgiro «12345-5»",
        // Luhn fails, too long, wrong layout.
        "Plusgiro 12 34 56-7",
        "Plusgiro 123456789-1",
        "Plusgiro 1234 56-6",
        "Plusgiro 12 34 56-66",
        "Resultat 0 3-4 efter halvtid",
        // More look-alikes; the shared collision cases (`CollisionCases`) are appended.
        "Tel 070-174 06 05", "Postnummer 123 45", "Fakturanr: 44556603",
    ] + CollisionCases.all)
    func finds(_ example: String) {
        let marked = MarkedText(example)
        #expect(candidates(of: matcher, in: marked.text).map(\.span) == marked.spans)
    }

    @Test func normalisesAndMasks() throws {
        let found = try #require(firstCandidate(of: matcher, in: "PG 12 34 56-6"))
        #expect(found.normalized == "1234566")
        #expect(found.masked == "** ** *6-6")
    }
}
