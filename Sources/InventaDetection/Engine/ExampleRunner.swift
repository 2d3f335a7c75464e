import InventaModel
import InventaRules

/// Runs the examples embedded in rules through the whole detection stage (all rules,
/// overlap resolution included: what a user would get):
/// - a `match` example passes when a finding of the rule's category covers exactly the
///   `«…»` span (for an organisationsnummer rule, which never reports, its own candidate);
/// - a `no_match` example passes when no finding comes from the rule.
///
/// Used by `inventa rules test` and by the test that runs every bundled example.
public struct ExampleRunner: Sendable {
    public let detection: Detection

    public init(detection: Detection) {
        self.detection = detection
    }

    public struct Result: Sendable, Equatable {
        public enum Kind: String, Sendable { case match, noMatch = "no_match" }
        public var rule: String
        public var kind: Kind
        public var example: String
        public var passed: Bool
        /// Why it failed: what was expected and what was found.
        public var detail: String
    }

    /// Results for every example of every enabled rule, in rule order.
    public func runAll() -> [Result] {
        detection.engine.ruleSet.enabledRules.flatMap(run)
    }

    public func run(_ rule: Rule) -> [Result] {
        rule.examples.match.map { check(match: $0, rule: rule) } + rule.examples.noMatch.map { check(noMatch: $0, rule: rule) }
    }

    private func findings(_ text: String, rule: Rule) -> [Finding] {
        if rule.matcher == .builtin(BuiltinMatchers.organisationsnummer) {
            var copy = text
            return copy.withUTF8 { detection.engine.findings(in: $0, includeSuppressors: true) }.filter { $0.rule == rule.id }
        }
        return detection.detect(TextUnit(text: text))
    }

    private func check(match example: String, rule: Rule) -> Result {
        guard let parsed = try? MarkedExample.parse(example), let span = parsed.span else {
            return Result(rule: rule.id, kind: .match, example: example, passed: false, detail: "no value marked with «…»")
        }
        let found = findings(parsed.text, rule: rule)
        let isSuppressor = rule.matcher == .builtin(BuiltinMatchers.organisationsnummer)
        let hit = found.contains { $0.span == span && (isSuppressor || $0.category == rule.category) }
        let detail = hit ? "" : "expected \(rule.category.rawValue) '\(parsed.value ?? "")'; got \(Self.describe(found))"
        return Result(rule: rule.id, kind: .match, example: example, passed: hit, detail: detail)
    }

    private func check(noMatch example: String, rule: Rule) -> Result {
        let text = (try? MarkedExample.parseAny(example))?.text ?? example
        let offending = findings(text, rule: rule).filter { $0.rule == rule.id }
        let detail = offending.isEmpty ? "" : "expected no finding of \(rule.id); got \(Self.describe(offending))"
        return Result(rule: rule.id, kind: .noMatch, example: example, passed: offending.isEmpty, detail: detail)
    }

    static func describe(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "nothing" }
        return findings.map { "\($0.category.rawValue) '\($0.value)' (\($0.rule) \(String.twoDecimals($0.confidence)))" }
            .joined(separator: ", ")
    }
}
