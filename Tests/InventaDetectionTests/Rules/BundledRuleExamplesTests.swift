import InventaDetection
import InventaRules
import Testing

/// Runs every example embedded in every bundled rule file through the whole detection
/// stage, one test case per example (like SwiftLint's generated example tests), so a
/// failing example names its rule and text. `inventa rules test` runs the same examples.
@Suite struct BundledRuleExamplesTests {
    static let results = ExampleRunner(detection: Bundled.detection).runAll()

    @Test(arguments: results.indices)
    func example(_ index: Int) {
        let result = Self.results[index]
        #expect(result.passed, "\(result.rule) \(result.kind.rawValue): \(result.example) — \(result.detail)")
    }

    @Test func everyEnabledRuleHasBothKindsOfExample() {
        for rule in Bundled.ruleSet.enabledRules {
            #expect(!rule.examples.match.isEmpty && !rule.examples.noMatch.isEmpty, "\(rule.id)")
        }
        #expect(Self.results.count >= 2 * Bundled.ruleSet.enabledRules.count)
    }
}
