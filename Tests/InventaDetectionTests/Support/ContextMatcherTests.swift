import InventaDetection
import Testing

@Suite struct ContextMatcherTests {
    @Test("word starts, short words whole, Swedish capitals", arguments: [
        ("Tel: 8304042388", ["tel"]),
        ("Hotell 8304042388", []),
        ("PERSONNUMMER 8304042388", ["personnummer"]),
        ("FÖDELSENUMMER 8304042388", ["födelsenummer"]),
        ("bgx 8304042388", []),
    ])
    func finds(text: String, expected: [String]) {
        let matcher = ContextMatcher(words: ["tel", "personnummer", "födelsenummer", "bg"], before: 40, after: 10)
        let bytes = Array(text.utf8)
        let start = bytes.count - 10
        let found = bytes.withUnsafeBufferPointer { matcher.find(in: $0, around: start..<bytes.count) }
        #expect(found == expected)
    }
}

@Suite struct ContextWindowTests {
    /// A label after a line break or a tab names the next field: the next line, or the next
    /// cell of a spreadsheet row (`Personnummer: 830404-2388<TAB>Konto: 5666-…`).
    @Test func labelOnTheNextLineOrInTheNextCellDoesNotCount() {
        let matcher = ContextMatcher(words: ["tel"], before: 40, after: 24)
        for (text, expected) in [("830404-2388\nTel 070", [String]()), ("830404-2388\tTel: 070", [String]()),
                                 ("830404-2388 tel 070", ["tel"])] {
            let bytes = Array(text.utf8)
            let found = bytes.withUnsafeBufferPointer { matcher.find(in: $0, around: 0..<11) }
            #expect(found == expected)
        }
    }
}
