import InventaModel

/// E-mail messages (`.eml`, and each message of an mbox). Scans the addressing headers
/// (From, To, Cc, Bcc, Reply-To: part `header`) and the subject (part `subject`), the
/// readable body (part `body`, line numbers), and hands every attachment and attached
/// message to `context.extractMember` (`mail.eml!bilaga.docx`), so attachments are
/// sniffed and read like files.
///
/// MIME: multipart at any depth, base64 and quoted-printable, RFC 2047 headers, RFC 2231
/// file names, charsets per `MailCharset`. In `multipart/alternative` the plain-text
/// version is read and the HTML twin skipped (same words); an HTML-only body goes to the
/// registered HTML extractor, or to `HTMLTextFallback` when there is none.
public struct EmlExtractor: Extractor {
    public init() {}

    static let addressFields = ["from", "to", "cc", "bcc", "reply-to", "sender"]
    static let maxNesting = 30

    public func extract(_ input: ExtractionInput, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        let bytes = try input.readAll(limit: context.limits.maxMemberBytes)
        let (headers, bodyStart) = MIMEHeaders.parse(bytes[...])
        guard !headers.fields.isEmpty else { throw ExtractionError.corrupt("e-mail: no header fields") }
        EmlExtractor.emitHeaders(headers, emit: emit)
        var walker = MIMEWalker(context: context)
        try walker.walk(headers: headers, body: bytes[bodyStart...], depth: 0, emit: emit)
        if let first = walker.limited.first { throw ExtractionError.limitExceeded(first) }
    }

    static func emitHeaders(_ headers: MIMEHeaders, emit: (TextUnit) -> Void) {
        let lines = headers.fields.filter { addressFields.contains($0.name) }
            .map { "\(displayName($0.name)): \(EncodedWord.decode($0.value))" }
        if !lines.isEmpty { emit(TextUnit(text: lines.joined(separator: "\n") + "\n", location: Location(line: 1, part: "header"))) }
        if let subject = headers["subject"] { emit(TextUnit(text: EncodedWord.decode(subject), location: Location(part: "subject"))) }
    }

    private static func displayName(_ field: String) -> String {
        field.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "-")
    }
}

/// Walks one message's MIME tree, emitting bodies and extracting attachments.
struct MIMEWalker {
    let context: ExtractionContext
    private var attachmentCount = 0
    /// Limits met inside attachments, reported as the message's own outcome at the end.
    private(set) var limited: [String] = []

    init(context: ExtractionContext) {
        self.context = context
    }

    mutating func walk(headers: MIMEHeaders, body: ArraySlice<UInt8>, depth: Int, emit: (TextUnit) -> Void) throws(ExtractionError) {
        guard depth <= EmlExtractor.maxNesting else { throw ExtractionError.limitExceeded("MIME parts nested deeper than \(EmlExtractor.maxNesting)") }
        let contentType = headers["content-type"]
        let type = MIMEHeaders.mainValue(contentType) ?? "text/plain"
        if type.hasPrefix("multipart/"), let boundary = MIMEHeaders.parameter("boundary", in: contentType) {
            let parts = MIMEMultipart.parts(of: body, boundary: boundary).map(Self.split)
            let hasPlain = type == "multipart/alternative" && parts.contains { MIMEHeaders.mainValue($0.1["content-type"]) ?? "text/plain" == "text/plain" }
            for (part, partHeaders, bodyStart) in parts {
                let partType = MIMEHeaders.mainValue(partHeaders["content-type"]) ?? "text/plain"
                if hasPlain && partType == "text/html" { continue }
                try walk(headers: partHeaders, body: part[bodyStart...], depth: depth + 1, emit: emit)
            }
            return
        }
        let disposition = headers["content-disposition"]
        let fileName = MIMEHeaders.parameter("filename", in: disposition) ?? MIMEHeaders.parameter("name", in: contentType)
        let decoded = TransferDecoding.decode(body, encoding: headers["content-transfer-encoding"])
        let isAttachment = MIMEHeaders.mainValue(disposition) == "attachment" || fileName != nil
        if !isAttachment && (type == "text/plain" || type == "text/html") {
            try readBody(decoded, html: type == "text/html", charset: MIMEHeaders.parameter("charset", in: contentType), emit: emit)
            return
        }
        if type.hasPrefix("multipart/") && !isAttachment { return } // multipart without a boundary: nothing to read
        attachmentCount += 1
        let name = Self.memberName(fileName, type: type, index: attachmentCount)
        try context.budget.openMember()
        try context.budget.spend(bytes: decoded.count)
        if case .partial(let why) = context.extractMember(name: name, bytes: decoded, emit: emit) {
            limited.append("\(name): \(why.dropFirst(why.hasPrefix("limit_exceeded: ") ? 16 : 0))")
        }
    }

    private func readBody(_ bytes: [UInt8], html: Bool, charset: String?, emit: (TextUnit) -> Void) throws(ExtractionError) {
        let text = MailCharset.decode(bytes, charset: charset)
        if html {
            let body = Location(part: "body")
            // Already decoded from the MIME charset: hand it on as UTF-8 with a byte-order mark,
            // which outranks a (possibly wrong) <meta charset> in the HTML.
            let handled = try context.extractInline([0xEF, 0xBB, 0xBF] + Array(text.utf8), as: .html) { unit in
                var unit = unit
                unit.location.part = unit.location.part ?? body.part
                emit(unit)
            }
            if handled { return }
            var collector = TextCollector(location: body)
            collector.append(HTMLTextFallback.text(text))
            collector.flush(emit: emit)
            return
        }
        var collector = TextCollector(location: Location(part: "body"))
        collector.append(text)
        collector.flush(emit: emit)
    }

    private static func split(_ part: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, MIMEHeaders, Int) {
        let (headers, bodyStart) = MIMEHeaders.parse(part)
        return (part, headers, bodyStart)
    }

    /// The attachment's own file name (path parts removed), or a name from its type.
    static func memberName(_ fileName: String?, type: String, index: Int) -> String {
        if let fileName, let last = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last {
            return String(last.map { $0 == "!" ? "_" : $0 }) // `!` separates members in report paths
        }
        let extensions = ["message/rfc822": "eml", "text/plain": "txt", "text/html": "html", "application/pdf": "pdf"]
        return "part-\(index).\(extensions[type] ?? "bin")"
    }
}
