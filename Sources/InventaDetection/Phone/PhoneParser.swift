/// Reads one phone number starting at a `0` or `+` and checks it against the numbering
/// plan. Stateless; used by `PhoneMatcher`.
enum PhoneParser {
    struct Parsed {
        var span: Range<Int>
        /// National digits as values 0–9, with the trunk `0`.
        var national: NationalDigits
        var prefix: SwedishNumberingPlan.Prefix
        var international: Bool
        /// Digit groups after the country code.
        var groups: Int
        /// How many written digits (country code and `(0)` included) make up the prefix, for masking.
        var prefixDigitsWritten: Int
    }

    static func parse(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Parsed? {
        guard NumberBoundary.startsClean(text, at: start) else { return nil }
        var position = start
        var international = false
        var writtenBeforeNational = 0
        if text[start] == UInt8(ascii: "+") {
            guard matches(text, at: start + 1, "46") else { return nil }
            position = start + 3
            international = true
            writtenBeforeNational = 2
        } else if matches(text, at: start, "0046") {
            position = start + 4
            international = true
            writtenBeforeNational = 4
        }
        if international {
            position = skipSeparator(text, at: position)
            if matches(text, at: position, "(0)") {
                position = skipSeparator(text, at: position + 3)
                writtenBeforeNational += 1
            }
            guard position < text.count, ByteClass.isDigit(text[position]), text[position] != UInt8(ascii: "0") else {
                return nil
            }
        }
        // `(08) 123 45 67`: the area code in parentheses.
        if !international && start > 0 && text[start - 1] == UInt8(ascii: "("),
           let found = readNational(text, start: start - 1, from: position, international: false,
                                    writtenBeforeNational: 0, parenthesised: true) {
            return found
        }
        return readNational(text, start: start, from: position, international: international,
                            writtenBeforeNational: writtenBeforeNational, parenthesised: false)
    }

    private static func readNational(_ text: UnsafeBufferPointer<UInt8>, start: Int, from: Int, international: Bool,
                                     writtenBeforeNational: Int, parenthesised: Bool) -> Parsed? {
        var national = NationalDigits()
        if international { national.append(0) }
        var groupLengths = GroupLengths()
        var position = from
        var end = from
        while position < text.count && ByteClass.isDigit(text[position]) {
            var groupEnd = position
            while groupEnd < text.count && ByteClass.isDigit(text[groupEnd]) { groupEnd += 1 }
            let length = groupEnd - position
            if national.count + length > 10 {
                if groupLengths.isEmpty { return nil }
                break
            }
            for index in position..<groupEnd { national.append(ByteClass.value(text[index])) }
            groupLengths.append(length)
            end = groupEnd
            if parenthesised && groupLengths.count == 1 {
                guard groupEnd < text.count, text[groupEnd] == UInt8(ascii: ")") else { return nil }
                var next = groupEnd + 1
                if next < text.count && text[next] == UInt8(ascii: " ") { next += 1 }
                guard next < text.count, ByteClass.isDigit(text[next]) else { return nil }
                position = next
                continue
            }
            let next = skipSeparator(text, at: groupEnd)
            // Only the separator after the prefix may be a dash: `08-12-2019` is a date.
            if next == groupEnd || (groupLengths.count >= 2 && text[next - 1] == UInt8(ascii: "-")) ||
                (groupLengths.count >= 2 && next - groupEnd == 3 && text[groupEnd + 1] == UInt8(ascii: "-")) { break }
            position = next
        }
        guard let prefix = SwedishNumberingPlan.prefix(of: national), prefix.totals.contains(national.count),
              groupingOK(groupLengths, prefixLength: prefix.length - (international ? 1 : 0),
                         total: national.count - (international ? 1 : 0)),
              NumberBoundary.endsClean(text, at: end) else { return nil }
        let prefixWritten = writtenBeforeNational + prefix.length - (international ? 1 : 0)
        return Parsed(span: start..<end, national: national, prefix: prefix, international: international,
                      groups: groupLengths.count, prefixDigitsWritten: prefixWritten)
    }

    /// The prefix stands alone in the first group (or the whole number is one group); later
    /// groups have 2–4 digits, except a subscriber number written in one piece.
    private static func groupingOK(_ groups: GroupLengths, prefixLength: Int, total: Int) -> Bool {
        guard groups.count > 0 else { return false }
        if groups.count == 1 { return groups.first == total }
        guard groups.first == prefixLength else { return false }
        if groups.count == 2 { return groups.second >= 5 }
        return groups.laterAreShort
    }

    /// What `groupingOK` needs of the digit groups' lengths, kept as numbers: the parse runs
    /// for every `0` and `+` before a digit, and an array per parse was most of its cost.
    struct GroupLengths {
        var count = 0
        var first = 0
        var second = 0
        /// Every group after the first has 2–4 digits.
        var laterAreShort = true

        var isEmpty: Bool { count == 0 }

        mutating func append(_ length: Int) {
            if count == 0 { first = length } else { laterAreShort = laterAreShort && (2...4).contains(length) }
            if count == 1 { second = length }
            count += 1
        }
    }

    /// Skips one separator between digit groups: a space, a non-breaking space, a dash, or
    /// ` - `; returns `position` unchanged when none follows or no digit comes after it.
    private static func skipSeparator(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> Int {
        var next = position
        if next < text.count && text[next] == UInt8(ascii: " ") {
            next += 1
            if next + 1 < text.count && text[next] == UInt8(ascii: "-") && text[next + 1] == UInt8(ascii: " ") { next += 2 }
        } else if next < text.count && text[next] == UInt8(ascii: "-") {
            next += 1
        } else if NumberBoundary.isNonBreakingSpace(text, startingAt: next) {
            next += 2
        }
        guard next > position, next < text.count,
              ByteClass.isDigit(text[next]) || text[next] == UInt8(ascii: "(") else { return position }
        return next
    }

    private static func matches(_ text: UnsafeBufferPointer<UInt8>, at position: Int, _ literal: StaticString) -> Bool {
        ByteClass.hasLiteral(text, at: position, literal)
    }
}

/// Up to sixteen digit values (a national number has at most eleven) stored inline, so a
/// parse allocates nothing.
struct NationalDigits: RandomAccessCollection {
    private var storage = SIMD16<UInt8>()
    private(set) var count = 0

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> UInt8 { storage[position] }

    /// Appends `value`; digits beyond sixteen are dropped (callers stop at eleven).
    mutating func append(_ value: UInt8) {
        guard count < 16 else { return }
        storage[count] = value
        count += 1
    }
}
