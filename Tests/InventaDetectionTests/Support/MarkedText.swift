/// Test input with expected spans marked inline: `"Pnr «850101-2382» ok"` is the
/// text `"Pnr 850101-2382 ok"` with one expected span over the number. Spans are
/// UTF-8 byte offsets, like the detectors report them.
struct MarkedText: CustomStringConvertible {
    let text: String
    let spans: [Range<Int>]

    init(_ marked: String) {
        var text = ""
        var spans: [Range<Int>] = []
        var start: Int?
        for character in marked {
            switch character {
            case "«": start = text.utf8.count
            case "»":
                if let begin = start { spans.append(begin..<text.utf8.count) }
                start = nil
            default: text.append(character)
            }
        }
        self.text = text
        self.spans = spans
    }

    /// The substrings at the marked spans.
    var values: [String] {
        let bytes = Array(text.utf8)
        return spans.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    var description: String { text }
}
