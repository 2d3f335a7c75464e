import InventaModel
import Testing

/// File risk from findings (docs/decisions/0303-file-risk.md), as a table of
/// (category, level, normalised value) lists.
@Suite struct RiskPolicyTests {
    static func finding(_ category: Category, _ level: Level, _ value: String = "v") -> Finding {
        Finding(category: category, value: value, normalized: value, masked: value, span: 0..<1,
                confidence: level == .high ? 0.9 : level == .medium ? 0.6 : 0.3, level: level, rule: "t", evidence: Evidence())
    }

    @Test(arguments: [
        ([], RiskLevel.none),
        ([finding(.health, .low)], .none),   // only a hint (decision 0306)
        ([finding(.phone, .high), finding(.email, .high)], .low),
        ([finding(.name, .high)], .low),
        ([finding(.personnummer, .high)], .medium),
        ([finding(.name, .high), finding(.address, .medium)], .medium),
        ([finding(.bankAccount, .medium)], .medium),
        ([finding(.health, .medium)], .medium),
        // A strong sensitive term (it has a subject) with a named person: about that person.
        ([finding(.name, .high), finding(.health, .high)], .high),
        // Counter-cases: the name with only a hint, or the term with only contact data.
        ([finding(.name, .high), finding(.health, .low)], .low),
        ([finding(.email, .high), finding(.phone, .high), finding(.sexuality, .medium)], .medium),
        ([finding(.personnummer, .high), finding(.health, .high)], .high),
        ([finding(.name, .high), finding(.address, .high), finding(.protectedIdentity, .medium)], .high),
        ([finding(.personnummer, .high), finding(.criminal, .low)], .medium),
        ([finding(.personnummer, .low), finding(.health, .high)], .medium),
        // A list of people without sensitive data is medium (many-people thresholds off by default).
        ((0..<10).map { finding(.personnummer, .high, "p\($0)") }, .medium),
        ((0..<30).map { finding(.name, .medium, "n\($0)") }, .low),
    ] as [([Finding], RiskLevel)])
    func risk(findings: [Finding], expected: RiskLevel) {
        #expect(RiskPolicy().risk(of: findings) == expected)
    }

    @Test func thresholdsAreConfigurable() {
        let findings = (0..<3).map { Self.finding(.personnummer, .high, "p\($0)") }
        #expect(RiskPolicy(manyPeople: 3).risk(of: findings) == .high)
        #expect(RiskPolicy(manyPeople: 3).risk(of: (0..<3).map { _ in Self.finding(.personnummer, .high, "same") }) == .medium)
        #expect(RiskPolicy(manyNames: 5).risk(of: (0..<5).map { Self.finding(.name, .medium, "n\($0)") }) == .high)
        #expect(RiskPolicy(minimumLevel: .low).risk(of: [Self.finding(.personnummer, .low), Self.finding(.health, .low)]) == .high)
    }
}
