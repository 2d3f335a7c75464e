import Testing
@testable import InventaDetection

/// IBANs are the published examples of the IBAN standard (SE45 5000 0000 0583 9825 7466,
/// GB82 WEST …, DE89 …) or built for a made-up account with computed check digits.
struct IBANMatcherTests {
    let matcher = IBANMatcher()

    @Test(arguments: [
        "IBAN: «SE45 5000 0000 0583 9825 7466»",
        "IBAN «SE4550000000058398257466».",
        "Made-up account «SE67 1230 0000 0000 0000 0001»",
        "UK «GB82 WEST 1234 5698 7654 32», DE «DE89 3704 0044 0532 0130 00»",
        "Norge «NO93 8601 1117 947»",
        // Check digits wrong, wrong length, unknown country, glued to more characters.
        "IBAN SE46 5000 0000 0583 9825 7466",
        "IBAN SE45 5000 0000 0583 9825 746",
        "IBAN XX45 5000 0000 0583 9825 7466",
        "IBAN SE45 5000 0000 0583 9825 74661",
        "IBANSE4550000000058398257466",
        "Grupper om tre SE4 550 000",
        // More look-alikes; the shared collision cases (`CollisionCases`) are appended.
    ] + CollisionCases.all)
    func finds(_ example: String) {
        let marked = MarkedText(example)
        #expect(candidates(of: matcher, in: marked.text).map(\.span) == marked.spans)
    }

    @Test func reportsMod97FailureAsRejected() throws {
        let all = candidates(of: matcher, in: "SE46 5000 0000 0583 9825 7466", accepted: false)
        #expect(all.map(\.validation) == [.rejected])
    }

    @Test func normalisesAndMasks() throws {
        let found = try #require(firstCandidate(of: matcher, in: "SE45 5000 0000 0583 9825 7466"))
        #expect(found.normalized == "SE4550000000058398257466")
        #expect(found.masked == "SE45 **** **** **** **** 7466")
        #expect(found.checks == ["length", "mod97"])
    }
}
