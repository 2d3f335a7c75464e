import InventaModel

/// The explicit score of one finding, built step by step and recorded in
/// `Evidence.steps` in the order applied (see `Rules/README.md`, "Scoring"):
///
///     base 0.70                                  rule `confidence` or the matcher's score
///     validation confirmed (luhn, date)          rejected candidates never get here
///     context +0.15 (tel)                        any positive word in the window
///     context -0.35 (fax)                        any negative word in the window
///     density -0.40 (…)                          unit-level steps (engine)
///     co-occurrence +0.50 (…)
///     final 0.85                                 clamped to [0.01, 0.99]
///     level high                                 from `LevelThresholds`
///
/// The card keeps numbers and words, not text: the step texts are written by
/// `finished`, once, for the candidates that are reported (many are dropped below
/// the minimum confidence, suppressed, or lose an overlap). The texts that recur in almost every finding
/// (base, validation, final, level) come from tables (`StepText`).
struct ScoreCard: Sendable, Equatable {
    private(set) var confidence: Double
    private let base: Double
    private let source: BaseSource?
    private var validation: Evidence.Validation?
    private var checks: [String] = []
    /// The first adjustment inline, the rest in an array: most candidates get one (a context
    /// word) or none, and an array per candidate was an allocation each.
    private var firstAdjustment: Adjustment?
    private var moreAdjustments: [Adjustment] = []

    private mutating func append(_ adjustment: Adjustment) {
        if firstAdjustment == nil { firstAdjustment = adjustment } else { moreAdjustments.append(adjustment) }
    }

    private var adjustmentCount: Int { (firstAdjustment == nil ? 0 : 1) + moreAdjustments.count }

    /// One adjustment after validation: `label ±delta (reason)`.
    struct Adjustment: Sendable, Equatable {
        var label: String
        var delta: Double
        var reason: Reason
    }

    enum Reason: Sendable, Equatable {
        /// Words joined with `, ` (context words).
        case words([String])
        case text(String)
        /// The whole step text, built once by the caller for many findings.
        case step(String)
    }

    /// Where the base score came from, shown as `base 0.60 (matcher)` or `base 0.70 (rule)`.
    enum BaseSource: Sendable, Equatable {
        case matcher
        case rule
    }

    static let floor = 0.01
    static let ceiling = 0.99

    init(base: Double, source: BaseSource? = nil) {
        confidence = base
        self.base = base
        self.source = source
    }

    mutating func validation(_ validation: Evidence.Validation, checks: [String]) {
        self.validation = validation
        self.checks = checks
    }

    /// Adds `delta` (signed) with a label and reason, e.g. `context +0.15 (tel, telefon)`.
    mutating func adjust(_ label: String, by delta: Double, because reason: String) {
        confidence += delta
        append(Adjustment(label: label, delta: delta, reason: .text(reason)))
    }

    /// The same with the reason given as words, joined only if the finding is reported.
    mutating func adjust(_ label: String, by delta: Double, because words: [String]) {
        confidence += delta
        append(Adjustment(label: label, delta: delta, reason: .words(words)))
    }

    /// The same with the step text built once by the caller (for a step shared by many findings).
    mutating func adjust(by delta: Double, step: String) {
        confidence += delta
        append(Adjustment(label: "", delta: delta, reason: .step(step)))
    }

    static func step(_ label: String, by delta: Double, because reason: String) -> String {
        StepText.adjustment(label, by: delta, because: [reason])
    }

    /// The steps so far as text, in the order applied.
    var steps: [String] {
        var steps: [String] = []
        steps.reserveCapacity(4 + adjustmentCount)
        steps.append(StepText.base(base, source: source))
        if let validation { steps.append(StepText.validation(validation, checks: checks)) }
        if let firstAdjustment { steps.append(Self.text(of: firstAdjustment)) }
        for adjustment in moreAdjustments { steps.append(Self.text(of: adjustment)) }
        return steps
    }

    private static func text(of adjustment: Adjustment) -> String {
        switch adjustment.reason {
        case .step(let text): return text
        case .text(let reason): return StepText.adjustment(adjustment.label, by: adjustment.delta, because: [reason])
        case .words(let words): return StepText.adjustment(adjustment.label, by: adjustment.delta, because: words)
        }
    }

    /// Clamps, records the final score and the level.
    func finished(thresholds: LevelThresholds) -> (confidence: Double, level: Level, steps: [String]) {
        let final = provisional
        let level = thresholds.level(for: final)
        var steps = self.steps
        steps.append(StepText.final(final))
        steps.append(StepText.level(level))
        return (final, level, steps)
    }

    /// The score so far, clamped; used by unit-level steps that look at other findings.
    var provisional: Double { min(Self.ceiling, max(Self.floor, confidence)) }
}

/// Step texts from tables: `base 0.60 (matcher)`, `final 0.85`, `level high`,
/// `validation confirmed`, for scores in hundredths from -2.00 to 3.00 (others are
/// formatted on the spot). Built once, on first use; immutable afterwards.
enum StepText {
    private static let lowest = -200
    private static let highest = 300
    private static let decimals: [String] = (lowest...highest).map { String.formatTwoDecimals(hundredths: $0) }
    private static let baseMatcher: [String] = decimals.map { "base \($0) (matcher)" }
    private static let baseRule: [String] = decimals.map { "base \($0) (rule)" }
    private static let basePlain: [String] = decimals.map { "base \($0)" }
    private static let finals: [String] = decimals.map { "final \($0)" }

    /// Index into the tables, or nil when `value` is outside them.
    private static func slot(_ value: Double) -> Int? {
        let hundredths = (value * 100).rounded()
        guard hundredths >= Double(lowest), hundredths <= Double(highest) else { return nil }
        return Int(hundredths) - lowest
    }

    static func twoDecimals(_ value: Double) -> String {
        slot(value).map { decimals[$0] } ?? String.formatTwoDecimals(hundredths: Int((value * 100).rounded()))
    }

    static func base(_ value: Double, source: ScoreCard.BaseSource?) -> String {
        if let slot = slot(value) {
            switch source {
            case .matcher: return baseMatcher[slot]
            case .rule: return baseRule[slot]
            case nil: return basePlain[slot]
            }
        }
        return String(format2: "base", value) + (source.map { " (\($0))" } ?? "")
    }

    static func final(_ value: Double) -> String {
        slot(value).map { finals[$0] } ?? String(format2: "final", value)
    }

    /// `label +0.15 (word, word)`, written into one buffer.
    static func adjustment(_ label: String, by delta: Double, because reasons: [String]) -> String {
        UTF8Text.listed(label, delta < 0 ? " -" : " +", twoDecimals(abs(delta)), reasons)
    }

    static func level(_ level: Level) -> String {
        switch level {
        case .low: return "level low"
        case .medium: return "level medium"
        case .high: return "level high"
        }
    }

    /// `validation confirmed (luhn, date)`: the checks are shown for confirmed values only.
    static func validation(_ validation: Evidence.Validation, checks: [String]) -> String {
        let head: String
        switch validation {
        case .confirmed: head = "validation confirmed"
        case .rejected: head = "validation rejected"
        case .unknown: head = "validation unknown"
        }
        guard validation == .confirmed && !checks.isEmpty else { return head }
        return UTF8Text.listed(head, "", "", checks)
    }
}

/// Builds a short string from parts with byte copies straight into the new string's
/// storage (one allocation): Swift's `String.append` costs far more per part than the
/// bytes it copies, and a byte array first would cost a second allocation.
enum UTF8Text {
    /// `a` `b` `c` then ` (item, item, item)`.
    static func listed(_ a: String, _ b: String, _ c: String, _ items: [String]) -> String {
        var count = a.utf8.count + b.utf8.count + c.utf8.count + 3
        for (index, item) in items.enumerated() { count += item.utf8.count + (index > 0 ? 2 : 0) }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var at = 0
            put(a, into: buffer, at: &at)
            put(b, into: buffer, at: &at)
            put(c, into: buffer, at: &at)
            buffer[at] = 0x20
            buffer[at + 1] = 0x28
            at += 2
            for (index, item) in items.enumerated() {
                if index > 0 {
                    buffer[at] = 0x2C
                    buffer[at + 1] = 0x20
                    at += 2
                }
                put(item, into: buffer, at: &at)
            }
            buffer[at] = 0x29
            return at + 1
        }
    }

    /// One block copy per part: iterating `String.UTF8View` byte by byte costs more than the
    /// rest of the string's construction.
    @inline(__always)
    private static func put(_ part: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at: inout Int) {
        let copied: Int? = part.utf8.withContiguousStorageIfAvailable { source in
            guard let from = source.baseAddress, let to = buffer.baseAddress, source.count > 0 else { return source.count }
            (to + at).update(from: from, count: source.count)
            return source.count
        }
        if let copied {
            at += copied
            return
        }
        for byte in part.utf8 {
            buffer[at] = byte
            at += 1
        }
    }
}

extension String {
    /// `label 0.85`: a score with two decimals, without Foundation's formatter.
    init(format2 label: String, _ value: Double) {
        self = "\(label) \(String.twoDecimals(value))"
    }

    /// `label +0.15` / `label -0.35`.
    init(signed label: String, _ value: Double) {
        self = "\(label) \(value < 0 ? "-" : "+")\(String.twoDecimals(abs(value)))"
    }

    static func twoDecimals(_ value: Double) -> String {
        StepText.twoDecimals(value)
    }

    static func formatTwoDecimals(hundredths: Int) -> String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
