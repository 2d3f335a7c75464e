import ArgumentParser
import InventaDetection
import InventaReport
import InventaRules

/// `inventa rules list|validate|test`: shows the rule set, checks it, and runs every
/// embedded example (CI runs `rules test`; a failing example exits 1).
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List, validate and test the detection rules (Rules/*.toml).",
        subcommands: [List.self, Validate.self, Test.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One row per rule: id, category, matcher, confidence, enabled, file.")
        @OptionGroup var rulesOption: RulesOption
        @Option(name: .long, help: "Output format: table, csv or jsonl.")
        var format: OutputFormat = .table

        func run() throws {
            let ruleSet = try rulesOption.ruleSet()
            let table = ReportTable(columns: ["id", "category", "matcher", "confidence", "enabled", "file", "description"],
                                    rows: ruleSet.rules.map { rule in
                [.text(rule.id), .text(rule.category.rawValue), .text(rule.matcher.summary),
                 rule.confidence.map { .number($0) } ?? .text("matcher"), .text(rule.enabled ? "yes" : "no"),
                 .text(String(rule.file.split(separator: "/").last ?? "")), .text(rule.description)]
            })
            print(format.render(table), terminator: "")
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every rule file; print each problem with its file, rule id and field.",
            discussion: "Exit code 0 when the rules are valid, 1 otherwise."
        )
        @Argument(help: "Rule directory (default: --rules, $INVENTA_RULES, or the bundled Rules/).")
        var directory: String?
        @OptionGroup var rulesOption: RulesOption

        func run() throws {
            let detection = try rulesOption.detection(directory)
            let rules = detection.engine.ruleSet
            let files = Set(rules.rules.map(\.file)).count
            let disabled = rules.rules.count - rules.enabledRules.count
            print("OK: \(rules.rules.count) rules in \(files) files (\(disabled) disabled) in \(rules.directory)")
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every example embedded in the rules and print a table of results.",
            discussion: """
                A 'match' example passes when a finding of the rule's category covers exactly the «…» value; \
                a 'no_match' example passes when the rule reports nothing. Exit code 1 when any example fails.
                """
        )
        @Argument(help: "Rule directory (default: --rules, $INVENTA_RULES, or the bundled Rules/).")
        var directory: String?
        @OptionGroup var rulesOption: RulesOption
        @Flag(name: .long, help: "Print every example, not only the failures.")
        var verbose = false

        func run() throws {
            let runner = ExampleRunner(detection: try rulesOption.detection(directory))
            let results = runner.runAll()
            var rows: [[ReportTable.Cell]] = []
            var order: [String] = []
            var byRule: [String: [ExampleRunner.Result]] = [:]
            for result in results {
                if byRule[result.rule] == nil { order.append(result.rule) }
                byRule[result.rule, default: []].append(result)
            }
            for rule in order {
                let all = byRule[rule] ?? []
                let matches = all.filter { $0.kind == .match }
                let misses = all.filter { $0.kind == .noMatch }
                let failed = all.filter { !$0.passed }.count
                rows.append([.text(rule), .text("\(matches.filter(\.passed).count)/\(matches.count)"),
                             .text("\(misses.filter(\.passed).count)/\(misses.count)"), .text(failed == 0 ? "ok" : "FAIL")])
            }
            print(OutputFormat.table.render(ReportTable(columns: ["rule", "match", "no_match", "result"], rows: rows)), terminator: "")
            let failures = results.filter { !$0.passed }
            for result in results where verbose || !result.passed {
                print("\(result.passed ? "ok  " : "FAIL") \(result.rule) \(result.kind.rawValue): \(result.example)")
                if !result.passed { print("     \(result.detail)") }
            }
            print("\(results.count - failures.count) of \(results.count) examples passed in \(order.count) rules.")
            if !failures.isEmpty { throw ExitCode(1) }
        }
    }
}
