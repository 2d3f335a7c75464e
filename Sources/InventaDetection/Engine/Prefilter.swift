/// Decides which rules run on a text unit: one Aho–Corasick pass over the unit's
/// case-folded bytes finds every rule keyword at once. A rule with keywords runs
/// only if one of them occurs anywhere in the unit; a rule without keywords always
/// runs. Built once per rule set; immutable and thread-safe.
///
/// Keywords are a cheap superset test, not context: they need no word boundaries.
///
/// The engine asks lazily (`ActiveRules`): the keyword pass over the unit runs only
/// when a rule with keywords has a candidate to score, which in most text units none has.
struct Prefilter: Sendable {
    private let automaton: ByteAutomaton?
    /// Keyword index → rule indexes that list it.
    private let owners: [[Int]]
    /// Per rule: true when it has no keywords (always active).
    let alwaysActive: [Bool]

    init(keywords: [[String]]) {
        var patterns: [[UInt8]] = []
        var owners: [[Int]] = []
        var index: [String: Int] = [:]
        for (rule, words) in keywords.enumerated() {
            for word in words {
                if let existing = index[word] {
                    owners[existing].append(rule)
                } else {
                    index[word] = patterns.count
                    patterns.append(TextFolding.folded(word))
                    owners.append([rule])
                }
            }
        }
        self.automaton = patterns.isEmpty ? nil : ByteAutomaton(patterns: patterns)
        self.owners = owners
        self.alwaysActive = keywords.map(\.isEmpty)
    }

    /// Per rule index: true when the rule should run on `text`.
    func activeRules(in text: UnsafeBufferPointer<UInt8>) -> [Bool] {
        var active = alwaysActive
        guard let automaton else { return active }
        var pending = active.filter { !$0 }.count
        var seen = [Bool](repeating: false, count: owners.count)
        automaton.scan(text) { keyword, _ in
            guard pending > 0, !seen[keyword] else { return }
            seen[keyword] = true
            for rule in owners[keyword] where !active[rule] {
                active[rule] = true
                pending -= 1
            }
        }
        return active
    }
}

/// Which rules run on one text unit, worked out on first need: a rule without keywords
/// always runs; the keyword pass over the unit runs once, the first time a rule with
/// keywords is asked about. The answers are those of `Prefilter.activeRules(in:)`.
struct ActiveRules {
    private let prefilter: Prefilter
    private let text: UnsafeBufferPointer<UInt8>
    /// The keyword pass's answer, once it has run.
    private(set) var scanned: [Bool]?

    init(_ prefilter: Prefilter, text: UnsafeBufferPointer<UInt8>) {
        self.prefilter = prefilter
        self.text = text
    }

    mutating func contains(_ rule: Int) -> Bool {
        if prefilter.alwaysActive[rule] { return true }
        return all()[rule]
    }

    /// True when `rule` is known not to run (keywords absent) without scanning for it.
    func isKnownInactive(_ rule: Int) -> Bool {
        guard let scanned else { return false }
        return !scanned[rule]
    }

    /// The answer for every rule (runs the keyword pass if it has not run).
    mutating func all() -> [Bool] {
        if let scanned { return scanned }
        let result = prefilter.activeRules(in: text)
        scanned = result
        return result
    }
}
