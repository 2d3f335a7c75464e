import InventaModel

/// Accuracy figures of one bench run: per category, per format and per file risk.
public struct BenchScores: Sendable {
    public var categories: [CategoryScore] = []
    public var formats: [String: FormatScore] = [:]
    public var risk = RiskScore()
    /// Files (and members) not scanned cleanly, by `status: reason`.
    public var problems: [String: Int] = [:]

    public init() {}

    public func category(_ category: Category) -> CategoryScore? {
        categories.first { $0.category == category }
    }

    /// Floors not met, one message each; a category with no findings at all fails
    /// with a message saying so rather than as a plain 0.
    public func unmet(floors: [(Category, Double)]) -> [String] {
        floors.compactMap { category, floor in
            guard let row = self.category(category), row.gold > 0 else {
                return "\(category.rawValue): no gold entities in this corpus, so F1 \(floor) cannot be checked"
            }
            guard row.findings > 0 else {
                return "\(category.rawValue): no findings at all (is there a detector for it?); floor F1 \(floor)"
            }
            return row.f1 < floor ? "\(category.rawValue): F1 \(Self.format(row.f1)) is below the floor \(floor)" : nil
        }
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return String(rounded)
    }
}

/// Entity-level counts and scores for one category.
public struct CategoryScore: Sendable, Equatable {
    public var category: Category
    /// Distinct gold values (per file).
    public var gold = 0
    /// Gold values found.
    public var found = 0
    /// Distinct findings (per file).
    public var findings = 0
    /// Findings that match a gold value.
    public var correct = 0

    public init(category: Category) {
        self.category = category
    }

    public var precision: Double { findings == 0 ? 0 : Double(correct) / Double(findings) }
    public var recall: Double { gold == 0 ? 0 : Double(found) / Double(gold) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// How to read the row: scored, or why it is not.
    public var status: String {
        if gold == 0 && findings == 0 { return "no gold, no findings" }
        if gold == 0 { return "no gold (all findings are false positives)" }
        if findings == 0 { return "not detected (no detector yet?)" }
        return "scored"
    }
}

public struct FormatScore: Sendable, Equatable {
    public var format: String
    public var gold = 0
    public var found = 0

    public init(format: String) {
        self.format = format
    }

    public var recall: Double { gold == 0 ? 0 : Double(found) / Double(gold) }
}

/// File-level risk: how many files the report rated as the truth expects.
public struct RiskScore: Sendable, Equatable {
    public var files = 0
    public var correct = 0
    /// Truth files with no row in the report.
    public var missing = 0
    /// `expected→reported` counts.
    public var confusion: [String: Int] = [:]

    public init() {}

    public var accuracy: Double { files == 0 ? 0 : Double(correct) / Double(files) }
}
