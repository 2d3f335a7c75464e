import InventaModel

/// Resolves findings whose spans overlap, so one piece of text is reported once:
/// the higher-confidence finding wins; on a tie the more specific category (a
/// checksum-validated identifier before a phone number, a phone number before a
/// phrase), then the longer span. A personnummer is therefore never also reported
/// as a phone number. Findings that do not overlap are all kept, sorted by position.
enum OverlapResolver {
    static func resolve(_ findings: [Finding]) -> [Finding] {
        guard findings.count > 1 else { return findings }
        // Sweep by position into clusters of transitively overlapping findings; only
        // findings in one cluster compete, so the cost stays O(n log n) for a unit with
        // thousands of findings.
        let sorted = findings.sorted { $0.span.lowerBound < $1.span.lowerBound }
        var kept: [Finding] = []
        var cluster: [Finding] = []
        var clusterEnd = Int.min
        for finding in sorted {
            if finding.span.lowerBound >= clusterEnd && !cluster.isEmpty {
                kept += resolveCluster(cluster)
                cluster.removeAll(keepingCapacity: true)
            }
            cluster.append(finding)
            clusterEnd = max(clusterEnd, finding.span.upperBound)
        }
        kept += resolveCluster(cluster)
        return kept
    }

    /// The greedy choice inside one cluster: best-ranked first, then every finding that
    /// overlaps none already kept.
    private static func resolveCluster(_ cluster: [Finding]) -> [Finding] {
        guard cluster.count > 1 else { return cluster }
        let ranked = cluster.sorted {
            if $0.confidence != $1.confidence { return $0.confidence > $1.confidence }
            let left = specificity($0.category), right = specificity($1.category)
            if left != right { return left > right }
            return $0.span.count > $1.span.count
        }
        var kept: [Finding] = []
        for finding in ranked where !kept.contains(where: { $0.span.overlaps(finding.span) }) {
            kept.append(finding)
        }
        return kept.sorted { $0.span.lowerBound < $1.span.lowerBound }
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
