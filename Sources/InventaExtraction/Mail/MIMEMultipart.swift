/// Splits the body of a `multipart/*` part at its boundary lines (`--boundary`, closed by
/// `--boundary--`). The preamble and epilogue are dropped; a missing closing line (a
/// truncated message) still yields the parts read so far.
enum MIMEMultipart {
    static func parts(of body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            let lineEnd = body[lineStart...].firstIndex(of: 0x0A) ?? body.endIndex
            let next = min(lineEnd + 1, body.endIndex)
            if body[lineStart...].starts(with: delimiter) {
                let after = body[(lineStart + delimiter.count)..<lineEnd]
                let closing = after.starts(with: [0x2D, 0x2D])
                if closing || after.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    if let start = partStart { parts.append(body[start..<trimLineEnd(body, lineStart)]) }
                    if closing { return parts }
                    partStart = next
                }
            }
            lineStart = next
        }
        if let start = partStart, start < body.endIndex { parts.append(body[start..<body.endIndex]) }
        return parts
    }

    /// The line break before a boundary belongs to the boundary, not to the part.
    private static func trimLineEnd(_ body: ArraySlice<UInt8>, _ index: Int) -> Int {
        var end = index
        if end > body.startIndex && body[end - 1] == 0x0A { end -= 1 }
        if end > body.startIndex && body[end - 1] == 0x0D { end -= 1 }
        return end
    }
}
