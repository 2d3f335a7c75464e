import Foundation
import InventaModel
import InventaRules
import Testing

/// The loader on a valid file using every key, and on each invalid fixture in
/// `Fixtures/invalid/`, whose first line `# expect: …` holds (part of) the error it must give.
@Suite struct RuleLoaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let builtins: Set<String> = ["personnummer", "phone", "email"]

    static var invalidFixtures: [String] {
        let directory = fixtures.appendingPathComponent("invalid").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".toml") }.sorted()
    }

    @Test func validFileReadsEveryKey() throws {
        let ruleSet = try RuleLoader(builtins: Self.builtins).load(directory: Self.fixtures.appendingPathComponent("valid").path)
        #expect(ruleSet.rules.map(\.id) == ["kommun.diarienummer", "kommun.terms"])
        let rule = try #require(ruleSet.rule(id: "kommun.diarienummer"))
        #expect(rule.category == .criminal)
        #expect(rule.enabled == false)
        #expect(rule.confidence == 0.4)
        #expect(rule.matcher == .regex(pattern: #"(?i)\bdnr[: ]+([A-ZÅÄÖ]{2,4} \d{4}/\d+)"#, group: 1))
        #expect(rule.keywords == ["dnr"])
        #expect(rule.context == ContextSpec(before: 30, after: 10, positive: ["ärende"], positiveBoost: 0.1,
                                            negative: ["budget"], negativePenalty: 0.2))
        #expect(rule.allowlist == Allowlist(values: ["KS 2019/1"], patterns: ["^KS 2020/"]))
        #expect(rule.examples == Examples(match: ["Dnr: «KS 2019/73»"], noMatch: ["KS 2019/73 utan etikett"]))
        #expect(rule.file.hasSuffix("valid/case-numbers.toml"))
        #expect(ruleSet.enabledRules.map(\.id) == ["kommun.terms"])
        let terms = try #require(ruleSet.rule(id: "kommun.terms"))
        #expect(terms.matcher == .phrases(["diabetes typ 2", "diagnos*"], source: "datasets/terms.txt"))
        #expect(terms.context == ContextSpec())
        #expect(terms.confidence == nil)
    }

    @Test(arguments: invalidFixtures)
    func invalidFixtureGivesItsError(name: String) throws {
        let source = Self.fixtures.appendingPathComponent("invalid").appendingPathComponent(name)
        let text = try String(contentsOf: source, encoding: .utf8)
        let firstLine = try #require(text.split(separator: "\n").first)
        let expected = try #require(firstLine.split(separator: ":", maxSplits: 1).last).trimmingCharacters(in: .whitespaces)
        // Each fixture is loaded alone, as `phone.toml` in a fresh directory.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inventa-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try text.write(to: directory.appendingPathComponent(name == "missing-phrases-file.toml" || name == "star-inside.toml" ? "health.toml" : "phone.toml"),
                       atomically: true, encoding: .utf8)
        do {
            _ = try RuleLoader(builtins: Self.builtins).load(directory: directory.path)
            Issue.record("\(name) loaded without error; expected: \(expected)")
        } catch {
            let messages = error.errors.map(\.description)
            #expect(messages.contains { $0.contains(expected) }, "\(name): got \(messages)")
            #expect(messages.allSatisfy { $0.hasPrefix(directory.path + "/") }, "every error names the file")
        }
    }

    @Test func errorNamesFileRuleAndField() {
        let error = RuleError(file: "Rules/phone.toml", rule: "se.phone", field: "category",
                              message: "unknown category 'fone' (expected one of …)")
        #expect(error.description == "Rules/phone.toml: rule 'se.phone': field 'category': unknown category 'fone' (expected one of …)")
        #expect(RuleError(file: "Rules/x.toml", rule: "#2", field: "id", message: "missing").description
                == "Rules/x.toml: rule #2: field 'id': missing")
    }

    @Test func emptyOrMissingDirectoryIsAnError() {
        #expect(throws: RuleSetError.self) { try RuleLoader(builtins: []).load(directory: "/nonexistent/inventa-rules") }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("inventa-empty-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: RuleSetError.self) { try RuleLoader(builtins: []).load(directory: empty.path) }
    }

    @Test func allErrorsOfAFileAreReportedAtOnce() {
        let text = """
            [[rule]]
            id = "a"
            category = "fone"
            description = "x"
            confidence = 2
            matcher = { builtin = "nope" }
            """
        let errors = RuleLoader(builtins: Self.builtins).parse(text, file: "f.toml", directory: "/tmp").errors
        #expect(Set(errors.compactMap(\.field)) == ["category", "confidence", "matcher.builtin", "examples"])
    }
}
