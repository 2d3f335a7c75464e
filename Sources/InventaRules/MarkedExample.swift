/// An example text with its expected value marked `«like this»`: the text without
/// the marks, and the marked value's UTF-8 byte range in that text. Used by rule
/// examples and by table-driven tests.
public struct MarkedExample: Sendable, Equatable {
    public var text: String
    /// UTF-8 byte offsets of the marked value in `text`; nil when nothing is marked.
    public var span: Range<Int>?

    public var value: String? {
        span.map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) }
    }

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unmarked, unbalanced, several, empty

        public var description: String {
            switch self {
            case .unmarked: return "no value marked with «…»"
            case .unbalanced: return "unbalanced « and »"
            case .several: return "more than one value marked with «…»"
            case .empty: return "the marked value «» is empty"
            }
        }
    }

    /// Parses a `match` example: exactly one non-empty `«…»`.
    public static func parse(_ example: String) throws(Problem) -> MarkedExample {
        let parsed = try parseAny(example)
        guard let span = parsed.span else { throw .unmarked }
        guard !span.isEmpty else { throw .empty }
        return parsed
    }

    /// Parses a text with at most one `«…»` (a `no_match` example has none).
    public static func parseAny(_ example: String) throws(Problem) -> MarkedExample {
        var text = ""
        var start: Int?
        var end: Int?
        var bytes = 0
        for character in example {
            switch character {
            case "«":
                guard start == nil else { throw start != nil && end == nil ? .unbalanced : .several }
                start = bytes
            case "»":
                guard start != nil, end == nil else { throw start == nil ? .unbalanced : .several }
                end = bytes
            default:
                text.append(character)
                bytes += character.utf8.count
            }
        }
        switch (start, end) {
        case (nil, nil): return MarkedExample(text: text, span: nil)
        case (let start?, let end?): return MarkedExample(text: text, span: start..<end)
        default: throw .unbalanced
        }
    }
}
