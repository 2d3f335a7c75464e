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
        // Zero-padded in one piece, as fixed-width exports write them.
        "Plusgiro: «0085545-2»", "Plusgiro «00547-0»",
        // Luhn fails, too long, wrong layout.
        "Plusgiro 12 34 56-7",
        "Plusgiro 123456789-1",
        "Plusgiro 1234 56-6",
        "Plusgiro 12 34 56-66",
        "Resultat 0 3-4 efter halvtid",
        // A leading zero on a short or grouped number, or nothing but zeros: not a plusgiro.
        "Plusgiro 0123-0", "Plusgiro 0 12 34-5", "Plusgiro 00000-0",
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
        #expect(found.tags.isEmpty)
    }

    @Test func zeroPaddingIsNormalisedAway() throws {
        let found = try #require(firstCandidate(of: matcher, in: "PG 0085545-2"))
        #expect(found.normalized == "855452")
        #expect(found.tags == ["zero_padded"])
        #expect(found.validation == .confirmed)
    }
}
