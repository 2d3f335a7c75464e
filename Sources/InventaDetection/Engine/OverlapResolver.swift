import InventaModel

/// Resolves findings whose spans overlap, so one piece of text is reported once:
/// the higher-confidence finding wins; on a tie the more specific category (a
/// checksum-validated identifier before a phone number, a phone number before a
/// phrase), then the longer span. A personnummer is therefore never also reported
/// as a phone number. Findings that do not overlap are all kept, sorted by position.
///
/// Works on plain items (span, confidence, category) and answers with indexes, so the
/// caller builds the strings and evidence of a finding only when it is kept.
enum OverlapResolver {
    struct Item {
        var span: Range<Int>
        var confidence: Double
        var category: Category
    }

    /// The indexes of the items to keep, in output order (by position).
    static func resolve(_ items: [Item]) -> [Int] {
        guard items.count > 1 else { return Array(items.indices) }
        // Sweep by position into clusters of transitively overlapping findings; only
        // findings in one cluster compete, so the cost stays O(n log n) for a unit with
        // thousands of findings.
        let sorted = items.indices.sorted { items[$0].span.lowerBound < items[$1].span.lowerBound }
        var kept: [Int] = []
        kept.reserveCapacity(items.count)
        var cluster: [Int] = []
        var clusterEnd = Int.min
        for index in sorted {
            if items[index].span.lowerBound >= clusterEnd && !cluster.isEmpty {
                kept += resolveCluster(cluster, items)
                cluster.removeAll(keepingCapacity: true)
            }
            cluster.append(index)
            clusterEnd = max(clusterEnd, items[index].span.upperBound)
        }
        kept += resolveCluster(cluster, items)
        return kept
    }

    /// The greedy choice inside one cluster: best-ranked first, then every finding that
    /// overlaps none already kept.
    private static func resolveCluster(_ cluster: [Int], _ items: [Item]) -> [Int] {
        guard cluster.count > 1 else { return cluster }
        let ranked = cluster.sorted {
            let left = items[$0], right = items[$1]
            if left.confidence != right.confidence { return left.confidence > right.confidence }
            let leftRank = specificity(left.category), rightRank = specificity(right.category)
            if leftRank != rightRank { return leftRank > rightRank }
            return left.span.count > right.span.count
        }
        var kept: [Int] = []
        for index in ranked where !kept.contains(where: { items[$0].span.overlaps(items[index].span) }) {
            kept.append(index)
        }
        return kept.sorted { items[$0].span.lowerBound < items[$1].span.lowerBound }
    }

    /// Higher is more specific: checksum-backed identifiers, then structured contact and
    /// account data, then names and addresses, then phrases.
    static func specificity(_ category: Category) -> Int {
        switch category {
        case .personnummer, .samordningsnummer: return 5
        case .iban, .paymentCard, .email: return 4
        case .bankgiro, .plusgiro, .bankAccount: return 3
        case .phone: return 2
        case .address, .name: return 1
        default: return 0
        }
    }
}
