import Testing
@testable import InventaDetection

/// Bankgiro numbers here are made up with a computed Luhn digit.
struct BankgiroMatcherTests {
    let matcher = BankgiroMatcher()

    @Test(arguments: [
        "Bankgiro «123-4566»",
        "BG: «5050-1238».",
        // The matcher sees the shape; the rule's keywords and negative context keep this out.
        "Fakturanr: «4455-6603»",
        // Luhn fails, wrong shapes, parts of longer numbers.
        "Bankgiro 123-4567",
        "Bankgiro 12-3456",
        "Bankgiro 12345-6789",
        "Ref 1-123-4566",
        "Ref 123-4566-1",
        // More look-alikes; the shared collision cases (`CollisionCases`) are appended.
        "Tel 070-174 06 05", "Postnummer 123 45",
    ] + CollisionCases.all)
    func finds(_ example: String) {
        let marked = MarkedText(example)
        #expect(candidates(of: matcher, in: marked.text).map(\.span) == marked.spans)
    }

    @Test func normalisesMasksAndScoresLow() throws {
        let found = try #require(firstCandidate(of: matcher, in: "BG 5050-1238"))
        #expect(found.normalized == "50501238")
        #expect(found.masked == "****-**38")
        #expect(found.baseScore < 0.5)
        #expect(candidates(of: matcher, in: "BG 5050-1239", accepted: false).map(\.validation) == [.rejected])
    }
}
