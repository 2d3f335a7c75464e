/// One problem in a rule file, precise enough to fix without guessing:
/// `Rules/phone.toml: rule 'se.phone': field 'category': unknown category 'fone' (expected one of …)`.
public struct RuleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// The rule's id, or `#N` (1-based position in the file) when the id itself is missing or invalid.
    public var rule: String?
    /// The key path, e.g. `category`, `matcher.regex`, `examples.match[2]`.
    public var field: String?
    public var message: String

    public init(file: String, rule: String? = nil, field: String? = nil, message: String) {
        self.file = file
        self.rule = rule
        self.field = field
        self.message = message
    }

    public var description: String {
        var parts = [file]
        if let rule { parts.append(rule.hasPrefix("#") ? "rule \(rule)" : "rule '\(rule)'") }
        if let field { parts.append("field '\(field)'") }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}

/// Every problem found while loading a rule set; thrown when there is at least one.
/// Loading goes on after an error so one run shows them all.
public struct RuleSetError: Error, Sendable, CustomStringConvertible {
    public var errors: [RuleError]

    public init(errors: [RuleError]) {
        self.errors = errors
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
