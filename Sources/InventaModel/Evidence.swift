/// Why a finding was made: the checks that passed and the context words that
/// moved its confidence, in the order they were applied. Shown by `explain` and
/// stored with every finding, so a DPO can see the reason for each one.
public struct Evidence: Sendable, Equatable, Codable {
    /// Validator result: confirmed (e.g. Luhn and date passed), rejected, or unknown (no validator).
    public enum Validation: String, Sendable, Codable { case confirmed, rejected, unknown }

    public var validation: Validation
    /// Checks that passed, e.g. `luhn`, `date`, `century:+`.
    public var checks: [String]
    /// Score steps as text, e.g. `base 0.70`, `context +0.15 (personnummer)`.
    public var steps: [String]
    /// Context words seen near the value, positive ones prefixed `+`, negative `-`.
    public var context: [String]
    /// Extra tags such as `test_identity`.
    public var tags: [String]

    public init(validation: Validation = .unknown, checks: [String] = [], steps: [String] = [],
                context: [String] = [], tags: [String] = []) {
        self.validation = validation
        self.checks = checks
        self.steps = steps
        self.context = context
        self.tags = tags
    }
}
