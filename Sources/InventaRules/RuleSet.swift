import InventaModel

/// The validated rules of one rule directory (`Rules/` by default), in file order.
/// Built by `RuleLoader`; a `RuleSet` that exists is valid.
public struct RuleSet: Sendable {
    /// The directory the rules were loaded from; builtin matchers read their data below it.
    public var directory: String
    public var rules: [Rule]

    public init(directory: String, rules: [Rule]) {
        self.directory = directory
        self.rules = rules
    }

    public var enabledRules: [Rule] { rules.filter(\.enabled) }

    public func rule(id: String) -> Rule? { rules.first { $0.id == id } }

    /// Builtin matcher names the rules refer to.
    public var builtinNames: Set<String> {
        Set(rules.compactMap { if case .builtin(let name) = $0.matcher { return name } else { return nil } })
    }

    /// Loads `directory` with `RuleLoader`; see there.
    public static func load(directory: String, builtins: Set<String>) throws(RuleSetError) -> RuleSet {
        try RuleLoader(builtins: builtins).load(directory: directory)
    }
}
