import InventaModel

/// Finds plusgiro numbers: two to eight digits with a dash before the Luhn check digit,
/// the rest in one piece or in groups separated by single spaces (`12 34 56-7`,
/// `1234567-8`, `4 12 34-5`).
///
/// The shape alone is weak (it also fits clearing numbers like `8327-9`), so the base
/// score is low (0.35) and the rule needs context (`plusgiro`, `pg`). Most plusgiro numbers
/// are organisations'. A Luhn failure is reported as rejected. Normalised to the digits
/// without leading zeros; masked keeping the last two digits (`** ** *6-7`).
///
/// Zero-padded numbers written in one piece (`0085545-2`, as fixed-width exports write them)
/// are the same plusgiro (Luhn ignores leading zeros): accepted with at least five digits
/// before the dash and tagged `zero_padded`. A grouped or shorter number with a leading zero
/// (`0 3-4`, a match score) is not a plusgiro.
public struct PlusgiroMatcher: Matcher {
    public var name: String { "plusgiro" }

    public init() {}

    public func candidates(in text: UnsafeBufferPointer<UInt8>, visit: (Candidate) -> Void) {
        candidates(in: text, runs: DigitRunIndex(text), visit: visit)
    }

    public func candidates(in text: UnsafeBufferPointer<UInt8>, runs: DigitRunIndex, visit: (Candidate) -> Void) {
        DigitRuns.forEach(in: text, runs: runs, only: .plusgiro) { start, end in
            guard NumberBoundary.startsClean(text, at: start), let found = read(text, start: start, firstEnd: end) else {
                return end
            }
            let value = String(decoding: text[found.span], as: UTF8.self)
            let valid = Luhn.isValid(found.digits)
            let padded = found.digits.first == 0
            visit(Candidate(category: .plusgiro, span: found.span, value: value,
                            normalized: String(digitValues: found.digits.drop { $0 == 0 }),
                            masked: ValueMasking.digits(value, keepFirst: 0, keepLast: 2),
                            validation: valid ? .confirmed : .rejected, checks: valid ? ["luhn"] : [], baseScore: 0.35,
                            tags: padded ? ["zero_padded"] : []))
            return found.span.upperBound
        }
    }

    /// Groups of 1–3 digits separated by single spaces (or one run of up to 7), then `-` and one
    /// digit. The shape is checked before any digit is copied: most digit runs are not plusgiro.
    private func read(_ text: UnsafeBufferPointer<UInt8>, start: Int, firstEnd: Int) -> (span: Range<Int>, digits: [UInt8])? {
        // A run right after `digit ` is the tail of a longer grouped number, not a number of its own.
        guard firstEnd - start <= 7,
              !(start >= 2 && text[start - 1] == UInt8(ascii: " ") && ByteClass.isDigit(text[start - 2])) else { return nil }
        // Plusgiro numbers have no leading zero of their own (`0 3-4` is a match score); a zero-padded
        // one is written in one piece of at least five digits (`00547-0`).
        let padded = text[start] == UInt8(ascii: "0")
        if padded && !(firstEnd - start >= 5 && firstEnd < text.count && text[firstEnd] == UInt8(ascii: "-")) { return nil }
        var total = firstEnd - start
        var position = firstEnd
        var grouped = false
        while position + 1 < text.count && text[position] == UInt8(ascii: " ") && ByteClass.isDigit(text[position + 1]) {
            var end = position + 1
            while end < text.count && ByteClass.isDigit(text[end]) { end += 1 }
            guard end - position - 1 <= 3 else { return nil }
            total += end - position - 1
            position = end
            grouped = true
        }
        if grouped && firstEnd - start > 3 { return nil }
        guard total <= 7, position + 2 <= text.count, text[position] == UInt8(ascii: "-"),
              DigitRuns.isRun(text, from: position + 1, length: 1),
              NumberBoundary.endsClean(text, at: position + 2) else { return nil }
        let digits = text[start..<(position + 2)].filter(ByteClass.isDigit).map(ByteClass.value)
        // Padding needs a number behind it: `00000-0` passes Luhn but is nobody's plusgiro.
        if padded && digits.drop(while: { $0 == 0 }).count < 2 { return nil }
        return (start..<(position + 2), digits)
    }
}
