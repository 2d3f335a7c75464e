import InventaDetection
import InventaModel
import Testing

/// The list step (`ListPolicy`): a text unit whose account-shaped numbers (nearly) all pass
/// their bank's check digit is a list of accounts, e.g. a payroll list's page after the one
/// with the `Konto` header. Accounts are made up (SEB clearing 5xxx, mod-11 check digit).
@Suite struct ListTests {
    static let accounts = ["5341-6721101", "5684-0388549", "5214-3044321", "5445-1956838", "5237-4184048", "5948-3669464"]
    /// Same shape, check digit wrong.
    static let failing = ["5723-4401074", "5887-5231637", "5425-6958351", "5034-9931524", "5526-9149374", "5246-9259050"]

    static func rows(_ numbers: [String]) -> String {
        numbers.enumerated().map { "Anställd \($0.offset + 1) 19\(80 + $0.offset)-05 \($0.element) 31028" }.joined(separator: "\n")
    }

    static func accountsFound(in text: String) -> [Finding] {
        Bundled.detection.detect(text).filter { $0.category == .bankAccount }
    }

    @Test func aColumnOfValidAccountsWithoutItsHeaderIsFound() throws {
        let found = Self.accountsFound(in: Self.rows(Self.accounts))
        #expect(found.map(\.value) == Self.accounts)
        for finding in found {
            #expect(finding.evidence.steps.contains("list +0.10 (6 of 6 numbers of this shape in the text unit pass the check digit: a list)"))
            #expect(finding.level == .medium)
        }
    }

    @Test func anUndecidableNumberInAListStillNeedsAWord() {
        // Swedbank 8125 with an account that fails Luhn: `unknown`, as an IBAN's digit groups read.
        let found = Self.accountsFound(in: Self.rows(Self.accounts) + "\nReferens 8125 2818 53901")
        #expect(found.map(\.value) == Self.accounts)
    }

    @Test func aFewAccountsWithoutAWordAreNotAList() {
        #expect(Self.accountsFound(in: Self.rows(Array(Self.accounts.prefix(4)))).isEmpty)
    }

    @Test func numbersThatPassOnlyByChanceAreNotAList() {
        // Half of them fail: reference numbers of the same shape, not accounts.
        #expect(Self.accountsFound(in: Self.rows(Self.accounts + Self.failing)).isEmpty)
    }

    @Test func aListUnderItsHeaderGetsTheStepToo() throws {
        let found = Self.accountsFound(in: "Namn Personnummer Konto Bruttolön\n" + Self.rows(Self.accounts))
        #expect(found.count == Self.accounts.count)
        #expect(found.allSatisfy { $0.evidence.steps.contains { $0.hasPrefix("list +0.10 (6 of 6") } })
    }
}
