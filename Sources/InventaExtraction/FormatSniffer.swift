import InventaModel

/// Recognises a file's format from its content: magic bytes, and for OLE2 compound
/// files the names in their directory. The extension is only a tie-breaker (CSV or
/// plain text). A renamed file is read for what it is: a `.pdf` that holds HTML is HTML.
public enum FormatSniffer {
    public static let headLength = 8192

    /// The format of a document starting with `head`. Compound files come out as `.ole`;
    /// `sniff(_:head:fileName:)` looks inside them.
    public static func sniff(head: [UInt8], fileName: String) -> FileFormat {
        if head.isEmpty { return .text }
        if let format = magic(head) { return format }
        if let mail = MailSniffer.sniff(head) { return mail }
        if TextEncoding.detect(head) != nil {
            if looksLikeRTF(head) { return .rtf }
            if looksLikeHTML(head) { return .html }
            return looksLikePDF(head) ? .pdf : textKind(fileName)
        }
        if looksLikePDF(head) { return .pdf }
        if TextEncoding.detectMostlyText(head) != nil { return textKind(fileName) }
        return .binary
    }

    /// Like `sniff(head:fileName:)`, and tells Word, Excel, PowerPoint and Outlook
    /// compound files apart by reading their directory from `input`.
    public static func sniff(_ input: ExtractionInput, head: [UInt8], fileName: String) -> FileFormat {
        let format = sniff(head: head, fileName: fileName)
        guard format == .ole else { return format }
        return CompoundFile.format(of: input) ?? .ole
    }

    /// The format a file's extension claims, for the formats whose garbage should say
    /// `failed: corrupt` rather than `unsupported: binary` (a `.pdf` of random bytes is a
    /// broken PDF to the user, not an unknown format).
    public static func claimedFormat(fileName: String) -> FileFormat? {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "pdf": return .pdf
        case "rtf": return .rtf
        case "html", "htm", "xhtml": return .html
        case "csv", "tsv": return .csv
        case "docx", "docm", "dotx": return .docx
        case "xlsx", "xlsm", "xltx": return .xlsx
        case "pptx", "pptm", "potx": return .pptx
        case "odt", "ott": return .odt
        case "ods", "ots": return .ods
        case "odp", "otp": return .odp
        case "zip": return .zip
        case "eml": return .eml
        case "mbox": return .mbox
        case "doc", "dot": return .doc
        case "xls", "xlt": return .xls
        case "ppt", "pps", "pot": return .ppt
        case "msg": return .msg
        default: return nil
        }
    }

    private static func magic(_ head: [UInt8]) -> FileFormat? {
        func starts(_ bytes: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + bytes.count && head[offset..<(offset + bytes.count)].elementsEqual(bytes)
        }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if starts(CompoundFile.signature) { return .ole }
        if starts(Array("{\\rtf".utf8)) { return .rtf }
        let isImage = starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])      // PNG
            || starts([0xFF, 0xD8, 0xFF])                                            // JPEG
            || starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8))
            || starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A])  // TIFF
            || (starts(Array("BM".utf8)) && head.count >= 26 && starts([0, 0, 0, 0], at: 6)) // BMP: reserved words zero
            || (starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8))
            || (starts(Array("ftyp".utf8), at: 4) && isHEIFBrand(head))
            || starts([0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20])              // JPEG 2000
        return isImage ? .image : nil
    }

    /// HEIC/HEIF/AVIF photos from phones: an ISO media box whose brand is an image brand.
    private static func isHEIFBrand(_ head: [UInt8]) -> Bool {
        guard head.count >= 12 else { return false }
        let brand = String(decoding: head[8..<12], as: UTF8.self)
        return ["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1", "avif"].contains(brand)
    }

    /// `%PDF-` after some junk (a mail header or a BOM before it); readers accept it within 1 KB.
    private static func looksLikePDF(_ head: [UInt8]) -> Bool {
        let marker = Array("%PDF-".utf8)
        let window = head.prefix(1024)
        guard window.count >= marker.count else { return false }
        for start in window.startIndex...(window.endIndex - marker.count)
        where window[start] == 0x25 && window[start..<(start + marker.count)].elementsEqual(marker) {
            return true
        }
        return false
    }

    /// `{\rtf` after a byte-order mark or blank lines.
    private static func looksLikeRTF(_ head: [UInt8]) -> Bool {
        let trimmed = leadingTrimmed(head.prefix(64))
        return trimmed.starts(with: Array("{\\rtf".utf8))
    }

    /// An HTML document or fragment: a doctype, an `<html>` element (also after an XML
    /// declaration or comments, as in XHTML), or a document starting with a common HTML tag.
    static func looksLikeHTML(_ head: [UInt8]) -> Bool {
        let prefix = String(decoding: head.prefix(1024), as: UTF8.self).lowercased()
        var rest = Substring(prefix)
        while true {
            rest = rest.drop(while: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" })
            if rest.hasPrefix("<?xml") || rest.hasPrefix("<!--") {
                let end = rest.hasPrefix("<!--") ? "-->" : "?>"
                guard let close = after(end, in: rest) else { return false }
                rest = rest[close...]
                continue
            }
            break
        }
        if rest.hasPrefix("<!doctype html") { return true }
        let tags = ["<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<table", "<h1", "<h2", "<ul", "<span", "<font", "<br"]
        return tags.contains { rest.hasPrefix($0) }
    }

    /// The index just past the first `needle` in `text`.
    private static func after(_ needle: String, in text: Substring) -> Substring.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix(needle) { return text.index(index, offsetBy: needle.count) }
            index = text.index(after: index)
        }
        return nil
    }

    private static func leadingTrimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        return slice.drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
    }

    private static func textKind(_ fileName: String) -> FileFormat {
        let lower = fileName.lowercased()
        return lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") ? .csv : .text
    }
}
