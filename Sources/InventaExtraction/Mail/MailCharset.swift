/// Decodes bytes in the charset a mail part declares. Covers what Swedish mail
/// actually uses: UTF-8, ISO-8859-1 (read as its superset Windows-1252, which mail
/// labelled Latin-1 often really is), Windows-1252, ISO-8859-15 and UTF-16. An unknown
/// or missing charset is read as UTF-8 when valid, else Windows-1252.
enum MailCharset {
    static func decode<C: Collection>(_ bytes: C, charset: String?) -> String where C.Element == UInt8 {
        let slice = ArraySlice(bytes)
        switch normalized(charset) {
        case "utf8": return String(decoding: slice, as: UTF8.self)
        case "iso88591", "latin1", "usascii", "ascii", "windows1252", "cp1252", "iso885915", "latin9":
            let text = TextEncoding.decodeWindows1252(slice)
            return normalized(charset).hasPrefix("iso885915") || normalized(charset) == "latin9" ? latin9(text) : text
        case "utf16", "utf16le": return TextEncoding.utf16LE.decode(slice)
        case "utf16be": return TextEncoding.utf16BE.decode(slice)
        default:
            return String(validating: slice, as: UTF8.self) ?? TextEncoding.decodeWindows1252(slice)
        }
    }

    private static func normalized(_ charset: String?) -> String {
        String((charset ?? "").lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    }

    /// ISO-8859-15 differs from Latin-1 in eight places (€ among them).
    private static func latin9(_ text: String) -> String {
        let map: [Character: Character] = ["¤": "€", "¦": "Š", "¨": "š", "´": "Ž", "¸": "ž", "¼": "Œ", "½": "œ", "¾": "Ÿ"]
        return String(text.map { map[$0] ?? $0 })
    }
}
