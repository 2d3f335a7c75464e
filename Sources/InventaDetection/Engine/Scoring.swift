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
struct ScoreCard: Sendable, Equatable {
    private(set) var confidence: Double
    private(set) var steps: [String]

    static let floor = 0.01
    static let ceiling = 0.99

    init(base: Double, source: String? = nil) {
        confidence = base
        steps = [String(format2: "base", base) + (source.map { " (\($0))" } ?? "")]
    }

    mutating func validation(_ validation: Evidence.Validation, checks: [String]) {
        let shown = validation == .confirmed && !checks.isEmpty ? " (\(checks.joined(separator: ", ")))" : ""
        steps.append("validation \(validation.rawValue)" + shown)
    }

    /// Adds `delta` (signed) with a label and reason, e.g. `context +0.15 (tel, telefon)`.
    mutating func adjust(_ label: String, by delta: Double, because reason: String) {
        adjust(by: delta, step: Self.step(label, by: delta, because: reason))
    }

    /// The same with the step text built once by the caller (for a step shared by many findings).
    mutating func adjust(by delta: Double, step: String) {
        confidence += delta
        steps.append(step)
    }

    static func step(_ label: String, by delta: Double, because reason: String) -> String {
        String(signed: label, delta) + " (\(reason))"
    }

    /// Clamps, records the final score and the level.
    func finished(thresholds: LevelThresholds) -> (confidence: Double, level: Level, steps: [String]) {
        let final = min(Self.ceiling, max(Self.floor, confidence))
        let level = thresholds.level(for: final)
        return (final, level, steps + [String(format2: "final", final), "level \(level.rawValue)"])
    }

    /// The score so far, clamped; used by unit-level steps that look at other findings.
    var provisional: Double { min(Self.ceiling, max(Self.floor, confidence)) }
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
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
