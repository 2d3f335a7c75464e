/// A file's risk from its findings: none, low, medium or high. See `RiskPolicy`.
public enum RiskLevel: String, Sendable, Codable, Comparable, CaseIterable {
    case none, low, medium, high

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.rank < rhs.rank }
}

/// Derives a file's risk level from its findings; documented and argued in
/// `docs/decisions/0303-file-risk.md`. Only findings at `minimumLevel` or above count
/// (low findings are hints, e.g. a health term with no person in sight).
/// - high: a sensitive category (GDPR Art. 9/10, protected identity) is present and a person
///   is identified (a personnummer/samordningsnummer, or a name together with an address) or
///   named: a sensitive finding counts only with a person in reach (decision 0306), so a name
///   beside it is the person it is about (`Ahmed i klass 4B har diabetes`); or, when set, the file lists many people (`manyPeople` distinct identity
///   numbers, or `manyNames` distinct names; off by default since decision 0306);
/// - medium: an identified person, a sensitive category, or a bank account, IBAN or card
///   number, without the above;
/// - low: only contact data (phone, e-mail, address), names or giro numbers;
/// - none: no findings, or only hints (low findings).
public struct RiskPolicy: Sendable, Equatable {
    /// Distinct personnummer/samordningsnummer that make a file a list of people, high on
    /// its own (`Int.max`, off, by default: a list's risk follows from what it says about its
    /// people, decision 0306).
    public var manyPeople: Int
    /// Distinct names that make a file a list of people (off by default, as `manyPeople`).
    public var manyNames: Int
    /// Findings below this level do not count.
    public var minimumLevel: Level
    /// Categories that identify a person on their own.
    public var identifiers: Set<Category>
    /// Categories that are medium risk on their own (financial data tied to a person).
    public var financial: Set<Category>

    public init(manyPeople: Int = .max, manyNames: Int = .max, minimumLevel: Level = .medium,
                identifiers: Set<Category> = [.personnummer, .samordningsnummer],
                financial: Set<Category> = [.bankAccount, .iban, .paymentCard]) {
        self.manyPeople = manyPeople
        self.manyNames = manyNames
        self.minimumLevel = minimumLevel
        self.identifiers = identifiers
        self.financial = financial
    }

    public func risk(of findings: [Finding]) -> RiskLevel {
        if findings.isEmpty { return .none }
        let counted = findings.filter { $0.level >= minimumLevel }
        // Only hints (a health term in a policy text, a role mailbox): nothing to act on.
        if counted.isEmpty { return .none }
        let categories = Set(counted.map(\.category))
        let people = Set(counted.filter { identifiers.contains($0.category) }.map(\.normalized))
        let names = Set(counted.filter { $0.category == .name }.map(\.normalized))
        let identified = !people.isEmpty || (categories.contains(.name) && categories.contains(.address))
        let sensitive = categories.contains { $0.isSensitive }
        // A counted sensitive finding already has its subject in reach; a name is enough to
        // say whom it is about (decision 0303, update 2026-12-07 evening).
        if sensitive && (identified || categories.contains(.name)) { return .high }
        if people.count >= manyPeople || names.count >= manyNames { return .high }
        if identified || sensitive || !categories.isDisjoint(with: financial) { return .medium }
        return .low
    }
}
