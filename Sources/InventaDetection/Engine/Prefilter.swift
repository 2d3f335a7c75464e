/// Decides which rules run on a text unit: a rule with keywords runs only if one of
/// them occurs anywhere in the unit's case-folded bytes; a rule without keywords
/// always runs. Built once per rule set; immutable and thread-safe.
///
/// Keywords are a cheap superset test, not context: they need no word boundaries.
///
/// Each rule's keywords form one Aho–Corasick automaton, and the engine asks lazily
/// (`ActiveRules`): a rule's pass runs only when that rule has a candidate to score,
/// looks first in the stretch just before and after that candidate (where a label such as
/// `Bankgiro:` usually is) and then in the whole unit, stopping at the first keyword. Most
/// text units need no pass at all.
struct Prefilter: Sendable {
    /// Per rule: its keywords' automaton, nil when it has none (always active).
    private let automata: [ByteAutomaton?]
    /// Per rule: true when it has no keywords (always active).
    let alwaysActive: [Bool]

    init(keywords: [[String]]) {
        self.automata = keywords.map { words in
            words.isEmpty ? nil : ByteAutomaton(patterns: words.map(TextFolding.folded))
        }
        self.alwaysActive = keywords.map(\.isEmpty)
    }

    /// Bytes before and after a candidate looked at first.
    static let nearBefore = 256
    static let nearAfter = 64

    /// True when `rule` should run on `text`. With `near`, the stretch around that span is
    /// searched first: a keyword there is a keyword in the unit, the answer is the same.
    func isActive(_ rule: Int, in text: UnsafeBufferPointer<UInt8>, near span: Range<Int>? = nil) -> Bool {
        guard let automaton = automata[rule] else { return true }
        if let span {
            let stretch = max(0, span.lowerBound - Self.nearBefore)..<min(text.count, span.upperBound + Self.nearAfter)
            if automaton.containsAny(UnsafeBufferPointer(rebasing: text[stretch])) { return true }
            if stretch == 0..<text.count { return false }
            if !automaton.collapseWhitespace {
                // No keyword lies wholly inside the stretch, so one in the unit overlaps the rest:
                // search only the rest, reaching into the stretch by the longest keyword less one
                // byte for a keyword across its edge (not the stretch again: in small units it is
                // most of the unit).
                let reach = max(0, automaton.longestPattern - 1)
                if stretch.lowerBound > 0,
                   automaton.containsAny(UnsafeBufferPointer(rebasing: text[0..<min(text.count, stretch.lowerBound + reach)])) {
                    return true
                }
                return stretch.upperBound < text.count
                    && automaton.containsAny(UnsafeBufferPointer(rebasing: text[max(0, stretch.upperBound - reach)..<text.count]))
            }
        }
        return automaton.containsAny(text)
    }
}

/// Which rules run on one text unit, worked out on first need and remembered: a rule
/// without keywords always runs; a rule with keywords gets its keyword pass the first
/// time it is asked about. Where it looks first changes the cost, never the answer.
///
/// The answers are two bit masks for the first 64 rules (an array per text unit cost
/// more than the passes for a spreadsheet's single-cell units); further rules use an array.
struct ActiveRules {
    private let prefilter: Prefilter
    private let text: UnsafeBufferPointer<UInt8>
    /// Bit `rule`: the rule was asked about / its answer (rules 0–63).
    private var asked: UInt64 = 0
    private var answers: UInt64 = 0
    /// Rules from 64 on: nil until asked (empty until needed).
    private var more: [Bool?] = []

    init(_ prefilter: Prefilter, text: UnsafeBufferPointer<UInt8>) {
        self.prefilter = prefilter
        self.text = text
    }

    /// Whether `rule` runs; `near` is the candidate that asks (its surroundings are searched first).
    mutating func contains(_ rule: Int, near span: Range<Int>? = nil) -> Bool {
        if prefilter.alwaysActive[rule] { return true }
        if let answer = known(rule) { return answer }
        let answer = prefilter.isActive(rule, in: text, near: span)
        remember(rule, answer)
        return answer
    }

    /// True when `rule` is known not to run (its keywords were looked for and are absent).
    func isKnownInactive(_ rule: Int) -> Bool {
        known(rule) == false
    }

    /// True when every rule of `rules` is known not to run (a loop, not `allSatisfy` with a
    /// method reference, which copies this value for every slot of every unit).
    func areKnownInactive(_ rules: [Int]) -> Bool {
        for rule in rules where !isKnownInactive(rule) { return false }
        return true
    }

    /// The answer for every rule (runs the passes not run yet).
    mutating func all() -> [Bool] {
        prefilter.alwaysActive.indices.map { contains($0) }
    }

    private func known(_ rule: Int) -> Bool? {
        if rule < 64 {
            let bit: UInt64 = 1 << UInt64(rule)
            return asked & bit == 0 ? nil : answers & bit != 0
        }
        return rule - 64 < more.count ? more[rule - 64] : nil
    }

    private mutating func remember(_ rule: Int, _ answer: Bool) {
        if rule < 64 {
            let bit: UInt64 = 1 << UInt64(rule)
            asked |= bit
            if answer { answers |= bit }
            return
        }
        if more.isEmpty { more = [Bool?](repeating: nil, count: max(0, prefilter.alwaysActive.count - 64)) }
        more[rule - 64] = answer
    }
}
