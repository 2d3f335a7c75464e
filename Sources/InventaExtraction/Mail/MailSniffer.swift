import InventaModel

/// Recognises e-mail by content: an RFC 822 header block at the start (`.eml`), or a
/// `From ` envelope line followed by headers (`.mbox`). A text file that merely starts
/// with `Subject:` is not mail: at least two known header fields are needed, one of
/// them a field only real messages carry (From, Received, MIME-Version, …).
enum MailSniffer {
    static let knownFields: Set<String> = [
        "from", "to", "cc", "bcc", "subject", "date", "received", "mime-version", "return-path", "message-id",
        "delivered-to", "reply-to", "content-type", "content-transfer-encoding", "x-mailer", "user-agent",
        "dkim-signature", "authentication-results", "in-reply-to", "references", "sender", "thread-topic",
    ]
    static let messageFields: Set<String> = ["from", "received", "mime-version", "return-path", "message-id", "delivered-to"]

    static func sniff(_ head: [UInt8]) -> FileFormat? {
        var lines = head.split(separator: 0x0A, maxSplits: 60, omittingEmptySubsequences: false).dropLast()
        guard let first = lines.first else { return nil }
        var format = FileFormat.eml
        if first.starts(with: Array("From ".utf8)) {
            format = .mbox
            lines = lines.dropFirst()
        }
        var known = Set<String>()
        var messageLike = false
        for (index, line) in lines.enumerated() {
            let line = line.last == 0x0D ? line.dropLast() : line
            if line.isEmpty { break }
            if line.first == 0x20 || line.first == 0x09 { continue }
            guard let name = fieldName(line) else { return nil }
            if index == 0 && format == .mbox && !knownFields.contains(name) && !name.hasPrefix("x-") { return nil }
            if knownFields.contains(name) { known.insert(name) }
            if messageFields.contains(name) { messageLike = true }
        }
        return known.count >= 2 && messageLike ? format : nil
    }

    /// The lower-cased field name of a header line `Name: value`, or nil when it is not one.
    static func fieldName(_ line: ArraySlice<UInt8>) -> String? {
        guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex, colon - line.startIndex <= 76 else { return nil }
        for byte in line[line.startIndex..<colon] where !(byte > 0x20 && byte < 0x7F) { return nil }
        return String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
    }
}
