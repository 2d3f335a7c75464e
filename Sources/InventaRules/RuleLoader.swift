import Foundation
import InventaModel
import TOMLKit

/// Reads every `*.toml` file directly in a rule directory (sorted by name; sub-folders
/// such as `datasets/` are data, not rules) and validates each rule completely:
/// required keys, unknown keys (typos), id syntax and uniqueness, category, matcher
/// (exactly one kind; builtin names known; regexes compile with PCRE2; capture group
/// exists), confidence and boosts in [0, 1], windows ≥ 0, allowlist patterns, and the
/// examples (at least one `match` with exactly one `«…»`, at least one `no_match`).
///
/// It does not run the examples (that needs the engine: `inventa rules test`).
/// All errors are collected, so one run lists every problem.
public struct RuleLoader: Sendable {
    /// Builtin matcher names that exist (from the detection engine's registry).
    public var builtins: Set<String>

    public init(builtins: Set<String>) {
        self.builtins = builtins
    }

    public func load(directory: String) throws(RuleSetError) -> RuleSet {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".toml") }.sorted()
        } catch {
            throw RuleSetError(errors: [RuleError(file: directory, message: "cannot read the rule directory; check the path given with --rules or $INVENTA_RULES")])
        }
        guard !names.isEmpty else {
            throw RuleSetError(errors: [RuleError(file: directory, message: "no *.toml rule files in this directory")])
        }
        var rules: [Rule] = []
        var errors: [RuleError] = []
        for name in names {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                errors.append(RuleError(file: path, message: "cannot read the file as UTF-8 text"))
                continue
            }
            let parsed = parse(text, file: path, directory: directory)
            rules += parsed.rules
            errors += parsed.errors
        }
        var seen: [String: String] = [:]
        for rule in rules {
            if let first = seen[rule.id] {
                errors.append(RuleError(file: rule.file, rule: rule.id, field: "id", message: "duplicate id (also defined in \(first))"))
            } else {
                seen[rule.id] = rule.file
            }
        }
        guard errors.isEmpty else { throw RuleSetError(errors: errors) }
        return RuleSet(directory: directory, rules: rules)
    }

    /// Parses and validates one file's text. `directory` resolves `phrases_file`.
    public func parse(_ text: String, file: String, directory: String) -> (rules: [Rule], errors: [RuleError]) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return ([], [RuleError(file: file, message: "TOML syntax error at line \(error.source.begin.line), column \(error.source.begin.column): \(error.description)")])
        } catch {
            return ([], [RuleError(file: file, message: "TOML syntax error: \(error)")])
        }
        var errors: [RuleError] = []
        for key in table.keys where key != "rule" {
            errors.append(RuleError(file: file, field: key, message: "unknown top-level key (rules are written as [[rule]] tables)"))
        }
        guard let array = table["rule"]?.array else {
            errors.append(RuleError(file: file, message: "no [[rule]] tables in the file"))
            return ([], errors)
        }
        var rules: [Rule] = []
        for index in 0..<array.count {
            guard let ruleTable = array[index].table else {
                errors.append(RuleError(file: file, rule: "#\(index + 1)", message: "'rule' must be an array of tables ([[rule]])"))
                continue
            }
            var reader = RuleReader(table: ruleTable, file: file, position: index + 1, directory: directory, builtins: builtins)
            if let rule = reader.read() { rules.append(rule) }
            errors += reader.errors
        }
        return (rules, errors)
    }
}

/// Reads one `[[rule]]` table, collecting errors; `read()` returns nil when any was found.
struct RuleReader {
    let table: TOMLTable
    let file: String
    let position: Int
    let directory: String
    let builtins: Set<String>
    var errors: [RuleError] = []
    /// The rule's id once known, else `#position`, for error messages.
    var label: String

    static let ruleKeys: Set<String> = ["id", "category", "description", "enabled", "confidence", "matcher", "keywords",
                                        "context", "allowlist", "examples"]
    static let matcherKeys: Set<String> = ["builtin", "regex", "group", "phrases", "phrases_file"]
    static let contextKeys: Set<String> = ["before", "after", "positive", "positive_boost", "negative", "negative_penalty",
                                           "reference", "reference_penalty", "sole_trader", "sole_trader_score", "organisation"]
    static let allowlistKeys: Set<String> = ["values", "patterns"]
    static let exampleKeys: Set<String> = ["match", "no_match"]

    init(table: TOMLTable, file: String, position: Int, directory: String, builtins: Set<String>) {
        self.table = table
        self.file = file
        self.position = position
        self.directory = directory
        self.builtins = builtins
        self.label = "#\(position)"
    }

    mutating func fail(_ field: String?, _ message: String) {
        errors.append(RuleError(file: file, rule: label, field: field, message: message))
    }

    mutating func read() -> Rule? {
        let id = readID()
        checkKeys(table, allowed: Self.ruleKeys, prefix: "")
        let category = readCategory()
        let description = string("description", in: table, path: "description")
        if description == nil { fail("description", "missing (one sentence saying what the rule finds)") }
        let enabled = bool("enabled", in: table, path: "enabled") ?? true
        let confidence = unitInterval("confidence", in: table, path: "confidence")
        let matcher = readMatcher()
        let keywords = (stringArray("keywords", in: table, path: "keywords") ?? []).map(lowered)
        if keywords.contains(where: \.isEmpty) { fail("keywords", "empty keyword") }
        let context = readContext()
        let allowlist = readAllowlist()
        let examples = readExamples()
        guard errors.isEmpty, let id, let category, let description, let matcher else { return nil }
        return Rule(id: id, category: category, description: description, enabled: enabled, confidence: confidence,
                    matcher: matcher, keywords: keywords, context: context, allowlist: allowlist, examples: examples, file: file)
    }

    private mutating func readID() -> String? {
        guard table.contains(key: "id") else {
            fail("id", "missing (every rule needs a unique id such as 'se.phone')")
            return nil
        }
        guard let id = string("id", in: table, path: "id") else { return nil }
        let allowed = id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
        guard !id.isEmpty, allowed else {
            fail("id", "'\(id)' is not a valid id (use lower-case letters, digits, '.', '_' and '-')")
            return nil
        }
        label = id
        return id
    }

    private mutating func readCategory() -> Category? {
        guard table.contains(key: "category") else {
            fail("category", "missing (one of \(Self.categoryList))")
            return nil
        }
        guard let raw = string("category", in: table, path: "category") else { return nil }
        guard let category = Category(rawValue: raw) else {
            fail("category", "unknown category '\(raw)' (expected one of \(Self.categoryList))")
            return nil
        }
        return category
    }

    static var categoryList: String { Category.allCases.map(\.rawValue).joined(separator: ", ") }

    private mutating func readMatcher() -> MatcherSpec? {
        guard let value = table["matcher"] else {
            fail("matcher", "missing (one of { builtin = \"NAME\" }, { regex = '…' }, { phrases = […] }, { phrases_file = \"…\" })")
            return nil
        }
        guard let matcher = value.table else {
            fail("matcher", "must be a table such as { builtin = \"phone\" }, not a \(value.type)")
            return nil
        }
        checkKeys(matcher, allowed: Self.matcherKeys, prefix: "matcher.")
        let kinds = ["builtin", "regex", "phrases", "phrases_file"].filter { matcher.contains(key: $0) }
        guard kinds.count == 1 else {
            fail("matcher", kinds.isEmpty ? "needs one of builtin, regex, phrases, phrases_file"
                                          : "has \(kinds.joined(separator: " and ")); give exactly one")
            return nil
        }
        if matcher.contains(key: "group") && kinds[0] != "regex" {
            fail("matcher.group", "only a regex matcher has a capture group")
        }
        switch kinds[0] {
        case "builtin":
            guard let name = string("builtin", in: matcher, path: "matcher.builtin") else { return nil }
            guard builtins.contains(name) else {
                fail("matcher.builtin", "unknown builtin matcher '\(name)' (expected one of \(builtins.sorted().joined(separator: ", ")))")
                return nil
            }
            return .builtin(name)
        case "regex":
            guard let pattern = string("regex", in: matcher, path: "matcher.regex") else { return nil }
            let group = int("group", in: matcher, path: "matcher.group") ?? 0
            switch PatternCheck.check(pattern) {
            case .failure(let error):
                fail("matcher.regex", "invalid PCRE2 pattern: \(error)")
                return nil
            case .success(let captures):
                guard group >= 0 && group <= captures else {
                    fail("matcher.group", "group \(group) does not exist (the pattern has \(captures) capture group\(captures == 1 ? "" : "s"))")
                    return nil
                }
            }
            return .regex(pattern: pattern, group: group)
        case "phrases":
            guard let phrases = stringArray("phrases", in: matcher, path: "matcher.phrases") else { return nil }
            return checkedPhrases(phrases, field: "matcher.phrases", source: nil)
        default:
            guard let relative = string("phrases_file", in: matcher, path: "matcher.phrases_file") else { return nil }
            let path = relative.hasPrefix("/") ? relative : (directory.hasSuffix("/") ? directory : directory + "/") + relative
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                fail("matcher.phrases_file", "cannot read '\(relative)' (paths are relative to the rule directory)")
                return nil
            }
            return checkedPhrases(PhraseFile.parse(text), field: "matcher.phrases_file", source: relative)
        }
    }

    private mutating func checkedPhrases(_ phrases: [String], field: String, source: String?) -> MatcherSpec? {
        guard !phrases.isEmpty else {
            fail(field, "no phrases")
            return nil
        }
        var normalized: [String] = []
        for phrase in phrases {
            let clean = PhraseFile.normalize(phrase)
            guard !clean.isEmpty, clean != "*" else {
                fail(field, "empty phrase")
                continue
            }
            guard !clean.dropLast().contains("*") else {
                fail(field, "'\(phrase)': '*' is only allowed at the end of a phrase")
                continue
            }
            normalized.append(clean)
        }
        return .phrases(normalized, source: source)
    }

    private mutating func readContext() -> ContextSpec {
        var spec = ContextSpec()
        guard let value = table["context"] else { return spec }
        guard let context = value.table else {
            fail("context", "must be a table ([rule.context])")
            return spec
        }
        checkKeys(context, allowed: Self.contextKeys, prefix: "context.")
        spec.before = window("before", in: context) ?? spec.before
        spec.after = window("after", in: context) ?? spec.after
        spec.positive = (stringArray("positive", in: context, path: "context.positive") ?? []).map(lowered)
        spec.negative = (stringArray("negative", in: context, path: "context.negative") ?? []).map(lowered)
        spec.positiveBoost = unitInterval("positive_boost", in: context, path: "context.positive_boost") ?? spec.positiveBoost
        spec.negativePenalty = unitInterval("negative_penalty", in: context, path: "context.negative_penalty") ?? spec.negativePenalty
        spec.reference = (stringArray("reference", in: context, path: "context.reference") ?? []).map(lowered)
        spec.referencePenalty = unitInterval("reference_penalty", in: context, path: "context.reference_penalty") ?? spec.referencePenalty
        spec.soleTrader = (stringArray("sole_trader", in: context, path: "context.sole_trader") ?? []).map(lowered)
        spec.soleTraderScore = unitInterval("sole_trader_score", in: context, path: "context.sole_trader_score") ?? spec.soleTraderScore
        spec.organisation = (stringArray("organisation", in: context, path: "context.organisation") ?? []).map(lowered)
        return spec
    }

    private mutating func window(_ key: String, in context: TOMLTable) -> Int? {
        guard let value = int(key, in: context, path: "context." + key) else { return nil }
        guard value >= 0 && value <= 1000 else {
            fail("context." + key, "\(value) is outside 0…1000 bytes")
            return nil
        }
        return value
    }

    private mutating func readAllowlist() -> Allowlist {
        var allowlist = Allowlist()
        guard let value = table["allowlist"] else { return allowlist }
        guard let table = value.table else {
            fail("allowlist", "must be a table ([rule.allowlist])")
            return allowlist
        }
        checkKeys(table, allowed: Self.allowlistKeys, prefix: "allowlist.")
        allowlist.values = stringArray("values", in: table, path: "allowlist.values") ?? []
        allowlist.patterns = stringArray("patterns", in: table, path: "allowlist.patterns") ?? []
        for (index, pattern) in allowlist.patterns.enumerated() {
            if case .failure(let error) = PatternCheck.check(pattern) {
                fail("allowlist.patterns[\(index)]", "invalid PCRE2 pattern: \(error)")
            }
        }
        return allowlist
    }

    private mutating func readExamples() -> Examples {
        var examples = Examples()
        guard let value = table["examples"] else {
            fail("examples", "missing (add [rule.examples] with at least one 'match' and one 'no_match' example)")
            return examples
        }
        guard let table = value.table else {
            fail("examples", "must be a table ([rule.examples])")
            return examples
        }
        checkKeys(table, allowed: Self.exampleKeys, prefix: "examples.")
        examples.match = stringArray("match", in: table, path: "examples.match") ?? []
        examples.noMatch = stringArray("no_match", in: table, path: "examples.no_match") ?? []
        if examples.match.isEmpty { fail("examples.match", "missing (at least one text that must match, value marked «…»)") }
        if examples.noMatch.isEmpty { fail("examples.no_match", "missing (at least one text that must not match)") }
        for (index, example) in examples.match.enumerated() {
            do throws(MarkedExample.Problem) {
                _ = try MarkedExample.parse(example)
            } catch {
                fail("examples.match[\(index)]", "\(error): \"\(example)\"")
            }
        }
        for (index, example) in examples.noMatch.enumerated() where example.contains("«") || example.contains("»") {
            fail("examples.no_match[\(index)]", "a no_match example marks no value; remove « and »: \"\(example)\"")
        }
        return examples
    }

    // MARK: Typed access with precise errors

    private mutating func checkKeys(_ table: TOMLTable, allowed: Set<String>, prefix: String) {
        for key in table.keys where !allowed.contains(key) {
            fail(prefix + key, "unknown key (expected one of \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    private mutating func string(_ key: String, in table: TOMLTable, path: String) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else {
            fail(path, "must be a string, not a \(value.type)")
            return nil
        }
        return text
    }

    private mutating func bool(_ key: String, in table: TOMLTable, path: String) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let flag = value.bool else {
            fail(path, "must be true or false, not a \(value.type)")
            return nil
        }
        return flag
    }

    private mutating func int(_ key: String, in table: TOMLTable, path: String) -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int else {
            fail(path, "must be an integer, not a \(value.type)")
            return nil
        }
        return number
    }

    private mutating func unitInterval(_ key: String, in table: TOMLTable, path: String) -> Double? {
        guard let value = table[key] else { return nil }
        guard let number = value.double ?? value.int.map(Double.init) else {
            fail(path, "must be a number in [0, 1], not a \(value.type)")
            return nil
        }
        guard number >= 0 && number <= 1 else {
            fail(path, "\(number) is outside [0, 1]")
            return nil
        }
        return number
    }

    private mutating func stringArray(_ key: String, in table: TOMLTable, path: String) -> [String]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else {
            fail(path, "must be an array of strings, not a \(value.type)")
            return nil
        }
        var out: [String] = []
        for index in 0..<array.count {
            guard let text = array[index].string else {
                fail("\(path)[\(index)]", "must be a string, not a \(array[index].type)")
                continue
            }
            out.append(text)
        }
        return out
    }

    private func lowered(_ text: String) -> String { text.lowercased() }
}
