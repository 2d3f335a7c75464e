import Testing
@testable import InventaExtraction
import InventaModel

@Suite struct ExtractionBudgetTests {
    @Test func textOverTheLimitIsCutAndTheFileMarkedPartial() {
        var limits = ExtractionLimits()
        limits.maxTextBytes = 100
        limits.chunkSize = 64
        let text = String(repeating: "åäö text ", count: 100)
        let extracted = Fixtures.extract(bytes: Array(text.utf8), name: "lang.txt", limits: limits)
        let owned = extracted.units.reduce(0) { $0 + $1.ownedRange.count }
        #expect(owned <= 100 && owned >= 96)   // cut on a character boundary
        #expect(extracted.units.allSatisfy { String(validating: Array($0.text.utf8), as: UTF8.self) != nil })
        #expect(extracted.result.outcome == .partial("limit_exceeded: text over 100 bytes; raise --max-text-per-file to read it all"))
    }

    @Test func textLimitStopsAPDFBetweenPages() {
        var limits = ExtractionLimits()
        limits.maxTextBytes = 10
        let extracted = Fixtures.extract("pdf/good/seeded.pdf", limits: limits)
        #expect(extracted.units.count == 1)
        #expect(extracted.units[0].location.page == 1)
        #expect(extracted.result.outcome.reason?.hasPrefix("limit_exceeded: text over 10 bytes") == true)
    }

    @Test func expiredDeadlineStopsExtraction() {
        var limits = ExtractionLimits()
        limits.timeoutSeconds = 0
        for fixture in ["pdf/good/seeded.pdf", "csv/good/seeded.csv", "rtf/good/seeded.rtf", "html/good/seeded.html"] {
            let extracted = Fixtures.extract(fixture, limits: limits)
            #expect(extracted.units.isEmpty, "\(fixture)")
            #expect(extracted.result.outcome == .partial("limit_exceeded: timeout after 0 s; raise --timeout-per-file to read it all"), "\(fixture)")
        }
    }

    @Test func checkThrowsOnceALimitIsHit() {
        var limits = ExtractionLimits()
        limits.maxTextBytes = 3
        let budget = ExtractionBudget(limits: limits)
        #expect(throws: Never.self) { try budget.check() }
        #expect(budget.admit(TextUnit(text: "ab")) != nil)
        #expect(budget.admit(TextUnit(text: "cd"))?.text == "c")
        #expect(budget.admit(TextUnit(text: "e")) == nil)
        #expect(throws: ExtractionError.self) { try budget.check() }
    }
}
