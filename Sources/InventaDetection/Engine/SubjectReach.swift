/// Where a sensitive term (GDPR Art. 9/10, protected identity) may find its subject: the
/// passage it stands in (decision 0306). A passage is a paragraph: it ends at a blank line, or
/// at a line break after a sentence end (`.`, `!`, `?`); a table row (one unit per row,
/// decision 0205) has no line break, so the row is its passage. A term has a subject when a
/// person is identified (a name, an identity number, contact data) in the same passage, or when
/// its passage refers to one person (a personal pronoun `hon`, `han`, `du` …, or a definite
/// role noun `klienten`, `eleven`, `sökanden` …) and a person is named (a name or an identity
/// number) in the unit before it: a case file names its subject in its header and writes
/// `Klienten berättar att han …` further down.
///
/// It does not decide what identifies a person (`CooccurrencePolicy.identifying`) nor the
/// boost; it only answers "is this identifying finding in reach of this term". Built once per
/// text unit, only for units with a sensitive term.
struct SubjectReach {
    /// Passage start offsets, ascending; passage `i` is `starts[i]..<starts[i + 1]` (or the end).
    private let starts: [Int]
    private let text: UnsafeBufferPointer<UInt8>

    init(_ text: UnsafeBufferPointer<UInt8>) {
        self.text = text
        var starts = [0]
        var position = 0
        while position < text.count {
            guard text[position] == 0x0A else {
                position += 1
                continue
            }
            // A line break ends a passage after a blank line or after a sentence end.
            var previous = position - 1
            while previous >= 0 && (text[previous] == 0x20 || text[previous] == 0x0D || text[previous] == 0x09) { previous -= 1 }
            var next = position + 1
            while next < text.count && (text[next] == 0x20 || text[next] == 0x0D || text[next] == 0x09) { next += 1 }
            let blank = next < text.count && text[next] == 0x0A
            let sentenceEnd = previous >= 0 && (text[previous] == UInt8(ascii: ".") || text[previous] == UInt8(ascii: "!")
                                                || text[previous] == UInt8(ascii: "?"))
            if blank || sentenceEnd || previous < 0 { starts.append(position + 1) }
            position += 1
        }
        self.starts = starts
    }

    /// The passage number of byte `offset`.
    func passage(of offset: Int) -> Int {
        var low = 0, high = starts.count
        while low + 1 < high {
            let middle = (low + high) / 2
            if starts[middle] <= offset { low = middle } else { high = middle }
        }
        return low
    }

    /// True when a person is in reach of a term in passage `passage`: identified in the same
    /// passage (`identified`: passage numbers of identifying findings), or referred to in it and
    /// named in a passage up to it (`firstNamed`: the first passage with a name or identity number).
    func hasSubject(passage: Int, identified: Set<Int>, firstNamed: Int?) -> Bool {
        if identified.contains(passage) { return true }
        guard let firstNamed, firstNamed <= passage else { return false }
        return refersToPerson(passage)
    }

    /// Words that refer to one person already named: personal pronouns (subject, object,
    /// possessive; `du` for letters to the person) and definite role nouns of case files.
    private static let references: Set<[UInt8]> = Set([
        "han", "hon", "hen", "honom", "henne", "hans", "hennes", "hens", "du", "dig", "din", "ditt", "dina",
        "klienten", "patienten", "eleven", "brukaren", "sökanden", "barnet", "pojken", "flickan", "mamman", "pappan",
        "modern", "fadern", "vårdnadshavaren", "medarbetaren", "arbetstagaren", "hyresgästen", "vårdtagaren",
        "omsorgstagaren", "ungdomen", "kvinnan", "mannen", "personen",
    ].map { Array($0.utf8) })
    private static let longestReference = references.map(\.count).max() ?? 0

    /// True when passage `index` holds a reference word as a word of its own.
    private func refersToPerson(_ index: Int) -> Bool {
        let end = index + 1 < starts.count ? starts[index + 1] : text.count
        var position = starts[index]
        while position < end {
            guard ContextMatcher.isWordByte(text[position]) else {
                position += 1
                continue
            }
            var wordEnd = position
            while wordEnd < end && ContextMatcher.isWordByte(text[wordEnd]) { wordEnd += 1 }
            let length = wordEnd - position
            if length >= 2 && length <= Self.longestReference {
                var word = [UInt8](repeating: 0, count: length)
                for offset in 0..<length { word[offset] = TextFolding.fold(text[position + offset]) }
                if Self.references.contains(word) { return true }
            }
            position = wordEnd
        }
        return false
    }
}
