/// Byte classes shared by the hand-written scanners. All work on UTF-8 bytes; any
/// byte of a multi-byte character (å, ä, ö, é …) counts as part of a word, so a
/// number glued to a Swedish word is never taken for a stand-alone value.
enum ByteClass {
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always) static func isASCIILetter(_ byte: UInt8) -> Bool { ((byte | 0x20) &- 0x61) < 26 }

    @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }

    @inline(__always) static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isASCIILetter(byte) }

    /// ASCII letters and digits, and every byte of a multi-byte UTF-8 character.
    @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte >= 0x80 }

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

    /// Digit value of an ASCII digit.
    @inline(__always) static func value(_ byte: UInt8) -> UInt8 { byte &- 0x30 }
}

/// Where a number may start and end: not inside a word or a longer number.
enum NumberBoundary {
    /// True when the bytes before `start` do not continue a word or a number: no letter,
    /// digit or multi-byte character right before it, and no `digit-`, `digit/`, `digit.`, `digit+`.
    static func startsClean(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start > 0 else { return true }
        let previous = text[start - 1]
        if ByteClass.isWordByte(previous) && !isNonBreakingSpace(text, endingAt: start) { return false }
        if start > 1 && ByteClass.isJoiner(previous) && ByteClass.isDigit(text[start - 2]) { return false }
        return true
    }

    /// True when the bytes from `end` do not continue the number: no letter, digit or
    /// multi-byte letter, and no `-digit`, `/digit`, `.digit`, `,digit`.
    static func endsClean(_ text: UnsafeBufferPointer<UInt8>, at end: Int) -> Bool {
        guard end < text.count else { return true }
        let next = text[end]
        if ByteClass.isWordByte(next) && !isNonBreakingSpace(text, startingAt: end) { return false }
        if end + 1 < text.count && (ByteClass.isJoiner(next) || next == UInt8(ascii: ","))
            && ByteClass.isDigit(text[end + 1]) { return false }
        return true
    }

    static func isClean(_ text: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> Bool {
        startsClean(text, at: span.lowerBound) && endsClean(text, at: span.upperBound)
    }

    /// U+00A0 (`C2 A0`), common in word-processor text between number groups.
    @inline(__always) static func isNonBreakingSpace(_ text: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Bool {
        end >= 2 && text[end - 2] == 0xC2 && text[end - 1] == 0xA0
    }

    @inline(__always) static func isNonBreakingSpace(_ text: UnsafeBufferPointer<UInt8>, startingAt start: Int) -> Bool {
        start + 1 < text.count && text[start] == 0xC2 && text[start + 1] == 0xA0
    }
}
