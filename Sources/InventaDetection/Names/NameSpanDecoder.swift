/// A decoded name span: consecutive tokens of one candidate run (or a `Surname, First`
/// pair) whose token logits passed the model's threshold.
public struct NameSpan: Sendable, Equatable {
    /// Token indices, inclusive of particles and, for `Surname, First`, the comma.
    public var tokens: Range<Int>
    public var start: Int
    public var end: Int
    /// Mean logit of the span's name tokens (particles and commas excluded).
    public var meanLogit: Double
    /// Written surname first (`Svensson, Anna`); the normalised value is reordered.
    public var reversed: Bool
    /// Inputs of the span calibration, in the order of `calibrationInputNames`.
    public var calibrationInputs: [Double] = []

    /// Names of the span calibration inputs, as written (with `@span.`) in the model file.
    public static let calibrationInputNames = ["bias", "mean", "min", "one_token", "two_tokens", "partial_run",
                                               "neighbour_logit", "reversed"]

    mutating func computeCalibrationInputs(minLogit: Double, nameTokens: Int, partialRun: Bool, neighbourLogit: Double) {
        calibrationInputs = [1, meanLogit, minLogit, nameTokens == 1 ? 1 : 0, nameTokens == 2 ? 1 : 0, partialRun ? 1 : 0,
                             max(-6, neighbourLogit), reversed ? 1 : 0]
    }
}

/// Turns per-token logits into name spans. Shared by the matcher and the trainer so
/// training, evaluation and scanning decode identically.
public enum NameSpanDecoder {
    /// `logits[i]` is the logit of token `i` (ignored for tokens outside runs).
    public static func decode(_ doc: NameDocument, logits: [Double], threshold: Double) -> [NameSpan] {
        var spans: [NameSpan] = []
        let tokens = doc.tokens
        for run in doc.runs {
            var i = run.lowerBound
            while i < run.upperBound {
                guard !tokens[i].flags.contains(.particle), logits[i] >= threshold else { i += 1; continue }
                var end = i + 1
                while end < run.upperBound {
                    if !tokens[end].flags.contains(.particle) && logits[end] >= threshold { end += 1; continue }
                    if tokens[end].flags.contains(.particle), end + 1 < run.upperBound,
                       !tokens[end + 1].flags.contains(.particle), logits[end + 1] >= threshold {
                        end += 2; continue
                    }
                    break
                }
                var sum = 0.0
                var count = 0
                var words = 0
                for k in i..<end where !tokens[k].flags.contains(.particle) {
                    sum += logits[k]; count += 1
                    if tokens[k].kind == .word { words += 1 }
                }
                // Initials alone (`P.`) are not a name; neither are seven or more capitalised
                // words in a row (headings, title-cased lists).
                if words > 0 && count <= 6 {
                    var span = NameSpan(tokens: i..<end, start: tokens[i].start, end: tokens[end - 1].end,
                                        meanLogit: sum / Double(count), reversed: false)
                    var minimum = Double.infinity
                    for k in i..<end where !tokens[k].flags.contains(.particle) { minimum = min(minimum, logits[k]) }
                    let before = i > run.lowerBound ? logits[i - 1] : -6
                    let after = end < run.upperBound ? logits[end] : -6
                    span.computeCalibrationInputs(minLogit: minimum, nameTokens: count,
                                                  partialRun: i > run.lowerBound || end < run.upperBound,
                                                  neighbourLogit: max(before, after))
                    spans.append(span)
                }
                i = end
            }
        }
        return joinReversed(spans, tokens, doc.lower)
    }

    /// `Svensson, Anna` at the start of a line (class lists, registers): one span, when
    /// the first part is one token, the comma is the only thing between, and the second
    /// part starts with a listed first name and ends the line or the list item.
    private static func joinReversed(_ spans: [NameSpan], _ tokens: [NameToken], _ lower: [UInt8]) -> [NameSpan] {
        guard spans.count >= 2 else { return spans }
        var out: [NameSpan] = []
        out.reserveCapacity(spans.count)
        var k = 0
        while k < spans.count {
            let a = spans[k]
            if k + 1 < spans.count {
                let b = spans[k + 1]
                let first = tokens[a.tokens.lowerBound]
                let comma = a.tokens.upperBound
                if a.tokens.count == 1, first.flags.contains(.lineInitial) || isListSeparator(tokens, a.tokens.lowerBound - 1),
                   b.tokens.lowerBound == comma + 1, isComma(tokens[comma], lower), b.tokens.count <= 2, tokens[b.tokens.lowerBound].lexicon.isFirstName,
                   !tokens[b.tokens.lowerBound].flags.contains(.newlineBefore) {
                    var joined = NameSpan(tokens: a.tokens.lowerBound..<b.tokens.upperBound, start: a.start, end: b.end,
                                          meanLogit: (a.meanLogit + b.meanLogit) / 2, reversed: true)
                    joined.computeCalibrationInputs(minLogit: min(a.calibrationInputs[2], b.calibrationInputs[2]),
                                                    nameTokens: 2, partialRun: b.calibrationInputs[5] > 0,
                                                    neighbourLogit: max(a.calibrationInputs[6], b.calibrationInputs[6]))
                    out.append(joined)
                    k += 2
                    continue
                }
            }
            out.append(a)
            k += 1
        }
        return out
    }

    private static func isComma(_ t: NameToken, _ lower: [UInt8]) -> Bool {
        t.kind == .punct && t.end - t.start == 1 && lower[t.start] == 0x2C
    }

    private static func isListSeparator(_ tokens: [NameToken], _ i: Int) -> Bool {
        guard i >= 0 else { return true }
        let t = tokens[i]
        return t.kind == .number || (t.kind == .punct && t.end - t.start == 1)
    }
}
