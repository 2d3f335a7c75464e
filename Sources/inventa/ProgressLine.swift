import InventaCrawl
import InventaPipeline
import InventaReport

/// One line of scan progress that fits a given width, so redrawing it with `\r` never
/// wraps (a wrapped line leaves a new line on the terminal per redraw). Files done of files
/// found (with a `+` while the walk is still finding more), the share done, bytes read,
/// rates, findings, problems, an ETA once the walk is over, and the last problem's full
/// path shortened in the middle to the room left. Parts that do not fit are dropped, least
/// important first. Pure: the display feeds it snapshots and the width.
struct ProgressLine {
    var scan: ScanProgress.Snapshot
    var crawl: CrawlCounts.Snapshot
    var seconds: Double

    func render(width: Int) -> String {
        let limit = max(width - 1, 1)
        let done = scan.files
        let found = max(crawl.found, done)
        var head = "\(Count.spaced(done))/\(Count.spaced(found))\(crawl.crawlFinished ? "" : "+") files"
        if crawl.crawlFinished && found > 0 { head += " \(done * 100 / found)%" }
        let elapsed = max(seconds, 0.001)
        // (text, priority): lower priorities go first when the line is too long.
        var parts: [(String, Int)] = [(head, 9)]
        parts.append(("\(Count.spaced(scan.findings)) findings", 8))
        if scan.failed > 0 { parts.append(("\(Count.spaced(scan.failed)) failed", 7)) }
        if let eta = eta(done: done, found: found, elapsed: elapsed) { parts.append(("ETA " + eta, 6)) }
        parts.append((String(format: "%.0f files/s", Double(done) / elapsed), 5))
        parts.append((ProgressLine.megabytes(scan.bytes) + " read", 4))
        parts.append((String(format: "%.1f MB/s", Double(scan.bytes) / 1_000_000 / elapsed), 3))
        if scan.unchanged > 0 {
            let label = scan.alreadyDone > 0 ? "unchanged or done" : "unchanged"
            parts.append(("\(Count.spaced(scan.unchanged)) \(label)", 2))
        }
        let separator = " · "
        func joined(_ list: [(String, Int)]) -> String { list.map(\.0).joined(separator: separator) }
        while parts.count > 1 && joined(parts).count > limit {
            let lowest = parts.indices.dropFirst().min { parts[$0].1 < parts[$1].1 }!
            parts.remove(at: lowest)
        }
        if let path = scan.lastProblemPath.map(TerminalText.escaped) {
            // The last problem ranks below the counts and the ETA but above the rates: make
            // room for a useful part of its path by dropping rates first. The path is shortened
            // in the middle, so its start (the share) and its file name both stay visible.
            var kind = " (" + (scan.lastProblemKind ?? "failed") + ")"
            func room() -> Int { limit - joined(parts).count - separator.count - "last: ".count - kind.count }
            while room() < min(40, path.count), let lowest = parts.indices.dropFirst().filter({ parts[$0].1 < 6 })
                .min(by: { parts[$0].1 < parts[$1].1 }) {
                parts.remove(at: lowest)
            }
            // On a narrow terminal the path matters more than the reason (the report has both).
            if room() < 24 { kind = "" }
            if room() >= 16 { parts.append(("last: " + OutputFormat.elide(path, to: min(room(), path.count)) + kind, 0)) }
        }
        let line = joined(parts)
        return line.count > limit ? OutputFormat.elide(line, to: limit) : line
    }

    /// Remaining files at the average rate so far; only once the walk is over, when the total is known.
    private func eta(done: Int, found: Int, elapsed: Double) -> String? {
        guard crawl.crawlFinished, done > 0, found > done else { return nil }
        let seconds = Int((Double(found - done) / (Double(done) / elapsed)).rounded(.up))
        return seconds >= 3600 ? String(format: "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                               : String(format: "%d:%02d", seconds / 60, seconds % 60)
    }

    static func megabytes(_ bytes: Int64) -> String {
        bytes >= 10_000_000_000 ? String(format: "%.1f GB", Double(bytes) / 1e9) : String(format: "%.1f MB", Double(bytes) / 1e6)
    }
}
