/// The character encodings met in Swedish plain-text files, detected from bytes:
/// a byte-order mark decides UTF-8 or UTF-16; otherwise valid UTF-8 is UTF-8 and
/// anything else is Windows-1252 (the legacy encoding of Swedish Windows files,
/// a superset of ISO-8859-1 for printable text), so å, ä and ö come out right.
public enum TextEncoding: Sendable, Equatable {
    case utf8
    case utf16LE
    case utf16BE
    case windows1252

    /// The encoding of a file starting with `head`, or nil when it does not look like text
    /// (NUL bytes without a UTF-16 byte-order mark, or many control characters).
    public static func detect(_ head: [UInt8]) -> TextEncoding? {
        if head.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if head.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        var controls = 0
        for byte in head {
            if byte == 0 { return nil }
            if byte < 0x09 || (byte > 0x0D && byte < 0x20 && byte != 0x1B) { controls += 1 }
        }
        if controls * 20 > head.count { return nil }
        return isValidUTF8(head, allowTruncatedEnd: true) ? .utf8 : .windows1252
    }

    /// Length of the byte-order mark this encoding starts a file with, when present.
    public func bomLength(_ head: [UInt8]) -> Int {
        switch self {
        case .utf8: return head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        case .utf16LE, .utf16BE: return 2
        case .windows1252: return 0
        }
    }

    /// Moves `offset` back to the start of a character so a chunk never splits one.
    public func characterBoundary(in bytes: [UInt8], before offset: Int) -> Int {
        switch self {
        case .windows1252: return offset
        case .utf16LE, .utf16BE: return offset & ~1
        case .utf8:
            var index = offset
            while index > 0 && index < bytes.count && (bytes[index] & 0xC0) == 0x80 { index -= 1 }
            return index
        }
    }

    /// Decodes bytes to a string. UTF-8 that turns out invalid in this stretch is read as
    /// Windows-1252 instead, so a file that mixes both still reads correctly.
    public func decode(_ bytes: ArraySlice<UInt8>) -> String {
        switch self {
        case .utf8:
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            return TextEncoding.decodeWindows1252(bytes)
        case .windows1252:
            return TextEncoding.decodeWindows1252(bytes)
        case .utf16LE, .utf16BE:
            var units = [UInt16]()
            units.reserveCapacity(bytes.count / 2)
            var index = bytes.startIndex
            while index + 1 < bytes.endIndex {
                let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
                units.append(self == .utf16LE ? a | b << 8 : a << 8 | b)
                index += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
    }

    static func isValidUTF8(_ bytes: [UInt8], allowTruncatedEnd: Bool) -> Bool {
        if String(validating: bytes, as: UTF8.self) != nil { return true }
        guard allowTruncatedEnd else { return false }
        // The head may end inside a multi-byte character: drop up to 3 trailing bytes and retry.
        var end = bytes.count
        var dropped = 0
        while end > 0 && dropped < 3 && (bytes[end - 1] & 0x80) != 0 {
            end -= 1
            dropped += 1
            if String(validating: bytes[0..<end], as: UTF8.self) != nil { return true }
        }
        return false
    }

    /// Windows-1252: Latin-1 except 0x80–0x9F, which hold €, typographic quotes, dashes and more.
    static func decodeWindows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte >= 0x80 && byte <= 0x9F, let scalar = Unicode.Scalar(cp1252High[Int(byte - 0x80)]) {
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// The Unicode scalar value of one Windows-1252 byte.
    static func windows1252Scalar(_ byte: UInt8) -> UInt32 {
        byte >= 0x80 && byte <= 0x9F ? cp1252High[Int(byte - 0x80)] : UInt32(byte)
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
