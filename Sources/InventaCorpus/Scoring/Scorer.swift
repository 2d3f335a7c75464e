import InventaModel

/// A finding as the bench reads it back from the report (cleartext, `--store-values`).
public struct ReportedFinding: Sendable, Equatable {
    public var path: String
    public var category: String
    public var value: String

    public init(path: String, category: String, value: String) {
        self.path = path
        self.category = category
        self.value = value
    }
}

/// A file row of the report: where it is, what it was, what happened, its risk.
public struct ReportedFile: Sendable, Equatable {
    public var path: String
    public var format: String?
    public var status: String
    public var reason: String?
    public var risk: String

    public init(path: String, format: String?, status: String, reason: String?, risk: String) {
        self.path = path
        self.format = format
        self.status = status
        self.reason = reason
        self.risk = risk
    }
}

/// Compares a scan with the ground truth, entity by entity and file by file.
///
/// Entity level: a gold value counts as found when a finding of the same category
/// in the same file (or container member) matches its normalised value:
/// - identifiers, phone, e-mail: equal normalised values (see `Normalizer`);
/// - names: the finding's words include all the gold name's words, in any order
///   (`Svensson, Anna` finds `Anna Svensson`); a finding of only some of a gold
///   name's words (`Anna`) is not a false positive, but does not find the name;
/// - addresses and sensitive terms: one normalised value contains the other
///   (a finding `Björkvägen 12, 186 03 Brottby` finds the gold `Björkvägen 12`).
/// Distinct (file, category, normalised value) triples are counted once on both
/// sides, so a value repeated in a file weighs as much as one written once.
public enum Scorer {
    public static func score(truth: GroundTruth, findings: [ReportedFinding], files: [ReportedFile]) -> BenchScores {
        var scores = BenchScores()
        let formatOf = Dictionary(truth.files.map { ($0.path, $0.format) }, uniquingKeysWith: { first, _ in first })
        let gold = distinct(truth.entities.compactMap { line in
            Category(rawValue: line.category).map { Unit(path: line.path, category: $0, value: Normalizer.normalize(line.value, category: $0)) }
        })
        let found = distinct(findings.compactMap { finding in
            Category(rawValue: finding.category).map { Unit(path: finding.path, category: $0, value: Normalizer.normalize(finding.value, category: $0)) }
        })
        let findingsByKey = Dictionary(grouping: found) { Key(path: $0.path, category: $0.category) }
            .mapValues { ValueIndex($0.map(\.value), category: $0[0].category) }
        let goldByKey = Dictionary(grouping: gold) { Key(path: $0.path, category: $0.category) }
            .mapValues { ValueIndex($0.map(\.value), category: $0[0].category) }

        for category in Category.allCases {
            var row = CategoryScore(category: category)
            var hits: [(path: String, hit: Bool)] = []
            for unit in gold where unit.category == category {
                row.gold += 1
                let hit = findingsByKey[Key(path: unit.path, category: category)]?.anyFinds(gold: unit.value) ?? false
                if hit { row.found += 1 }
                hits.append((unit.path, hit))
            }
            for unit in found where unit.category == category {
                row.findings += 1
                if goldByKey[Key(path: unit.path, category: category)]?.anyAccepts(finding: unit.value) == true { row.correct += 1 }
            }
            // Format recall measures extraction, so it counts only categories the scan detects at all.
            if row.findings > 0 {
                for (path, hit) in hits {
                    let format = formatOf[path] ?? "unknown"
                    scores.formats[format, default: FormatScore(format: format)].gold += 1
                    if hit { scores.formats[format, default: FormatScore(format: format)].found += 1 }
                }
            }
            scores.categories.append(row)
        }

        let reported = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for file in truth.files {
            scores.risk.files += 1
            guard let row = reported[file.path] else {
                scores.risk.missing += 1
                continue
            }
            if row.risk == file.expectedRisk { scores.risk.correct += 1 }
            scores.risk.confusion["\(file.expectedRisk)→\(row.risk)", default: 0] += 1
        }
        for file in files where file.status != "scanned" || file.reason != nil {
            scores.problems["\(file.status): \(file.reason ?? "")", default: 0] += 1
        }
        return scores
    }

    /// Does a finding's normalised value find the gold value? (recall)
    static func finds(_ finding: String, gold: String, category: Category) -> Bool {
        switch category {
        case .name:
            return Set(gold.split(separator: " ")).isSubset(of: Set(finding.split(separator: " ")))
        case _ where matchesByContainment(category):
            return finding.contains(gold) || (!finding.isEmpty && gold.contains(finding))
        default:
            return finding == gold
        }
    }

    /// Addresses and sensitive terms match when one value contains the other.
    static func matchesByContainment(_ category: Category) -> Bool {
        switch category {
        case .address, .health, .ethnicity, .religion, .politics, .union, .sexuality, .geneticBiometric, .criminal, .protectedIdentity:
            return true
        default:
            return false
        }
    }

    /// Is a finding correct with respect to this gold value? (precision)
    static func accepts(_ gold: String, finding: String, category: Category) -> Bool {
        if finds(finding, gold: gold, category: category) { return true }
        if category == .name {
            let words = Set(finding.split(separator: " "))
            return !words.isEmpty && words.isSubset(of: Set(gold.split(separator: " ")))
        }
        return false
    }

    struct Unit: Hashable {
        var path: String
        var category: Category
        var value: String
    }

    struct Key: Hashable {
        var path: String
        var category: Category
    }

    static func distinct(_ units: [Unit]) -> [Unit] {
        var seen = Set<Unit>()
        return units.filter { seen.insert($0).inserted }
    }
}
