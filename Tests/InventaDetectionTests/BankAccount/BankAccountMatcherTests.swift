import Testing
@testable import InventaDetection

/// Account numbers are made up and given computed check digits for their bank's rule.
struct BankAccountMatcherTests {
    let matcher = BankAccountMatcher()

    @Test(arguments: [
        "Konto «5000-123 45 60»",
        "Kontonummer: «5000 1234560».",
        "Clearing och konto «9150-1234562»",
        "Handelsbanken «6000 123 456 789»",
        "Swedbank «8327-9, 123 456 789-7»",
        "Swedbank «8000-1234567897»",
        "Danske Bank «9180-1234567897»",
        // Check digit fails (SEB mod 11), unknown clearing range, too short.
        "Konto 5000-123 45 61",
        "Konto 0123-1234560",
        "Konto 2200-1234560",
        "Konto 5000-1234",
        // More look-alikes; the shared collision cases (`CollisionCases`) are appended.
        "Tel 070-174 06 05", "Postnummer 123 45", "Fakturanr: 44556603",
    ] + CollisionCases.all)
    func finds(_ example: String) {
        let marked = MarkedText(example)
        #expect(candidates(of: matcher, in: marked.text).map(\.span) == marked.spans)
    }

    @Test(arguments: [
        ("5000-1234560", "5000:1234560", "5000-*****60", "SEB"),
        ("6000 123 456 789", "6000:123456789", "6000 *** *** *89", "Handelsbanken"),
        ("8327-9, 123 456 789-7", "8327:1234567897", "8327-9, *** *** **9-7", "Swedbank"),
    ])
    func normalisesAndMasks(_ value: String, _ normalized: String, _ masked: String, _ bank: String) throws {
        let found = try #require(firstCandidate(of: matcher, in: "Konto \(value)"))
        #expect(found.normalized == normalized)
        #expect(found.masked == masked)
        #expect(found.tags.contains("bank:\(bank)"))
        #expect(found.validation == .confirmed)
    }

    @Test func swedbankCheckFailureIsUnknownNotRejected() throws {
        let found = try #require(firstCandidate(of: matcher, in: "Konto 8327-9, 123 456 789-8"))
        #expect(found.validation == .unknown)
        #expect(found.baseScore < 0.5)
    }

    @Test func modulus11() {
        #expect(ClearingNumbers.mod11([0, 0, 0, 1, 2, 3, 4, 5, 6, 0]))
        #expect(!ClearingNumbers.mod11([0, 0, 0, 1, 2, 3, 4, 5, 6, 1]))
    }
}

/// `ClearingNumbers.bank` reads a table built from the published ranges: every clearing number
/// must give the bank that the first range holding it names, and none outside them.
@Test func clearingTableAgreesWithTheRanges() {
    for clearing in -1...10_000 {
        let scanned = ClearingNumbers.ranges.first { $0.0.contains(clearing) }.map { ClearingNumbers.Bank(name: $0.1, rule: $0.2) }
        #expect(ClearingNumbers.bank(clearing: clearing) == scanned, "\(clearing)")
    }
}
