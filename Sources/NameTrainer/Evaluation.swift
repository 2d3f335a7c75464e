import Foundation
import InventaDetection

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
            // Scored as shipped: the spans `candidates` would report (its vetoes applied), at any probability.
            let decoded = bytes.withUnsafeMutableBufferPointer { buffer -> [NameSpan] in
                let text = UnsafeBufferPointer(buffer)
                let (doc, spans) = matcher.analyze(text)
                return spans.filter { matcher.passesVetoes($0, in: doc, text: text) }
            }
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
}
