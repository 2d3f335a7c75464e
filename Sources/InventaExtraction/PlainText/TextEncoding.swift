/// The character encodings met in Swedish plain-text files, detected from bytes:
/// a byte-order mark decides UTF-8 or UTF-16; otherwise valid UTF-8 is UTF-8 and
/// anything else is Windows-1252 (the legacy encoding of Swedish Windows files,
/// a superset of ISO-8859-1 for printable text), so å, ä and ö come out right.
public enum TextEncoding: Sendable, Equatable {
    case utf8
    /// UTF-8 with some invalid bytes among it (a mostly-text file): each bad byte becomes U+FFFD.
    case utf8Lossy
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

    /// The encoding of a head that `detect` rejects but that is still mostly text: a log or
    /// an export with a few control bytes, NULs or invalid sequences among its lines (at
    /// most one byte in ten a control byte, one in a hundred a NUL, and, unless it is
    /// UTF-8, at most a quarter of its bytes above 0x7F). Nil for real binary data. The text
    /// is then read lossily: the odd bytes come out as they decode.
    public static func detectMostlyText(_ head: [UInt8]) -> TextEncoding? {
        guard head.count >= 16 else { return nil }
        var controls = 0, nuls = 0
        var clean: [UInt8] = []
        clean.reserveCapacity(head.count)
        for byte in head {
            if byte == 0 { nuls += 1 }
            if byte < 0x09 || (byte > 0x0D && byte < 0x20 && byte != 0x1B) || byte == 0x7F { controls += 1 } else { clean.append(byte) }
        }
        guard controls * 10 <= head.count, nuls * 100 <= head.count else { return nil }
        if isValidUTF8(clean, allowTruncatedEnd: true) { return .utf8 }
        // Stray high bytes among well-formed UTF-8 letters: UTF-8 with replacements, not Windows-1252 mojibake.
        var valid = 0, stray = 0, i = 0
        while i < clean.count {
            let byte = clean[i]
            let length = byte < 0x80 ? 1 : byte >= 0xC2 && byte <= 0xDF ? 2 : byte >= 0xE0 && byte <= 0xEF ? 3 : byte >= 0xF0 && byte <= 0xF4 ? 4 : 0
            if length > 1, i + length <= clean.count, clean[(i + 1)..<(i + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) {
                valid += 1
                i += length
            } else {
                if byte >= 0x80 { stray += 1 }
                i += 1
            }
        }
        if valid >= stray && valid > 0 { return .utf8Lossy }
        // Windows-1252 text has a letter with a diacritic here and there; random data has half its bytes high.
        return stray * 4 <= clean.count ? .windows1252 : nil
    }

    /// Length of the byte-order mark this encoding starts a file with, when present.
    public func bomLength(_ head: [UInt8]) -> Int {
        switch self {
        case .utf8, .utf8Lossy: return head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        case .utf16LE, .utf16BE: return 2
        case .windows1252: return 0
        }
    }

    /// Moves `offset` back to the start of a character so a chunk never splits one.
    public func characterBoundary(in bytes: [UInt8], before offset: Int) -> Int {
        switch self {
        case .windows1252: return offset
        case .utf16LE, .utf16BE: return offset & ~1
        case .utf8, .utf8Lossy:
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
        case .utf8Lossy:
            return String(decoding: bytes, as: UTF8.self)
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
