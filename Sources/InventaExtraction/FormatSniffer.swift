import InventaModel

/// Recognises a file's format from its first bytes; the extension is only a
/// tie-breaker (between CSV and plain text). A renamed file is read for what it is.
public enum FormatSniffer {
    public static let headLength = 8192

    public static func sniff(head: [UInt8], fileName: String) -> FileFormat {
        if head.isEmpty { return .text }
        if let format = magic(head) { return format }
        if let mail = MailSniffer.sniff(head) { return mail }
        if TextEncoding.detect(head) != nil {
            return looksLikeHTML(head) ? .html : textKind(fileName)
        }
        return .binary
    }

    private static func magic(_ head: [UInt8]) -> FileFormat? {
        func starts(_ bytes: [UInt8]) -> Bool { head.starts(with: bytes) }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .doc }
        if starts(Array("{\\rtf".utf8)) { return .rtf }
        if starts([0x89, 0x50, 0x4E, 0x47]) || starts([0xFF, 0xD8, 0xFF]) || starts(Array("GIF8".utf8))
            || starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .image }
        return nil
    }

    private static func looksLikeHTML(_ head: [UInt8]) -> Bool {
        let prefix = String(decoding: head.prefix(512), as: UTF8.self).lowercased()
        let trimmed = prefix.drop(while: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" })
        return trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html")
    }

    private static func textKind(_ fileName: String) -> FileFormat {
        let lower = fileName.lowercased()
        return lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") ? .csv : .text
    }
}
