/// Byte classes shared by the hand-written scanners. All work on UTF-8 bytes. A letter
/// may be multi-byte (å, ä, ö, é …), so a number glued to a Swedish word is never taken
/// for a stand-alone value, while quotes and dashes (`”`, `«`, `–`, no-break space) are not
/// letters and may surround a value.
enum ByteClass {
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always) static func isASCIILetter(_ byte: UInt8) -> Bool { ((byte | 0x20) &- 0x61) < 26 }

    @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }

    @inline(__always) static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isASCIILetter(byte) }

    /// True when the character starting at `position` is a letter or digit. Multi-byte
    /// characters are classified by their lead byte: `C2` (no-break space, `«`, `§` …), `E2`
    /// (dashes, quotes, bullets), `E3` and four-byte characters (emoji) are not letters;
    /// `×` and `÷` are not; other two- and three-byte characters are (Latin, Greek, Cyrillic …).
    @inline(__always) static func isLetterOrDigit(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        guard position < text.count else { return false }
        let lead = text[position]
        if lead < 0x80 { return isAlphanumeric(lead) }
        if lead < 0xC0 { return true }
        switch lead {
        case 0xC2, 0xE2, 0xE3, 0xF0...0xFF: return false
        case 0xC3:
            guard position + 1 < text.count else { return false }
            return text[position + 1] != 0x97 && text[position + 1] != 0xB7
        default: return true
        }
    }

    /// True when the character that ends just before `end` is a letter or digit.
    @inline(__always) static func isLetterOrDigit(_ text: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Bool {
        guard end > 0 else { return false }
        return isLetterOrDigit(text, at: characterStart(text, endingAt: end))
    }

    /// Start of the UTF-8 character that ends just before `end` (`end` > 0).
    @inline(__always) static func characterStart(_ text: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Int {
        var start = end - 1
        while start > 0 && end - start < 4 && text[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// Characters that glue numbers into a longer reference (`12-345`, `2019/73`, `1.5`, `+46`).
    @inline(__always) static func isJoiner(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+")
    }

    /// True when `literal` (ASCII, case-sensitive) occurs in `text` at `position`.
    static func hasLiteral(_ text: UnsafeBufferPointer<UInt8>, at position: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position >= 0, position + count <= text.count else { return false }
        return literal.withUTF8Buffer { bytes in
            for offset in 0..<count where text[position + offset] != bytes[offset] { return false }
            return true
        }
    }

    /// Lower-cases ASCII and the Latin-1 capitals (Å Ä Ö É …, `C3 80–9E` except ×) in UTF-8.
    /// Byte lengths stay the same, so positions in the result match positions in the input.
    static func lowered<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        var out = Array(bytes)
        var index = 0
        while index < out.count {
            let byte = out[index]
            if isUpper(byte) {
                out[index] = byte | 0x20
            } else if byte == 0xC3 && index + 1 < out.count && out[index + 1] >= 0x80 && out[index + 1] <= 0x9E
                        && out[index + 1] != 0x97 {
                out[index + 1] += 0x20
                index += 1
            }
            index += 1
        }
        return out
    }

    /// Digit value of an ASCII digit.
    @inline(__always) static func value(_ byte: UInt8) -> UInt8 { byte &- 0x30 }
}

/// Where a number may start and end: not inside a word or a longer number.
enum NumberBoundary {
    /// True when the bytes before `start` do not continue a word or a number: no letter
    /// or digit right before it, and no `digit-`, `digit/`, `digit.`, `digit+`.
    static func startsClean(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start > 0 else { return true }
        let previous = text[start - 1]
        if ByteClass.isLetterOrDigit(text, endingAt: start) { return false }
        if start > 1 && ByteClass.isJoiner(previous) && ByteClass.isDigit(text[start - 2]) { return false }
        return true
    }

    /// True when the bytes from `end` do not continue the number: no letter or digit, and
    /// no `-digit`, `/digit`, `.digit`, `,digit`.
    static func endsClean(_ text: UnsafeBufferPointer<UInt8>, at end: Int) -> Bool {
        guard end < text.count else { return true }
        let next = text[end]
        if ByteClass.isLetterOrDigit(text, at: end) { return false }
        if end + 1 < text.count && (ByteClass.isJoiner(next) || next == UInt8(ascii: ","))
            && ByteClass.isDigit(text[end + 1]) { return false }
        return true
    }

    static func isClean(_ text: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> Bool {
        startsClean(text, at: span.lowerBound) && endsClean(text, at: span.upperBound)
    }

    /// U+00A0 (`C2 A0`), common in word-processor text between number groups.
    @inline(__always) static func isNonBreakingSpace(_ text: UnsafeBufferPointer<UInt8>, startingAt start: Int) -> Bool {
        start + 1 < text.count && text[start] == 0xC2 && text[start + 1] == 0xA0
    }
}
