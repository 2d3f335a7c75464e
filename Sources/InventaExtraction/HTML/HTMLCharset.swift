import CLibXML2

/// Decides which character encoding to hand libxml2's HTML parser, in the order a
/// browser uses: byte-order mark, then the declared charset (`<meta charset>`,
/// `<meta http-equiv="Content-Type" content="…; charset=…">`, or the XML declaration
/// of XHTML) in the first 4 KB, then the bytes themselves: valid UTF-8 is UTF-8,
/// anything else Windows-1252. Like browsers (WHATWG), a declared ISO-8859-1 or ASCII
/// is read as Windows-1252, its superset. An encoding libxml2 does not know is ignored.
enum HTMLCharset {
    static func encoding(of bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        let head = Array(bytes.prefix(4096))
        if let declared = declared(in: head), let name = normalised(declared) { return name }
        return TextEncoding.detect(head) == .utf8 ? "UTF-8" : "windows-1252"
    }

    /// The value after the first `charset=` or `encoding=` in `head` (ASCII, case-insensitive).
    static func declared(in head: [UInt8]) -> String? {
        let lower = head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        for key in ["charset=", "encoding="] {
            let needle = Array(key.utf8)
            guard lower.count > needle.count else { continue }
            for start in 0...(lower.count - needle.count) where lower[start..<(start + needle.count)].elementsEqual(needle) {
                var index = start + needle.count
                while index < lower.count && (lower[index] == 0x22 || lower[index] == 0x27 || lower[index] == 0x20) { index += 1 }
                var end = index
                while end < lower.count && isNameByte(lower[end]) { end += 1 }
                if end > index { return String(decoding: lower[index..<end], as: UTF8.self) }
            }
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F || byte == 0x3A || byte == 0x2E
    }

    /// The name libxml2 should use for a declared charset, or nil when it cannot decode it.
    private static func normalised(_ declared: String) -> String? {
        switch declared {
        case "utf-8", "utf8": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252":
            return "windows-1252"
        case "utf-16", "utf-16le", "utf-16be":
            return nil // a declaration in ASCII bytes cannot be UTF-16; trust the bytes instead
        default:
            guard let handler = xmlFindCharEncodingHandler(declared) else { return nil }
            xmlCharEncCloseFunc(handler)
            return declared
        }
    }
}
