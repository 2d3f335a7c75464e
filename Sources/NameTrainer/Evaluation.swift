import Foundation
import InventaDetection
import InventaExtraction
import InventaModel

/// Span-level scores: a predicted span counts only if its byte range equals a gold span.
struct SpanScores {
    var truePositives = 0
    var predicted = 0
    var gold = 0
    var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
    var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    var line: String {
        String(format: "P %.3f  R %.3f  F1 %.3f  (tp %d, predicted %d, gold %d)", precision, recall, f1, truePositives, predicted, gold)
    }
}

/// One decoded span with its calibrated probability and whether it is exactly a gold name.
struct ScoredSpan { var probability: Double; var correct: Bool }

enum Evaluation {
    /// Decodes every unit and pairs each span with its outcome.
    static func score(_ units: [LabelledUnit], matcher: NameMatcher) -> (spans: [ScoredSpan], gold: Int, perUnit: [[(Range<Int>, Double)]]) {
        var spans: [ScoredSpan] = []
        var gold = 0
        var perUnit: [[(Range<Int>, Double)]] = []
        for unit in units {
            var bytes = Array(unit.text.utf8)
            let goldSet = Set(unit.names.map { [$0.lowerBound, $0.upperBound] })
            gold += goldSet.count
            let decoded = bytes.withUnsafeMutableBufferPointer { matcher.analyze(UnsafeBufferPointer($0)).spans }
            var mine: [(Range<Int>, Double)] = []
            for s in decoded {
                let p = matcher.model.probability(s)
                spans.append(ScoredSpan(probability: p, correct: goldSet.contains([s.start, s.end])))
                mine.append((s.start..<s.end, p))
            }
            perUnit.append(mine)
        }
        return (spans, gold, perUnit)
    }

    static func scores(_ spans: [ScoredSpan], gold: Int, threshold: Double) -> SpanScores {
        var s = SpanScores()
        s.gold = gold
        for span in spans where span.probability >= threshold {
            s.predicted += 1
            if span.correct { s.truePositives += 1 }
        }
        return s
    }

    /// Reliability table (10 bins) and Brier score over all decoded spans.
    static func calibrationReport(_ spans: [ScoredSpan]) -> String {
        var lines = ["  bin        spans  mean p  share correct"]
        for b in 0..<10 {
            let lo = Double(b) / 10, hi = Double(b + 1) / 10
            let inBin = spans.filter { $0.probability >= lo && ($0.probability < hi || (b == 9 && $0.probability <= 1)) }
            guard !inBin.isEmpty else { continue }
            let mean = inBin.map(\.probability).reduce(0, +) / Double(inBin.count)
            let correct = Double(inBin.filter(\.correct).count) / Double(inBin.count)
            lines.append(String(format: "  %.1f–%.1f  %6d  %6.3f  %6.3f", lo, hi, inBin.count, mean, correct))
        }
        let brier = spans.isEmpty ? 0 : spans.map { pow($0.probability - ($0.correct ? 1 : 0), 2) }.reduce(0, +) / Double(spans.count)
        lines.append(String(format: "  Brier score %.4f over %d decoded spans", brier, spans.count))
        return lines.joined(separator: "\n")
    }

    static func report(name: String, units: [LabelledUnit], matcher: NameMatcher) -> String {
        let (spans, gold, _) = score(units, matcher: matcher)
        var out = ["== \(name): \(units.count) units, \(gold) gold name spans"]
        for t in [0.3, 0.5, 0.7, 0.8, 0.9] {
            out.append(String(format: "  p ≥ %.1f  ", t) + scores(spans, gold: gold, threshold: t).line)
        }
        out.append(calibrationReport(spans))
        return out.joined(separator: "\n")
    }

    /// Scores the matcher against a ground-truth JSONL file (`{"path":…,"category":"name","value":…}` per
    /// line; paths relative to `root`) on the whole corpus: every file listed goes through the project's
    /// extraction stage (any format it supports; files it skips or fails are listed and not scored), and per file the multiset of reported values is compared
    /// with the truth (whitespace squashed). Files that fail to extract are counted and listed.
    static func truthReport(truthPath: String, root: String, matcher: NameMatcher) throws -> String {
        let text = try String(contentsOfFile: truthPath, encoding: .utf8)
        var truth: [String: [String]] = [:]
        var allPaths = Set<String>()
        for line in text.split(separator: "\n") {
            guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let path = obj["path"] as? String else { continue }
            allPaths.insert(path)
            if obj["category"] as? String == "name", let value = obj["value"] as? String {
                truth[path, default: []].append(squash(value))
            }
        }
        var scores = SpanScores()
        var failed: [String] = []
        let extraction = Extraction()
        for path in allPaths.sorted() {
            let full = path.hasPrefix("/") ? path : root + "/" + path
            var found: [String: Int] = [:]
            let file = FileRef(pathBytes: Array(full.utf8), root: root, relativePath: path, size: 0, mtime: 0)
            let result = extraction.extract(file) { unit in
                var bytes = Array(unit.text.utf8)
                bytes.withUnsafeMutableBufferPointer { buf in
                    matcher.candidates(in: UnsafeBufferPointer(buf)) { c in
                        if unit.ownedRange.contains(c.span.lowerBound) { found[squash(c.value), default: 0] += 1 }
                    }
                }
            }
            switch result.outcome {
            case .failed(let reason): failed.append("\(path) (\(reason))"); continue
            case .skipped(let reason): failed.append("\(path) (skipped: \(reason))"); continue
            case .scanned, .partial: break
            }
            var expected: [String: Int] = [:]
            for v in truth[path] ?? [] { expected[v, default: 0] += 1 }
            scores.gold += expected.values.reduce(0, +)
            scores.predicted += found.values.reduce(0, +)
            for (v, n) in found { scores.truePositives += min(n, expected[v] ?? 0) }
        }
        var out = "== ground truth \(truthPath): \(allPaths.count - failed.count) files scored, \(failed.count) not extracted\n  " + scores.line
        if !failed.isEmpty { out += "\n  failed: " + failed.prefix(10).joined(separator: ", ") + (failed.count > 10 ? " …" : "") }
        return out
    }

    private static func squash(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
