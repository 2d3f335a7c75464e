/// Finds context words near a match: case-insensitive (ASCII and å, ä, ö, é),
/// at a word start, within a window of bytes before and after the match.
/// Keywords of three letters or fewer must also end at a word end, so `tel`
/// matches `tel:` but not `telling`, and `bg` not `bgx`.
///
/// Immutable and thread-safe. Windows are small (tens of bytes) and candidates
/// rare, so a plain search over a lowered copy of the window is fast enough.
public struct ContextMatcher: Sendable {
    public struct Keyword: Sendable {
        let bytes: [UInt8]
        let needsWordEnd: Bool
        public let word: String
    }

    public let keywords: [Keyword]
    public let before: Int
    public let after: Int

    public init(words: [String], before: Int, after: Int) {
        self.keywords = words.map { word in
            let lowered = ContextMatcher.lowered(Array(word.utf8)[...])
            return Keyword(bytes: lowered, needsWordEnd: word.count <= 3, word: word)
        }
        self.before = before
        self.after = after
    }

    /// The keywords found in the window around `span` of `text`, in list order, each once.
    public func find(in text: UnsafeBufferPointer<UInt8>, around span: Range<Int>) -> [String] {
        guard !keywords.isEmpty else { return [] }
        let start = max(0, span.lowerBound - before)
        let end = min(text.count, span.upperBound + after)
        let windowBefore = ContextMatcher.lowered(text[start..<span.lowerBound])
        let windowAfter = ContextMatcher.lowered(text[span.upperBound..<end])
        return keywords.filter { occurs($0, in: windowBefore) || occurs($0, in: windowAfter) }.map(\.word)
    }

    private func occurs(_ keyword: Keyword, in window: [UInt8]) -> Bool {
        let needle = keyword.bytes
        guard !needle.isEmpty, window.count >= needle.count else { return false }
        var index = 0
        let last = window.count - needle.count
        while index <= last {
            if window[index] == needle[0] && (index == 0 || !ContextMatcher.isWordByte(window[index - 1]))
                && window[index..<index + needle.count].elementsEqual(needle) {
                let next = index + needle.count
                if !keyword.needsWordEnd || next >= window.count || !ContextMatcher.isWordByte(window[next]) {
                    return true
                }
            }
            index += 1
        }
        return false
    }

    /// ASCII letters and digits, and any byte of a multi-byte UTF-8 character (Swedish letters).
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || byte >= 0x80
    }

    /// Lower-cases ASCII and the Latin-1 capitals (Å Ä Ö É …, `C3 80–9E`) in UTF-8.
    static func lowered<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        var out = Array(bytes)
        var index = 0
        while index < out.count {
            let byte = out[index]
            if byte >= 0x41 && byte <= 0x5A {
                out[index] = byte | 0x20
            } else if byte == 0xC3 && index + 1 < out.count && out[index + 1] >= 0x80 && out[index + 1] <= 0x9E && out[index + 1] != 0x97 {
                out[index + 1] += 0x20
                index += 1
            }
            index += 1
        }
        return out
    }
}
