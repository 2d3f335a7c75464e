/// RFC 2047 encoded words in headers (`=?ISO-8859-1?Q?Tolvan_Tests=F6n?=`,
/// `=?UTF-8?B?...?=`): decoded in their charset; whitespace between two adjacent
/// encoded words is dropped, as the RFC says, so split names join up again.
enum EncodedWord {
    static func decode(_ header: String) -> String {
        guard header.contains("=?") else { return header }
        var output = ""
        var rest = Substring(header)
        var pendingSpace = ""
        var lastWasEncoded = false
        while let start = rest.firstRange(of: "=?") {
            let before = rest[..<start.lowerBound]
            guard let word = parse(rest[start.lowerBound...]) else {
                output += pendingSpace + before + "=?"
                pendingSpace = ""
                lastWasEncoded = false
                rest = rest[start.upperBound...]
                continue
            }
            let onlySpace = before.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
            if !(lastWasEncoded && onlySpace) { output += pendingSpace + before }
            output += word.text
            pendingSpace = ""
            lastWasEncoded = true
            rest = rest[word.end...]
        }
        return output + pendingSpace + rest
    }

    /// One encoded word at the start of `text`: its decoded text and where it ends.
    private static func parse(_ text: Substring) -> (text: String, end: Substring.Index)? {
        let parts = text.dropFirst(2).split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[3].hasPrefix("="), parts[1].count == 1, !parts[0].isEmpty,
              !parts[2].contains(" ") else { return nil }
        let charset = parts[0].split(separator: "*").first.map(String.init) // RFC 2231 language suffix
        let payload = Array(parts[2].utf8)
        let bytes: [UInt8]
        switch parts[1].uppercased() {
        case "B": bytes = TransferDecoding.base64(payload)
        case "Q": bytes = TransferDecoding.quotedPrintable(payload, underscoreIsSpace: true)
        default: return nil
        }
        let end = text.index(parts[3].startIndex, offsetBy: 1)
        return (MailCharset.decode(bytes, charset: charset), end)
    }
}
