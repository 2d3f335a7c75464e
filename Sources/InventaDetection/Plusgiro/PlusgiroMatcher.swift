import InventaModel

/// Finds plusgiro numbers: two to eight digits with a dash before the Luhn check digit,
/// the rest in one piece or in groups separated by single spaces (`12 34 56-7`,
/// `1234567-8`, `4 12 34-5`).
///
/// The shape alone is weak (it also fits clearing numbers like `8327-9`), so the base
/// score is low (0.35) and the rule needs context (`plusgiro`, `pg`). Most plusgiro numbers
/// are organisations'. A Luhn failure is reported as rejected. Normalised to the digits;
/// masked keeping the last two digits (`** ** *6-7`).
public struct PlusgiroMatcher: Matcher {
    public var name: String { "plusgiro" }

    public init() {}

    public func candidates(in text: UnsafeBufferPointer<UInt8>, visit: (Candidate) -> Void) {
        DigitRuns.forEach(in: text) { start, end in
            guard NumberBoundary.startsClean(text, at: start), let found = read(text, start: start, firstEnd: end) else {
                return end
            }
            let value = String(decoding: text[found.span], as: UTF8.self)
            let valid = Luhn.isValid(found.digits)
            visit(Candidate(category: .plusgiro, span: found.span, value: value,
                            normalized: String(digitValues: found.digits),
                            masked: ValueMasking.digits(value, keepFirst: 0, keepLast: 2),
                            validation: valid ? .confirmed : .rejected, checks: valid ? ["luhn"] : [], baseScore: 0.35))
            return found.span.upperBound
        }
    }

    /// Groups of 1–3 digits separated by single spaces (or one run of up to 7), then `-` and one
    /// digit. The shape is checked before any digit is copied: most digit runs are not plusgiro.
    private func read(_ text: UnsafeBufferPointer<UInt8>, start: Int, firstEnd: Int) -> (span: Range<Int>, digits: [UInt8])? {
        // Plusgiro numbers have no leading zero (`0 3-4` is a match score), and a run right after
        // `digit ` is the tail of a longer grouped number, not a number of its own.
        guard firstEnd - start <= 7, text[start] != UInt8(ascii: "0"),
              !(start >= 2 && text[start - 1] == UInt8(ascii: " ") && ByteClass.isDigit(text[start - 2])) else { return nil }
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
        var digits = text[start..<(position + 2)].filter(ByteClass.isDigit).map(ByteClass.value)
        digits.reserveCapacity(total + 1)
        return (start..<(position + 2), digits)
    }
}
