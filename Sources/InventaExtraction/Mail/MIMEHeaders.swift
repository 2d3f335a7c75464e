/// The header block of a message or MIME part: unfolded fields by lower-cased name,
/// and the parameters of structured fields (`Content-Type: text/plain; charset=…`),
/// including RFC 2231 `filename*=UTF-8''…` and split `filename*0=` forms.
struct MIMEHeaders {
    private(set) var fields: [(name: String, value: String)] = []

    /// Parses the header block at the start of `bytes`; returns it and where the body starts.
    static func parse(_ bytes: ArraySlice<UInt8>) -> (MIMEHeaders, body: Int) {
        var headers = MIMEHeaders()
        var index = bytes.startIndex
        var current: [UInt8] = []
        func finish() {
            guard !current.isEmpty, let colon = current.firstIndex(of: 0x3A) else { current = []; return }
            let name = String(decoding: current[..<colon], as: UTF8.self).trimmingSpaces.lowercased()
            let raw = current[(colon + 1)...]
            let value = String(validating: raw, as: UTF8.self) ?? TextEncoding.decodeWindows1252(raw)
            headers.fields.append((name, value.trimmingSpaces))
            current = []
        }
        while index < bytes.endIndex {
            let lineEnd = bytes[index...].firstIndex(of: 0x0A) ?? bytes.endIndex
            var line = bytes[index..<lineEnd]
            if line.last == 0x0D { line = line.dropLast() }
            let next = min(lineEnd + 1, bytes.endIndex)
            if line.isEmpty { finish(); return (headers, next) }
            if line.first == 0x20 || line.first == 0x09 {
                current.append(0x20)
                current += line.drop { $0 == 0x20 || $0 == 0x09 }
            } else {
                finish()
                guard line.contains(0x3A) else { return (headers, index) } // not a header: body starts here
                current = Array(line)
            }
            index = next
        }
        finish()
        return (headers, bytes.endIndex)
    }

    /// The first field with this (lower-case) name.
    subscript(name: String) -> String? { fields.first { $0.name == name }?.value }

    /// `text/plain` from `Content-Type: text/plain; charset=utf-8`, lower-cased.
    static func mainValue(_ field: String?) -> String? {
        guard let field else { return nil }
        return field.split(separator: ";", maxSplits: 1).first.map { String($0).trimmingSpaces.lowercased() }
    }

    /// A parameter of a structured field, decoded (RFC 2231 and RFC 2047).
    static func parameter(_ name: String, in field: String?) -> String? {
        guard let field else { return nil }
        var plain: String?
        var extended: [(index: Int, value: String, encoded: Bool)] = []
        for piece in splitParameters(field).dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let key = piece[..<equals].trimmingSpaces.lowercased()
            var value = piece[piece.index(after: equals)...].trimmingSpaces
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            if key == name { plain = value; continue }
            guard key.hasPrefix(name + "*") else { continue }
            let suffix = key.dropFirst(name.count + 1)
            let encoded = suffix.hasSuffix("*") || suffix.isEmpty
            let index = Int(suffix.hasSuffix("*") ? suffix.dropLast() : suffix) ?? 0
            extended.append((index, value, encoded))
        }
        if !extended.isEmpty { return decode2231(extended.sorted { $0.index < $1.index }) }
        return plain.map(EncodedWord.decode)
    }

    /// Splits on `;` outside quotes.
    private static func splitParameters(_ field: String) -> [String] {
        var pieces: [String] = [], current = "", quoted = false
        for character in field {
            if character == "\"" { quoted.toggle() }
            if character == ";" && !quoted { pieces.append(current); current = "" } else { current.append(character) }
        }
        pieces.append(current)
        return pieces
    }

    /// `UTF-8''Bil%C3%A4ga.docx` → `Biläga.docx` (charset in the first piece only).
    private static func decode2231(_ pieces: [(index: Int, value: String, encoded: Bool)]) -> String {
        var charset: String?
        var bytes: [UInt8] = []
        for (position, piece) in pieces.enumerated() {
            var value = Substring(piece.value)
            if position == 0 && piece.encoded {
                let parts = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if parts.count == 3 { charset = String(parts[0]); value = parts[2] }
            }
            if piece.encoded {
                bytes += TransferDecoding.quotedPrintable(Array(value.utf8).map { $0 == UInt8(ascii: "%") ? UInt8(ascii: "=") : $0 },
                                                          underscoreIsSpace: false)
            } else {
                bytes += Array(value.utf8)
            }
        }
        return MailCharset.decode(bytes, charset: charset)
    }
}
