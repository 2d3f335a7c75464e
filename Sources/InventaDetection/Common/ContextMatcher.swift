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

    /// At most this many words between a context word and the value: the word is the value's
    /// label (`Personnummer: …`, `Referensnummer i ärendehanteringssystemet: …`, `… (pnr)`).
    static let labelReach = 2
    /// Beyond the label reach and at most this many words away: `near`; further: `far`.
    static let nearReach = 7

    /// The keywords found in the window around `span` of `text`, in list order, each once,
    /// whatever their reach.
    public func find(in text: UnsafeBufferPointer<UInt8>, around span: Range<Int>) -> [String] {
        findHits(in: text, around: span).map { keywords[$0].word }
    }

    /// The keywords found around `span` with their reach (`ContextHits.Reach`): as indexes into
    /// `keywords`, for a rule's word lists in one list, which share their windows, and for step
    /// texts built in advance per keyword. Allocates nothing for lists of up to 64 keywords.
    func findHits(in text: UnsafeBufferPointer<UInt8>, around span: Range<Int>) -> ContextHits {
        var hits = ContextHits()
        guard let automaton else { return hits }
        scanWindows(automaton, in: text, around: span) { index, start, end in
            let (reach, words) = Self.reach(in: text, value: span, word: start..<end)
            hits.insert(index, reach: reach, words: words)
        }
        return hits
    }

    /// Where a context word at `word` stands to the value at `value` (decision 0306): the number
    /// of words between them, and whether a value or a cell boundary of its own lies between.
    static func reach(in text: UnsafeBufferPointer<UInt8>, value: Range<Int>, word: Range<Int>) -> (ContextHits.Reach, Int) {
        let between = word.upperBound <= value.lowerBound ? word.upperBound..<value.lowerBound : value.upperBound..<word.lowerBound
        var words = 0
        var inWord = false
        var tabs = 0
        for position in between {
            let byte = text[position]
            // A digit between: another value (`Tel 070-174 06 07, pnr …`; `… 070-… tel`).
            if ByteClass.isDigit(byte) { return (.otherValue, words) }
            if byte == 0x09 { tabs += 1 }
            let isWord = isWordByte(byte)
            if isWord && !inWord { words += 1 }
            inWord = isWord
        }
        // Another cell between: a label counts from the previous cell only in a key–value table
        // (`Personnummer⇥830404-2388`: one tab and nothing else); otherwise it heads another cell.
        if tabs > 1 || (tabs == 1 && words > 0) { return (.otherValue, words) }
        // After the value, a word that is itself followed by a number is that number's label
        // (`830404-2388, tel 070-…`).
        if word.lowerBound >= value.upperBound && labelsNumber(in: text, after: word.upperBound) { return (.otherValue, words) }
        if words <= labelReach { return (.label, words) }
        return (words <= nearReach ? .near : .far, words)
    }

    /// True when a digit follows `end` after at most a few label characters (`: `, `. `, `nr `).
    private static func labelsNumber(in text: UnsafeBufferPointer<UInt8>, after end: Int) -> Bool {
        var position = end
        let limit = min(text.count, end + 4)
        while position < limit {
            let byte = text[position]
            if ByteClass.isDigit(byte) { return true }
            guard byte == 0x20 || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+")
                    || byte == UInt8(ascii: "#") else { return false }
            position += 1
        }
        return false
    }

    /// Calls `hit(keyword index, start, end)` (offsets into `text`) for every keyword that starts
    /// a word in the windows before and after `span`.
    @inline(__always)
    private func scanWindows(_ automaton: ByteAutomaton, in text: UnsafeBufferPointer<UInt8>, around span: Range<Int>,
                             hit: (Int, Int, Int) -> Void) {
        func scan(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            let window = UnsafeBufferPointer(rebasing: text[range])
            automaton.scan(window) { index, end in
                let keyword = keywords[index]
                let start = end - keyword.bytes.count
                guard start == 0 || !ContextMatcher.isWordByte(window[start - 1]) else { return }
                guard !keyword.needsWordEnd || end == window.count || !ContextMatcher.isWordByte(window[end]) else { return }
                hit(index, range.lowerBound + start, range.lowerBound + end)
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
