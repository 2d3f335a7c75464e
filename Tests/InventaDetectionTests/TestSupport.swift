import Foundation
import InventaDetection
import InventaModel
import InventaRules

/// Shared fixtures: the bundled `Rules/` directory and a detection built from it with
/// a fixed date, so birth-date checks do not depend on the day the tests run.
enum Bundled {
    static let rulesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Rules").path
    static let today = CivilDate(year: 2026, month: 1, day: 1)
    static let ruleSet: RuleSet = {
        do { return try RuleEngine.loadRules(directory: rulesDirectory) } catch { fatalError("bundled rules: \(error)") }
    }()
    static let detection: Detection = {
        do { return try Detection(ruleSet: ruleSet, options: EngineOptions(today: today)) } catch { fatalError("\(error)") }
    }()
}

extension Detection {
    /// Findings in a plain string.
    func detect(_ text: String) -> [Finding] { detect(TextUnit(text: text)) }
}

/// A rule built in code for engine tests.
func makeRule(_ id: String, _ category: Category, _ matcher: MatcherSpec, confidence: Double? = nil,
              keywords: [String] = [], context: ContextSpec = ContextSpec(), allowlist: Allowlist = Allowlist()) -> Rule {
    Rule(id: id, category: category, description: id, confidence: confidence, matcher: matcher, keywords: keywords,
         context: context, allowlist: allowlist, examples: Examples(match: ["«x»"], noMatch: ["y"]), file: "test.toml")
}

func makeDetection(_ rules: [Rule], options: EngineOptions = EngineOptions(today: Bundled.today)) throws -> Detection {
    try Detection(ruleSet: RuleSet(directory: Bundled.rulesDirectory, rules: rules), options: options)
}
