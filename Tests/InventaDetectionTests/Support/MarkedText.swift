import Testing
@testable import InventaDetection

/// A test input with the expected values marked inline: `"Ring «070-174 06 05» nu"`.
/// `text` is the input without the markers; `spans` are the UTF-8 byte ranges the
/// markers enclosed, in order. No markers means no match is expected.
struct MarkedText: CustomTestStringConvertible {
    let source: String
    let text: String
    let spans: [Range<Int>]

    init(_ source: String) {
        self.source = source
        let open = Array("«".utf8)
        let close = Array("»".utf8)
        let bytes = Array(source.utf8)
        var out: [UInt8] = []
        var spans: [Range<Int>] = []
        var start: Int?
        var index = 0
        while index < bytes.count {
            if bytes[index...].starts(with: open) {
                start = out.count
                index += open.count
            } else if bytes[index...].starts(with: close), let from = start {
                spans.append(from..<out.count)
                start = nil
                index += close.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        self.text = String(decoding: out, as: UTF8.self)
        self.spans = spans
    }

    /// The values the markers enclosed.
    var values: [String] {
        let bytes = Array(text.utf8)
        return spans.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    var testDescription: String { source }
}

/// Runs `matcher` over `text` and returns its candidates; `accepted` drops rejected ones,
/// as the rule engine does.
func candidates(of matcher: some Matcher, in text: String, accepted: Bool = true) -> [Candidate] {
    var found: [Candidate] = []
    var copy = text
    copy.withUTF8 { bytes in
        matcher.candidates(in: bytes) { found.append($0) }
    }
    return accepted ? found.filter { $0.validation != .rejected } : found
}

/// The first accepted candidate in `text`, for normalisation and masking checks.
func firstCandidate(of matcher: some Matcher, in text: String) -> Candidate? {
    candidates(of: matcher, in: text).first
}

/// The start and end of every digit run in `text`, via `DigitRuns.forEach`.
func digitRuns(in text: String) -> [Range<Int>] {
    var runs: [Range<Int>] = []
    var copy = text
    copy.withUTF8 { bytes in DigitRuns.forEach(in: bytes) { start, end in runs.append(start..<end); return end } }
    return runs
}
