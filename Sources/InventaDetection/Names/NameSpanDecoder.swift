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
                    if tokens[end].flags.contains(.particle), end + 2 < run.upperBound, tokens[end + 1].flags.contains(.particle),
                       !tokens[end + 2].flags.contains(.particle), logits[end + 2] >= threshold {
                        end += 3; continue // `van der Berg`
                    }
                    break
                }
                // `Mejla Ingrid Andersson`, `Ring Per Olsson`: a sentence-initial common word on no
                // name list (an imperative in a to-do list) is not the name's first part.
                if end - i >= 3, isCommonNonName(tokens[i]), tokens[i].flags.contains(.sentenceInitial) { i += 1 }
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
        return joinReversed(spans, doc, logits)
    }

    /// `Svensson, Anna`, `Lind Ek, Georg` at the start of a line or cell (class lists, registers):
    /// one span, when the surname part is one or two words, the comma is the only thing between,
    /// and the first-name part (one or two words) ends the line, the cell or the list item. The
    /// first-name part must start with a listed first name, or the surname part be listed
    /// surnames (`Bohlin, Łukasz`). A surname part the model scored below the threshold joins
    /// when all its words are listed surnames (`Lund, Axel`: Lund is also a town).
    private static func joinReversed(_ spans: [NameSpan], _ doc: NameDocument, _ logits: [Double]) -> [NameSpan] {
        let tokens = doc.tokens
        let lower = doc.lower
        guard !spans.isEmpty else { return spans }
        var out: [NameSpan] = []
        out.reserveCapacity(spans.count)
        var k = 0
        while k < spans.count {
            let b = spans[k]
            let comma = b.tokens.lowerBound - 1
            guard comma >= 1, b.tokens.count <= 2, isComma(tokens[comma], lower),
                  !tokens[b.tokens.lowerBound].flags.contains(.newlineBefore) else {
                out.append(b); k += 1; continue
            }
            // The surname part: the previous span if it ends at the comma, else the run ending there.
            let previous = out.last.flatMap { $0.tokens.upperBound == comma && !$0.reversed ? $0 : nil }
            let surname: Range<Int>
            if let previous {
                surname = previous.tokens
            } else if let run = run(endingAt: comma, doc), run.allSatisfy({ tokens[$0].kind == .word && isListedSurname(tokens[$0]) }) {
                surname = run
            } else {
                out.append(b); k += 1; continue
            }
            let first = tokens[surname.lowerBound]
            let bFirst = tokens[b.tokens.lowerBound]
            let surnamesListed = surname.allSatisfy { isListedSurname(tokens[$0]) }
            // A two-word or below-threshold surname part is the weaker reading (`LARS NYSTRÖM, EVA
            // SUNDBERG` is two names in a list): it needs a one-word first-name part that ends the item,
            // and a two-word part must not start with a common first name.
            let weak = surname.count == 2 || previous == nil
            // `Skicka beslut till Ståhl, Elisabeth, Aspgatan 29`: after a lower-case word only a
            // one-word listed first name closed by a comma, a full stop or the line end joins.
            let inSentence = surname.lowerBound >= 1 && tokens[surname.lowerBound - 1].kind == .word
                && !tokens[surname.lowerBound - 1].flags.contains(.capitalised) && !first.flags.contains(.newlineBefore)
                && surname.count == 1 && b.tokens.count == 1 && bFirst.lexicon.isFirstName && closesItem(b.tokens.upperBound, tokens, lower)
            guard surname.count <= 2, surname.allSatisfy({ tokens[$0].kind == .word }),
                  first.flags.contains(.lineInitial) || first.flags.contains(.tabBefore) || isListSeparator(tokens, surname.lowerBound - 1)
                    || inSentence,
                  bFirst.lexicon.isFirstName || surnamesListed,
                  !weak || (b.tokens.count == 1 && endsItem(b.tokens.upperBound, tokens, lower)
                            && (surname.count == 1 || first.lexicon.firstNameBearers < 200)) else {
                out.append(b); k += 1; continue
            }
            var aMean = 0.0, aMin = Double.infinity
            for i in surname { aMean += logits[i] / Double(surname.count); aMin = min(aMin, logits[i]) }
            if previous != nil { out.removeLast() }
            var joined = NameSpan(tokens: surname.lowerBound..<b.tokens.upperBound, start: tokens[surname.lowerBound].start, end: b.end,
                                  meanLogit: (max(aMean, b.meanLogit) + b.meanLogit) / 2, reversed: true)
            joined.computeCalibrationInputs(minLogit: min(max(aMin, b.calibrationInputs[2]), b.calibrationInputs[2]),
                                            nameTokens: 2, partialRun: b.calibrationInputs[5] > 0,
                                            neighbourLogit: b.calibrationInputs[6])
            out.append(joined)
            k += 1
        }
        return out
    }

    /// The candidate run whose last token is just before `index`.
    private static func run(endingAt index: Int, _ doc: NameDocument) -> Range<Int>? {
        var lo = 0, hi = doc.runs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if doc.runs[mid].upperBound < index { lo = mid + 1 } else { hi = mid }
        }
        return lo < doc.runs.count && doc.runs[lo].upperBound == index ? doc.runs[lo] : nil
    }

    /// The token at `index` ends a list item: end of text, a new line or cell, or `;` `,` `.` `)` `|`.
    private static func endsItem(_ index: Int, _ tokens: [NameToken], _ lower: [UInt8]) -> Bool {
        guard index < tokens.count else { return true }
        let t = tokens[index]
        if t.flags.contains(.newlineBefore) || t.flags.contains(.blankLineBefore) || t.flags.contains(.tabBefore) { return true }
        guard t.kind == .punct, t.end - t.start == 1 else { return t.kind == .number }
        let c = lower[t.start]
        return c == 0x3B || c == 0x2C || c == 0x2E || c == 0x29 || c == 0x7C
    }

    /// A comma, a full stop, a line end or the end of the text after a name.
    private static func closesItem(_ index: Int, _ tokens: [NameToken], _ lower: [UInt8]) -> Bool {
        guard index < tokens.count else { return true }
        let t = tokens[index]
        if t.flags.contains(.newlineBefore) || t.flags.contains(.blankLineBefore) { return true }
        return t.kind == .punct && t.end - t.start == 1 && (lower[t.start] == 0x2C || lower[t.start] == 0x2E)
    }

    @inline(__always) private static func isListedSurname(_ t: NameToken) -> Bool {
        t.lexicon.surnameBearers > 0 || t.lexicon.flags & NameLexiconEntry.fakerLast != 0
    }

    /// A common word (wordfreq Zipf ≥ 2.5) on no name list.
    @inline(__always) static func isCommonNonName(_ t: NameToken) -> Bool {
        let e = t.lexicon
        return t.kind == .word && !t.flags.contains(.allCaps) && e.zipf10 >= 25 && e.firstNameBearers < 20 && e.surnameBearers == 0
            && e.flags & (NameLexiconEntry.fakerFirst | NameLexiconEntry.fakerLast) == 0
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
