import InventaModel

/// Resolves findings whose spans overlap: the higher-confidence one wins, and on a
/// tie the longer span (the more specific match). The result is sorted by position.
enum OverlapResolver {
    static func resolve(_ findings: [Finding]) -> [Finding] {
        guard findings.count > 1 else { return findings }
        let ranked = findings.sorted {
            if $0.confidence != $1.confidence { return $0.confidence > $1.confidence }
            return $0.span.count > $1.span.count
        }
        var kept: [Finding] = []
        for finding in ranked where !kept.contains(where: { $0.span.overlaps(finding.span) }) {
            kept.append(finding)
        }
        return kept.sorted { $0.span.lowerBound < $1.span.lowerBound }
    }
}
