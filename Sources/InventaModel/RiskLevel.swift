/// A file's risk from its findings: none, low, medium or high. See `RiskPolicy`.
public enum RiskLevel: String, Sendable, Codable, Comparable, CaseIterable {
    case none, low, medium, high

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.rank < rhs.rank }
}

/// Derives a file's risk level from its findings. Documented in `docs/decisions/0003-file-risk.md`:
/// - high: a direct identifier (personnummer, samordningsnummer) together with a sensitive
///   category (GDPR Art. 9/10, protected identity), or `manyPeople` or more distinct identifiers;
/// - medium: at least one identifier or sensitive category at medium confidence or more;
/// - low: only low-confidence findings or contact data;
/// - none: no findings.
public struct RiskPolicy: Sendable, Equatable {
    public var manyPeople: Int

    public init(manyPeople: Int = 10) {
        self.manyPeople = manyPeople
    }

    public func risk(of findings: [Finding]) -> RiskLevel {
        if findings.isEmpty { return .none }
        let strong = findings.filter { $0.level >= .medium }
        let identifiers = Set(strong.filter { $0.category.isDirectIdentifier }.map(\.normalized))
        let sensitive = strong.contains { $0.category.isSensitive }
        if !identifiers.isEmpty && sensitive { return .high }
        if identifiers.count >= manyPeople { return .high }
        if !identifiers.isEmpty || sensitive { return .medium }
        let contact = strong.contains { [.name, .address, .iban, .bankAccount, .paymentCard].contains($0.category) }
        return contact ? .medium : .low
    }
}
