import InventaModel
import InventaRules

/// A rule ready to run: its context words as matchers, its allowlist as a set and
/// compiled patterns, its regex compiled with JIT. Phrase lists are compiled into the
/// engine's shared `PhraseMatcher`, builtins are shared `Matcher` instances.
///
/// A class, so that looking a rule up for every candidate costs one reference count,
/// not one per field.
final class CompiledRule: Sendable {
    let rule: Rule
    let regex: RegexMatcher?
    /// Positive words first, then negative ones, reference labels, sole-trader labels and
    /// organisation words: all use
    /// the same windows, so one scan finds them all.
    let context: ContextMatcher
    /// The keyword index ranges of each list in `context.keywords`.
    let positiveWords: Range<Int>
    let negativeWords: Range<Int>
    let referenceWords: Range<Int>
    let soleTraderWords: Range<Int>
    let organisationWords: Range<Int>
    /// Per context word: the step when it is the value's label, e.g. `context +0.15 (label pnr)`.
    let labelSteps: [String]
    /// Per context word, as the evidence shows it: `+tel`, `-fax`, `-ref:kundnr`, `~org:org.nr`,
    /// `-own:växel`.
    let contextEvidence: [String]
    let allowedValues: Set<String>
    let allowedPatterns: [RegexMatcher]
    /// True for rules on the `organisationsnummer` builtin: used to suppress, never reported.
    let isSuppressor: Bool

    init(rule: Rule) throws(EngineError) {
        self.rule = rule
        do throws(PatternError) {
            if case .regex(let pattern, _) = rule.matcher {
                regex = try RegexMatcher(pattern: pattern)
            } else {
                regex = nil
            }
            allowedPatterns = try rule.allowlist.patterns.map { pattern throws(PatternError) in try RegexMatcher(pattern: pattern) }
        } catch {
            throw EngineError(message: "\(rule.file): rule '\(rule.id)': \(error)")
        }
        let context = rule.context
        self.context = ContextMatcher(words: context.positive + context.negative + context.reference + context.soleTrader
                                          + context.organisation,
                                      before: context.before, after: context.after)
        positiveWords = 0..<context.positive.count
        negativeWords = positiveWords.upperBound..<(positiveWords.upperBound + context.negative.count)
        referenceWords = negativeWords.upperBound..<(negativeWords.upperBound + context.reference.count)
        soleTraderWords = referenceWords.upperBound..<(referenceWords.upperBound + context.soleTrader.count)
        organisationWords = soleTraderWords.upperBound..<(soleTraderWords.upperBound + context.organisation.count)
        var steps: [String] = []
        for word in context.positive { steps.append(StepText.adjustment("context", by: context.positiveBoost, because: ["label " + word])) }
        for word in context.negative { steps.append(StepText.adjustment("context", by: -context.negativePenalty, because: ["label " + word])) }
        for word in context.reference {
            steps.append(StepText.adjustment("reference", by: -context.referencePenalty, because: ["label " + word]))
        }
        for word in context.soleTrader { steps.append("label \(word): an enskild firma's organisation number is its owner's personnummer") }
        for word in context.organisation {
            steps.append(StepText.adjustment("context", by: -context.negativePenalty, because: ["label \(word): an organisation's number"]))
        }
        labelSteps = steps
        var evidence: [String] = []
        evidence += context.positive.map { "+" + $0 }
        evidence += context.negative.map { "-" + $0 }
        evidence += context.reference.map { "-ref:" + $0 }
        evidence += context.soleTrader.map { "~org:" + $0 }
        evidence += context.organisation.map { "-own:" + $0 }
        contextEvidence = evidence
        allowedValues = Set(rule.allowlist.values)
        isSuppressor = rule.matcher == .builtin(BuiltinMatchers.organisationsnummer)
        hasAllowlist = !allowedValues.isEmpty || !allowedPatterns.isEmpty
    }

    /// True when the rule lists values or patterns never to report: its candidates need
    /// their value strings before scoring. Stored: it is asked for every candidate.
    let hasAllowlist: Bool

    /// True when `normalized` (or the value as written) is on the rule's allowlist.
    func isAllowed(normalized: String, value: String) -> Bool {
        if !hasAllowlist { return false }
        if allowedValues.contains(normalized) || allowedValues.contains(value) { return true }
        return allowedPatterns.contains { $0.matches(normalized) }
    }
}

/// A rule set that loaded but cannot run, e.g. a builtin whose data file is missing.
public struct EngineError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
