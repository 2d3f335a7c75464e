import InventaModel

/// A candidate value found by a matcher, before rule-level scoring (context words,
/// allowlists, thresholds). Spans are UTF-8 byte offsets into the scanned text.
public struct Candidate: Sendable, Equatable {
    public var category: Category
    public var span: Range<Int>
    /// The value as written.
    public var value: String
    /// Canonical form for the keyed hash (e.g. a personnummer as 12 digits, a phone number as +46…).
    public var normalized: String
    /// The value with its identifying part hidden, safe to store and show.
    public var masked: String
    /// Validator result: confirmed (checksum, calendar…), rejected, or unknown (no validator).
    public var validation: Evidence.Validation
    /// Checks that passed, e.g. `luhn`, `date`, `mod97`, `postcode-town`.
    public var checks: [String]
    /// The matcher's own score for this shape, before context adjustments, in [0, 1].
    public var baseScore: Double
    /// Extra tags such as `test_identity` or `role_mailbox`.
    public var tags: [String]

    public init(category: Category, span: Range<Int>, value: String, normalized: String, masked: String,
                validation: Evidence.Validation, checks: [String] = [], baseScore: Double, tags: [String] = []) {
        self.category = category
        self.span = span
        self.value = value
        self.normalized = normalized
        self.masked = masked
        self.validation = validation
        self.checks = checks
        self.baseScore = baseScore
        self.tags = tags
    }
}

/// A built-in, validator-backed matcher that rule files refer to by `name`
/// (e.g. `matcher = { builtin = "phone" }`). It finds and validates candidates;
/// the rule engine applies context words, allowlists and thresholds.
///
/// Concurrency contract: immutable after construction; `candidates` may be called
/// from many threads at once. Never uses Swift `Regex` (about 6 MB/s here): scan
/// bytes by hand or use PCRE2 with JIT.
public protocol Matcher: Sendable {
    /// The name rule files use for this matcher.
    var name: String { get }
    /// Reports every candidate in `text`. Rejected look-alikes may be reported with
    /// `validation: .rejected` when that helps explain (the engine drops them).
    func candidates(in text: UnsafeBufferPointer<UInt8>, visit: (Candidate) -> Void)
    /// The same, given the unit's digit runs (found once by the engine for all number
    /// matchers). Matchers that do not start from digit runs keep the default.
    func candidates(in text: UnsafeBufferPointer<UInt8>, runs: DigitRunIndex, visit: (Candidate) -> Void)
}

extension Matcher {
    public func candidates(in text: UnsafeBufferPointer<UInt8>, runs: DigitRunIndex, visit: (Candidate) -> Void) {
        candidates(in: text, visit: visit)
    }
}
