import InventaModel

/// One validated rule from a rule file: what to look for (`matcher`), how sure a
/// match is (`confidence`), which words nearby move that (`context`), which values
/// are never reported (`allowlist`) and the examples that prove it works.
///
/// A `Rule` is plain data: it is checked when loaded (`RuleLoader`) and compiled
/// into something that runs by the detection engine. See `Rules/README.md` for the
/// file format, key by key.
public struct Rule: Sendable, Equatable {
    public var id: String
    public var category: Category
    public var description: String
    public var enabled: Bool
    /// Base confidence; for a builtin matcher it overrides the candidate's own score when set.
    public var confidence: Double?
    public var matcher: MatcherSpec
    /// Prefilter literals (lower-cased); the rule runs on a text unit only if one occurs. Empty: always runs.
    public var keywords: [String]
    public var context: ContextSpec
    public var allowlist: Allowlist
    public var examples: Examples
    /// The file the rule came from, as given to the loader (e.g. `Rules/phone.toml`).
    public var file: String

    public init(id: String, category: Category, description: String, enabled: Bool = true, confidence: Double? = nil,
                matcher: MatcherSpec, keywords: [String] = [], context: ContextSpec = ContextSpec(),
                allowlist: Allowlist = Allowlist(), examples: Examples = Examples(), file: String = "") {
        self.id = id
        self.category = category
        self.description = description
        self.enabled = enabled
        self.confidence = confidence
        self.matcher = matcher
        self.keywords = keywords
        self.context = context
        self.allowlist = allowlist
        self.examples = examples
        self.file = file
    }
}

/// How a rule finds candidates: exactly one of a builtin validator-backed matcher,
/// a PCRE2 pattern, or a list of phrases (inline or from a file).
public enum MatcherSpec: Sendable, Equatable {
    /// A built-in matcher by name, e.g. `personnummer`, `phone`.
    case builtin(String)
    /// A PCRE2 pattern (UTF mode); the value is capture `group` (0 = the whole match).
    case regex(pattern: String, group: Int)
    /// Phrases matched case-insensitively on word boundaries; a trailing `*` accepts any
    /// word ending (`diagnos*` matches `diagnosen`). `source` is the phrases file, if any.
    case phrases([String], source: String?)

    /// The matcher kind as written in the file: `builtin`, `regex` or `phrases`.
    public var kind: String {
        switch self {
        case .builtin: return "builtin"
        case .regex: return "regex"
        case .phrases: return "phrases"
        }
    }

    /// A short human-readable form for listings, e.g. `builtin:phone`, `phrases:124`.
    public var summary: String {
        switch self {
        case .builtin(let name): return "builtin:\(name)"
        case .regex(_, let group): return group == 0 ? "regex" : "regex(group \(group))"
        case .phrases(let phrases, let source): return source.map { "phrases:\($0)" } ?? "phrases:\(phrases.count)"
        }
    }
}

/// Context words near a match and how much they move its confidence.
public struct ContextSpec: Sendable, Equatable {
    /// Window in UTF-8 bytes before and after the match.
    public var before: Int
    public var after: Int
    public var positive: [String]
    public var positiveBoost: Double
    public var negative: [String]
    public var negativePenalty: Double
    /// Labels of reference numbers (`kundnr`, `ärendenummer`, `ocr`): as the value's label they
    /// subtract `referencePenalty`; further away they count as negative words.
    public var reference: [String]
    public var referencePenalty: Double
    /// Labels where an organisation number is expected (`org.nr`): as the value's label, a valid
    /// personnummer there is an enskild firma's, its owner's: scored `soleTraderScore` and tagged
    /// `sole_trader`. Further away they count as negative words.
    public var soleTrader: [String]
    public var soleTraderScore: Double
    /// Words that make the value an organisation's (`växel`, `kontaktcenter`, `kundtjänst`): at
    /// the value they beat every other label, a phone label included, and subtract
    /// `negativePenalty`; further away they count as negative words.
    public var organisation: [String]

    public static let defaultBefore = 40
    public static let defaultAfter = 20
    public static let defaultBoost = 0.15
    public static let defaultPenalty = 0.35
    public static let defaultReferencePenalty = 0.65
    public static let defaultSoleTraderScore = 0.65

    public init(before: Int = ContextSpec.defaultBefore, after: Int = ContextSpec.defaultAfter,
                positive: [String] = [], positiveBoost: Double = ContextSpec.defaultBoost,
                negative: [String] = [], negativePenalty: Double = ContextSpec.defaultPenalty,
                reference: [String] = [], referencePenalty: Double = ContextSpec.defaultReferencePenalty,
                soleTrader: [String] = [], soleTraderScore: Double = ContextSpec.defaultSoleTraderScore,
                organisation: [String] = []) {
        self.before = before
        self.after = after
        self.positive = positive
        self.positiveBoost = positiveBoost
        self.negative = negative
        self.negativePenalty = negativePenalty
        self.reference = reference
        self.referencePenalty = referencePenalty
        self.soleTrader = soleTrader
        self.soleTraderScore = soleTraderScore
        self.organisation = organisation
    }
}

/// Values that are never reported for a rule: exact normalised values, or PCRE2
/// patterns matched against the normalised value.
public struct Allowlist: Sendable, Equatable {
    public var values: [String]
    public var patterns: [String]

    public init(values: [String] = [], patterns: [String] = []) {
        self.values = values
        self.patterns = patterns
    }

    public var isEmpty: Bool { values.isEmpty && patterns.isEmpty }
}

/// The examples embedded in a rule: texts that must yield the rule's finding (the
/// expected value marked with `«…»`) and texts that must not.
public struct Examples: Sendable, Equatable {
    public var match: [String]
    public var noMatch: [String]

    public init(match: [String] = [], noMatch: [String] = []) {
        self.match = match
        self.noMatch = noMatch
    }
}
