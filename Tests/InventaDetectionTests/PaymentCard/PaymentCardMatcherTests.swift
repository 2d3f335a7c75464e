import Testing
@testable import InventaDetection

/// Card numbers are the card schemes' published test numbers (4111 1111 1111 1111 …).
struct PaymentCardMatcherTests {
    let matcher = PaymentCardMatcher()

    @Test(arguments: [
        "Kort «4111 1111 1111 1111»",
        "Kort «4111-1111-1111-1111».",
        "Kort «4111111111111111»",
        "MC «5555 5555 5555 4444», MC2 «2223 0031 2200 3222»",
        "Amex «3782 822463 10005»",
        "Diners «3056 930902 5904»",
        "Discover «6011111111111117»",
        "Visa 13 «4222222222222»",
        "Kort ”«4111 1111 1111 1111»”",
        // Luhn fails, unknown issuer, mixed separators, inside longer numbers, wrong groups.
        "Kort 4111 1111 1111 1112",
        "Kort 1111 1111 1111 1117",
        "Kort 4111 1111-1111 1111",
        "Ref 94111111111111111",
        "Ref 12-4111111111111111",
        "Kort 4111 1111 1111 1111 1111",
        "Kort 411 1111 1111 1111",
        // A personnummer (Skatteverket test number) and more look-alikes; `CollisionCases` appended.
        "Pnr 194001042383",
        "Fakturanr: 44556603", "Tel 070-174 06 05",
    ] + CollisionCases.all)
    func finds(_ example: String) {
        let marked = MarkedText(example)
        #expect(candidates(of: matcher, in: marked.text).map(\.span) == marked.spans)
    }

    @Test func normalisesMasksAndTagsTheIssuer() throws {
        let found = try #require(firstCandidate(of: matcher, in: "Kort 4111 1111 1111 1111"))
        #expect(found.normalized == "4111111111111111")
        #expect(found.masked == "**** **** **** 1111")
        #expect(found.tags == ["visa"])
        #expect(found.baseScore == 0.85)
        #expect(firstCandidate(of: matcher, in: "4111111111111111")?.baseScore == 0.70)
    }
}
