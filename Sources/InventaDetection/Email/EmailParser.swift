/// Reads the address around one `@`. Stateless; used by `EmailMatcher`.
enum EmailParser {
    static func span(in text: UnsafeBufferPointer<UInt8>, at atSign: Int) -> Range<Int>? {
        guard let start = localStart(text, at: atSign), let end = domainEnd(text, from: atSign + 1) else { return nil }
        return start..<end
    }

    @inline(__always) private static func isLocalByte(_ byte: UInt8) -> Bool {
        ByteClass.isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    /// Start of the local part, or nil when it is empty, too long, badly dotted, or glued
    /// to a non-ASCII letter (`åsa@…`).
    private static func localStart(_ text: UnsafeBufferPointer<UInt8>, at: Int) -> Int? {
        var start = at
        while start > 0 && isLocalByte(text[start - 1]) { start -= 1 }
        if start > 0 && endsWithLatinLetter(text, at: start) { return nil }
        while start < at && text[start] == UInt8(ascii: ".") { start += 1 }
        let length = at - start
        guard length >= 1, length <= 64, text[at - 1] != UInt8(ascii: ".") else { return nil }
        for index in start..<(at - 1) where text[index] == UInt8(ascii: ".") && text[index + 1] == UInt8(ascii: ".") {
            return nil
        }
        return start
    }

    /// End of the domain: labels of ASCII letters, digits, `-` and Latin letters, separated by
    /// single dots, the last one a valid TLD. A label that cannot be a TLD is dropped from the end.
    private static func domainEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var labels: [Range<Int>] = []
        var position = start
        while true {
            let labelStart = position
            while position < text.count {
                if ByteClass.isAlphanumeric(text[position]) || text[position] == UInt8(ascii: "-") {
                    position += 1
                } else if let width = latinLetterWidth(text, at: position) {
                    position += width
                } else {
                    break
                }
            }
            guard position > labelStart else { break }
            labels.append(labelStart..<position)
            guard position + 1 < text.count, text[position] == UInt8(ascii: "."),
                  ByteClass.isLetterOrDigit(text, at: position + 1) else { break }
            position += 1
        }
        guard labels.allSatisfy({ labelOK(text, $0) }) else { return nil }
        while labels.count >= 2 {
            if let last = labels.last, isTLD(text, last), labels.last!.upperBound - start <= 253 {
                return last.upperBound
            }
            labels.removeLast()
        }
        return nil
    }

    private static func labelOK(_ text: UnsafeBufferPointer<UInt8>, _ label: Range<Int>) -> Bool {
        label.count <= 63 && text[label.lowerBound] != UInt8(ascii: "-") && text[label.upperBound - 1] != UInt8(ascii: "-")
    }

    /// ASCII letters only (≥ 2), or punycode `xn--…`. The next byte must not continue a word.
    private static func isTLD(_ text: UnsafeBufferPointer<UInt8>, _ label: Range<Int>) -> Bool {
        guard label.count >= 2 else { return false }
        if ByteClass.isLetterOrDigit(text, at: label.upperBound) { return false }
        if label.count > 4 && ByteClass.hasLiteral(text, at: label.lowerBound, "xn--") { return true }
        return text[label].allSatisfy(ByteClass.isASCIILetter)
    }

    /// Width of a two-byte UTF-8 Latin letter at `position` (`C3 80–BF` except × and ÷,
    /// `C4`/`C5` Latin Extended-A), or nil.
    private static func latinLetterWidth(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> Int? {
        guard position + 1 < text.count else { return nil }
        let lead = text[position]
        let next = text[position + 1]
        guard next >= 0x80 && next <= 0xBF else { return nil }
        if lead == 0xC3 && next != 0x97 && next != 0xB7 { return 2 }
        if lead == 0xC4 || lead == 0xC5 { return 2 }
        return nil
    }

    /// True when the bytes just before `end` are a two-byte Latin letter.
    private static func endsWithLatinLetter(_ text: UnsafeBufferPointer<UInt8>, at end: Int) -> Bool {
        end >= 2 && latinLetterWidth(text, at: end - 2) == 2
    }
}
