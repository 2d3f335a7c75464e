import InventaModel

/// Finds bankgiro numbers: `NNN-NNNN` or `NNNN-NNNN` with a valid Luhn check digit.
///
/// The shape is common (one in ten random `NNNN-NNNN` pass Luhn) and most bankgiro numbers
/// belong to organisations, which are not personal data, so the base score is low (0.35)
/// and the rule relies on context (`bankgiro`, `bg`) and a keyword prefilter. A Luhn failure
/// is reported as rejected so `explain` can show why. Normalised to the digits; masked
/// keeping the last two digits (`***-**66`).
public struct BankgiroMatcher: Matcher {
    public var name: String { "bankgiro" }

    public init() {}

    public func candidates(in text: UnsafeBufferPointer<UInt8>, visit: (Candidate) -> Void) {
        candidates(in: text, runs: DigitRunIndex(text), visit: visit)
    }

    public func candidates(in text: UnsafeBufferPointer<UInt8>, runs: DigitRunIndex, visit: (Candidate) -> Void) {
        DigitRuns.forEach(in: text, runs: runs, only: .bankgiro) { start, end in
            let run = end - start
            guard run == 3 || run == 4, end + 5 <= text.count, text[end] == UInt8(ascii: "-"),
                  DigitRuns.isRun(text, from: end + 1, length: 4), NumberBoundary.isClean(text, start..<(end + 5)) else {
                return end
            }
            let span = start..<(end + 5)
            let digits = text[start..<end].map(ByteClass.value) + text[(end + 1)..<(end + 5)].map(ByteClass.value)
            let value = String(decoding: text[span], as: UTF8.self)
            let valid = Luhn.isValid(digits)
            visit(Candidate(category: .bankgiro, span: span, value: value,
                            normalized: String(digitValues: digits),
                            masked: ValueMasking.digits(value, keepFirst: 0, keepLast: 2),
                            validation: valid ? .confirmed : .rejected, checks: valid ? ["luhn"] : [], baseScore: 0.35))
            return span.upperBound
        }
    }
}
