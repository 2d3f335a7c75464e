/// Where a sensitive term (GDPR Art. 9/10, protected identity) may find its subject: the
/// passage it stands in (decision 0306). A passage is a paragraph: it ends at a blank line, or
/// at a line break after a sentence end (`.`, `!`, `?`); a table row (one unit per row,
/// decision 0205) has no line break, so the row is its passage. A term has a subject when a
/// person is identified (a name, an identity number, contact data) in the same passage, or when
/// its passage refers to one person and a person is named where such a reference points:
///
/// - references: personal pronouns (`hon`, `han`, `du` …), the writer (`jag`, `mig`), a family
///   member of the writer or of someone named (`min fru`, `vår son`, `frun`, `familjen`), and
///   definite role nouns of case files (`klienten`, `eleven`, `sökanden` …);
/// - named: in this passage or an earlier one of the unit (a case file names its subject in its
///   header and writes `Klienten berättar att han …` below), in an earlier text unit of the same
///   document (the header table of a journal), or in the signature after a sign-off line
///   (`Med vänlig hälsning` then the writer's name: the `jag` and `min fru` of the letter).
///
/// A policy text names at most its contact person, after the text and without a sign-off, and
/// uses indefinite forms (`en medarbetare`), so its terms stay hints.
///
/// It does not decide what identifies a person (`CooccurrencePolicy.identifying`) nor the
/// boost; it only answers "is this identifying finding in reach of this term". Built once per
/// text unit, only for units with a sensitive term; each passage's words are read at most once.
struct SubjectReach {
    /// Passage start offsets, ascending; passage `i` is `starts[i]..<starts[i + 1]` (or the end).
    private let starts: [Int]
    private let text: UnsafeBufferPointer<UInt8>
    /// The start of the first sign-off line (`Med vänlig hälsning`, `Hälsningar`, `Mvh`), if any:
    /// a name after it is the writer's.
    let signOff: Int?
    /// Whether each passage refers to one person, read when first asked (nil: not read yet).
    private var refers: [Bool?]

    init(_ text: UnsafeBufferPointer<UInt8>) {
        self.text = text
        var starts = [0]
        var signOff: Int?
        var lineStart = 0
        var position = 0
        while position < text.count {
            guard text[position] == 0x0A else {
                position += 1
                continue
            }
            if signOff == nil && Self.isSignOff(text, line: lineStart..<position) { signOff = lineStart }
            lineStart = position + 1
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
        if signOff == nil && Self.isSignOff(text, line: lineStart..<text.count) { signOff = lineStart }
        self.starts = starts
        self.signOff = signOff
        self.refers = Array(repeating: nil, count: starts.count)
    }

    /// True when `line` (no line break in it) is a sign-off: at most four words, one of them
    /// `hälsning…` or `mvh` (`Med vänlig hälsning`, `Vänliga hälsningar,`, `Hälsningar`, `Mvh`).
    private static func isSignOff(_ text: UnsafeBufferPointer<UInt8>, line: Range<Int>) -> Bool {
        guard line.count <= 40 else { return false }
        var position = line.lowerBound
        var words = 0
        var found = false
        while position < line.upperBound {
            guard ContextMatcher.isWordByte(text[position]) else {
                position += 1
                continue
            }
            var wordEnd = position
            while wordEnd < line.upperBound && ContextMatcher.isWordByte(text[wordEnd]) { wordEnd += 1 }
            words += 1
            if words > 4 { return false }
            let word = ContextMatcher.lowered(text[position..<wordEnd])
            if word == Self.mvh || word.starts(with: Self.halsning) { found = true }
            position = wordEnd
        }
        return found
    }
    private static let mvh = Array("mvh".utf8)
    private static let halsning = Array("hälsning".utf8)

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
    /// `signed`: a person is named after the sign-off (a passage before it may refer to them).
    mutating func hasSubject(passage: Int, identified: Set<Int>, firstNamed: Int?, signed: Bool) -> Bool {
        if identified.contains(passage) { return true }
        let namedBefore = firstNamed.map { $0 <= passage } ?? false
        let signedAfter = signed && signOff.map { passage < self.passage(of: $0) } ?? false
        guard namedBefore || signedAfter else { return false }
        if let known = refers[passage] { return known }
        let found = refersToPerson(passage)
        refers[passage] = found
        return found
    }

    /// Words that refer to one person already named: personal pronouns (subject, object,
    /// possessive; `du` for letters to the person) and definite role nouns of case files.
    private static let references: Set<[UInt8]> = Set([
        "han", "hon", "hen", "honom", "henne", "hans", "hennes", "hens", "du", "dig", "din", "ditt", "dina",
        "jag", "mig",
        "klienten", "patienten", "eleven", "brukaren", "sökanden", "barnet", "pojken", "flickan", "mamman", "pappan",
        "modern", "fadern", "vårdnadshavaren", "medarbetaren", "arbetstagaren", "hyresgästen", "vårdtagaren",
        "omsorgstagaren", "ungdomen", "kvinnan", "mannen", "personen",
        // Definite family words: one family, already named (`Familjen har …`, `Sonen går i …`).
        "familjen", "frun", "maken", "makan", "sonen", "dottern", "sambon", "brodern", "systern",
    ].map { Array($0.utf8) })
    /// Possessives that make the next word, a family word, one person (`min fru`, `vår son`,
    /// `era barn`); alone they are too common (`30 min`, `vår kommun`).
    private static let possessives: Set<[UInt8]> = Set([
        "min", "mitt", "mina", "vår", "vårt", "våra", "er", "ert", "era",
    ].map { Array($0.utf8) })
    private static let family: Set<[UInt8]> = Set([
        "fru", "man", "make", "maka", "sambo", "partner", "son", "söner", "dotter", "döttrar", "barn", "barnbarn",
        "mamma", "pappa", "mor", "far", "mormor", "morfar", "farmor", "farfar", "bror", "syster", "syskon",
        "föräldrar", "förälder", "pojkvän", "flickvän", "familj",
    ].map { Array($0.utf8) })
    private static let longestReference = references.union(family).map(\.count).max() ?? 0

    /// True when passage `index` holds a reference word as a word of its own, or a possessive
    /// followed by a family word.
    private func refersToPerson(_ index: Int) -> Bool {
        let end = index + 1 < starts.count ? starts[index + 1] : text.count
        var position = starts[index]
        var afterPossessive = false
        while position < end {
            guard ContextMatcher.isWordByte(text[position]) else {
                position += 1
                continue
            }
            var wordEnd = position
            while wordEnd < end && ContextMatcher.isWordByte(text[wordEnd]) { wordEnd += 1 }
            let length = wordEnd - position
            var possessive = false
            if length >= 2 && length <= Self.longestReference {
                var word = [UInt8](repeating: 0, count: length)
                for offset in 0..<length { word[offset] = TextFolding.fold(text[position + offset]) }
                if Self.references.contains(word) || (afterPossessive && Self.family.contains(word)) { return true }
                possessive = Self.possessives.contains(word)
            }
            afterPossessive = possessive
            position = wordEnd
        }
        return false
    }
}
