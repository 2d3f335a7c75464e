/// Decides which rules run on a text unit: one Aho–Corasick pass over the unit's
/// case-folded bytes finds every rule keyword at once. A rule with keywords runs
/// only if one of them occurs anywhere in the unit; a rule without keywords always
/// runs. Built once per rule set; immutable and thread-safe.
///
/// Keywords are a cheap superset test, not context: they need no word boundaries.
struct Prefilter: Sendable {
    private let automaton: ByteAutomaton?
    /// Keyword index → rule indexes that list it.
    private let owners: [[Int]]
    /// Per rule: true when it has no keywords (always active).
    private let alwaysActive: [Bool]

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
