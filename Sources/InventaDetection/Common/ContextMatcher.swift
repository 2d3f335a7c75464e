/// Finds context words near a match: case-insensitive (ASCII and Å, Ä, Ö, É …), at a
/// word start, within a window of bytes before and after the match. Keywords of three
/// letters or fewer must also end at a word end, so `tel` matches `tel:` but not
/// `telling`, and `bg` not `bgx`.
///
/// All keywords are compiled into one `ByteAutomaton`, so a window is scanned once
/// whatever the number of words (rule files list dozens). Immutable and thread-safe;
/// a class, so asking it for every candidate does not copy its tables.
public final class ContextMatcher: Sendable {
    public struct Keyword: Sendable {
        let bytes: [UInt8]
        let needsWordEnd: Bool
        public let word: String
    }

    public let keywords: [Keyword]
    public let before: Int
    public let after: Int
    private let automaton: ByteAutomaton?

    public init(words: [String], before: Int, after: Int) {
        self.keywords = words.map { word in
            Keyword(bytes: TextFolding.folded(word), needsWordEnd: word.count <= 3, word: word)
        }
        self.before = before
        self.after = after
        self.automaton = keywords.isEmpty ? nil : ByteAutomaton(patterns: keywords.map(\.bytes))
    }

    /// The keywords found in the window around `span` of `text`, in list order, each once.
    /// Called for every candidate: a window with no keyword (the usual case) allocates nothing.
    public func find(in text: UnsafeBufferPointer<UInt8>, around span: Range<Int>) -> [String] {
        guard let automaton else { return [] }
        if keywords.count > 64 { return findMany(automaton, in: text, around: span) }
        var found: UInt64 = 0
        scanWindows(automaton, in: text, around: span) { found |= 1 << UInt64($0) }
        guard found != 0 else { return [] }
        var words: [String] = []
        words.reserveCapacity(found.nonzeroBitCount)
        for index in keywords.indices where found & (1 << UInt64(index)) != 0 { words.append(keywords[index].word) }
        return words
    }

    /// The keywords found around `span`, as indexes into `keywords`: for a rule's positive and
    /// negative words in one list, which share their windows, and for step texts built in advance
    /// per keyword. Allocates nothing for lists of up to 64 keywords.
    func findHits(in text: UnsafeBufferPointer<UInt8>, around span: Range<Int>) -> ContextHits {
        guard let automaton else { return ContextHits() }
        if keywords.count > 64 { return ContextHits(indexes: findMany(automaton, in: text, around: span, indexes: true).map(\.index)) }
        var found: UInt64 = 0
        scanWindows(automaton, in: text, around: span) { found |= 1 << UInt64($0) }
        return ContextHits(bits: found)
    }

    /// `find` for lists of more than 64 keywords.
    private func findMany(_ automaton: ByteAutomaton, in text: UnsafeBufferPointer<UInt8>, around span: Range<Int>) -> [String] {
        findMany(automaton, in: text, around: span, indexes: true).map(\.word)
    }

    private func findMany(_ automaton: ByteAutomaton, in text: UnsafeBufferPointer<UInt8>, around span: Range<Int>,
                          indexes: Bool) -> [(index: Int, word: String)] {
        var found = [Bool](repeating: false, count: keywords.count)
        var any = false
        scanWindows(automaton, in: text, around: span) { found[$0] = true; any = true }
        guard any else { return [] }
        return keywords.indices.filter { found[$0] }.map { ($0, keywords[$0].word) }
    }

    /// Calls `hit(keyword index)` for every keyword that starts a word in the windows before and after `span`.
    @inline(__always)
    private func scanWindows(_ automaton: ByteAutomaton, in text: UnsafeBufferPointer<UInt8>, around span: Range<Int>,
                             hit: (Int) -> Void) {
        func scan(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            let window = UnsafeBufferPointer(rebasing: text[range])
            automaton.scan(window) { index, end in
                let keyword = keywords[index]
                let start = end - keyword.bytes.count
                guard start == 0 || !ContextMatcher.isWordByte(window[start - 1]) else { return }
                guard !keyword.needsWordEnd || end == window.count || !ContextMatcher.isWordByte(window[end]) else { return }
                hit(index)
            }
        }
        scan(beforeWindow(in: text, to: span.lowerBound))
        scan(afterWindow(in: text, from: span.upperBound))
    }

    /// The window before a match; in a table row whose cell has its own header label
    /// (`⇥Personnummer: 19…`) it ends at that cell's tab, since the previous cell's label
    /// (`Ärendenr: …⇥`) belongs to the previous value (decision 0205). A bare cell after a tab
    /// (a key–value row, `Personnummer⇥850101-…`) keeps the previous cell as its label.
    private func beforeWindow(in text: UnsafeBufferPointer<UInt8>, to end: Int) -> Range<Int> {
        let start = max(0, end - before)
        var index = end
        var sawColon = false
        while index > start {
            index -= 1
            let byte = text[index]
            if byte == UInt8(ascii: ":") { sawColon = true }
            if byte == 0x09 { return sawColon ? (index + 1)..<end : start..<end }
        }
        return start..<end
    }

    /// The window after a match ends at a line break or a tab: a label on the next line, or in
    /// the next cell of a table row (spreadsheet and CSV rows are joined by tabs), belongs to the
    /// next value (`pnr 830404-2388` then `Tel 070-…` on the next line; `Personnummer: …<TAB>Konto: …`),
    /// while a label on the line before often names this one (a form's `Personnummer:` above the number).
    private func afterWindow(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int> {
        var end = start
        let limit = min(text.count, start + after)
        while end < limit && text[end] != 0x0A && text[end] != 0x09 { end += 1 }
        return start..<end
    }

    /// ASCII letters and digits, and any byte of a multi-byte UTF-8 character (Swedish letters).
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || byte >= 0x80
    }

    /// Lower-cased UTF-8 (ASCII and the Latin-1 capitals, as `TextFolding` does), for
    /// comparing text with lexicons that were lowered the same way.
    static func lowered<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        bytes.map(TextFolding.fold)
    }
}
