/// A text unit tokenised for name detection: tokens with lexicon facts attached, the
/// lower-cased text (same byte offsets as the original) and the runs of capitalised
/// tokens that are name candidates.
///
/// Candidate runs: capitalised words and initials separated only by spaces, with
/// lower-case particles (`af`, `von`, `van`, `de` …) allowed inside, and one line
/// break allowed after a lone first word that ends a line of running text (a name
/// split by wrapping). A blank line, a tab (a cell boundary), punctuation, a lower-case
/// word or a legal-form word (`AB`, `HB`) ends a run.
///
/// Document-level consistency covers exactly this text unit (one file chunk or one
/// member as extracted): a surname that follows a listed first name marks later lone
/// mentions of the same surname with `.documentConfirmed`.
public struct NameDocument: Sendable {
    public let lower: [UInt8]
    public private(set) var tokens: [NameToken]
    /// Token index ranges of candidate runs, in text order.
    public private(set) var runs: [Range<Int>]

    public init(text: UnsafeBufferPointer<UInt8>, lexicon: NameLexicon) {
        var lower = [UInt8](repeating: 0, count: text.count)
        lower.withUnsafeMutableBufferPointer { NameText.lowercase(text, into: $0) }
        self.lower = lower
        var tokens = NameTokenizer.tokenize(text)
        lower.withUnsafeBufferPointer { low in
            Self.attachLexicon(&tokens, lower: low, lexicon: lexicon)
        }
        let runs = lower.withUnsafeBufferPointer { Self.findRuns(&tokens, $0) }
        // Finish `tokens` as a local and store it last: mutating `self.tokens` while the local
        // still references the same buffer would copy the whole array.
        lower.withUnsafeBufferPointer { Self.hashContext(&tokens, runs, $0) }
        Self.markDocumentConfirmed(&tokens, runs)
        self.runs = runs
        self.tokens = tokens
    }

    // MARK: lexicon

    private static let particles = FlatTable(Dictionary(uniqueKeysWithValues:
        ["af", "von", "van", "de", "der", "den", "da", "di", "du", "la", "le", "del", "zu", "ten", "ter"].map { (FNV1a.hash($0), true) }),
        empty: false)

    /// Looks up capitalised words and initials in the lexicon. Lower-case words get no
    /// lookup: `findRuns` checks particles between capitalised words, and `hashContext`
    /// hashes the few lower-case words next to candidate runs that the cue features need.
    private static func attachLexicon(_ tokens: inout [NameToken], lower: UnsafeBufferPointer<UInt8>, lexicon: NameLexicon) {
        for i in tokens.indices where tokens[i].kind == .word || tokens[i].kind == .initial {
            var t = tokens[i]
            let wordEnd = t.kind == .initial ? t.end - 1 : t.coreEnd
            guard t.flags.contains(.capitalised) else { continue }
            var h = FNV1a()
            if t.flags.contains(.ocrDigit) {
                for j in t.start..<wordEnd { h.add(NameText.ocrLetter(lower[j]) ?? lower[j]) }
            } else {
                h.add(lower, t.start..<wordEnd)
            }
            t.lexiconHash = h.value
            var entry = lexicon.entry(hash: t.lexiconHash)
            // Diacritic-folded forms (`asa` for `åsa`) are in the same table, so OCR-damaged
            // words are found by the exact lookup.
            // Genitive: `Lottas` → `Lotta`, `Anderssons` → `Andersson`, unless the full form is a name.
            // A genitive is followed by what it owns (`Klas bok`); `Klass` alone in a cell or at a
            // line end is the word, not `Klas`'s.
            if !entry.isFirstName && !entry.isSurname && wordEnd - t.start >= 4 && lower[wordEnd - 1] == 0x73
                && (t.flags.contains(.possessive) || headsNoun(tokens, after: i)) {
                var hs = FNV1a()
                hs.add(lower, t.start..<(wordEnd - 1))
                let stripped = lexicon.entry(hash: hs.value)
                if stripped.isFirstName || stripped.isSurname {
                    entry = stripped
                    t.lexiconHash = hs.value
                    t.coreEnd = wordEnd - 1
                    t.flags.insert(.possessive)
                }
            }
            // Hyphenated names missing from the lists (`Anna-Greta`): use the parts.
            if entry == .none && t.flags.contains(.hyphenated) {
                var partStart = t.start
                var merged = NameLexiconEntry.none
                for j in t.start...wordEnd where j == wordEnd || lower[j] == 0x2D {
                    var hp = FNV1a()
                    hp.add(lower, partStart..<j)
                    let part = lexicon.entry(hash: hp.value)
                    merged.firstNameBearers = max(merged.firstNameBearers, part.firstNameBearers)
                    merged.surnameBearers = max(merged.surnameBearers, part.surnameBearers)
                    merged.flags |= part.flags & (NameLexiconEntry.fakerFirst | NameLexiconEntry.fakerLast)
                    partStart = j + 1
                }
                entry = merged
            }
            t.lexicon = entry
            tokens[i] = t
        }
    }

    /// Whether a word follows `tokens[index]` on the same line and in the same cell.
    @inline(__always) private static func headsNoun(_ tokens: [NameToken], after index: Int) -> Bool {
        guard index + 1 < tokens.count else { return false }
        let next = tokens[index + 1]
        return next.kind == .word && !next.flags.contains(.newlineBefore) && !next.flags.contains(.blankLineBefore)
            && !next.flags.contains(.tabBefore)
    }

    // MARK: runs

    private static func findRuns(_ tokens: inout [NameToken], _ lower: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var i = 0
        let n = tokens.count
        while i < n {
            guard tokens[i].isNameLike, !isLegalForm(tokens[i]), !isLetterPrefixCompound(tokens[i], lower),
                  !(tokens[i].flags.contains(.attached) && i > 0 && tokens[i - 1].kind == .number) else { i += 1; continue }
            let start = i
            var end = i + 1
            while end < n {
                let t = tokens[end]
                if t.flags.contains(.blankLineBefore) || t.flags.contains(.attached) || t.flags.contains(.tabBefore) { break }
                if t.isNameLike {
                    if isLegalForm(t) || isLetterPrefixCompound(t, lower) { break }
                    if t.flags.contains(.newlineBefore) && !joinsAcrossLineBreak(tokens, start, end, lower) { break }
                    end += 1
                } else if t.kind == .word && t.end - t.start <= 3 && !t.flags.contains(.capitalised)
                            && isParticle(&tokens[end], lower) && !t.flags.contains(.newlineBefore)
                            && end + 1 < n && tokens[end + 1].isNameLike
                            && !tokens[end + 1].flags.contains(.newlineBefore) {
                    end += 2
                } else if t.kind == .word && t.end - t.start <= 3 && !t.flags.contains(.capitalised)
                            && isParticle(&tokens[end], lower) && !t.flags.contains(.newlineBefore)
                            && end + 2 < n && tokens[end + 1].kind == .word && tokens[end + 1].end - tokens[end + 1].start <= 3
                            && !tokens[end + 1].flags.contains(.capitalised) && !tokens[end + 1].flags.contains(.newlineBefore)
                            && isParticle(&tokens[end + 1], lower)
                            && tokens[end + 2].isNameLike && !tokens[end + 2].flags.contains(.newlineBefore) {
                    // Two particles: `van der Berg`, `de la Cruz`.
                    end += 3
                } else {
                    break
                }
            }
            runs.append(start..<end)
            i = end
        }
        return runs
    }

    /// `E-post`, `T-bana`, `A-kassa`: one letter, a hyphen and a lower-case word is a common noun,
    /// never a name part (`K-G` and the initials `C-O.` have a capital after the hyphen).
    @inline(__always) private static func isLetterPrefixCompound(_ t: NameToken, _ lower: UnsafeBufferPointer<UInt8>) -> Bool {
        guard t.kind == .word, t.flags.contains(.hyphenated), !t.flags.contains(.allCaps), t.end - t.start >= 4,
              lower[t.start + 1] == 0x2D else { return false }
        return true
    }

    /// `AB`, `HB` …: a capitalised legal-form word ends a run (see `NameCues.legalForm`).
    @inline(__always) private static func isLegalForm(_ t: NameToken) -> Bool {
        t.kind == .word && NameCues.legalForm.contains(t.lexiconHash)
    }

    /// A name wrapped by a line break in running text: `handläggs av Anna⏎Svensson på`,
    /// `… möjligt. Kontakta Clas⏎Söderberg för`. The run before the break (1–2 words) must
    /// follow text on its line (a lower-case word, or start a sentence mid-line); with two
    /// words, the line after must go on with something other than another capitalised word,
    /// so `deltog Anna Svensson⏎Karin Berg` stays two names. One break per run; lists and ALL-CAPS never join.
    private static func joinsAcrossLineBreak(_ tokens: [NameToken], _ start: Int, _ end: Int, _ lower: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = tokens[start]
        let count = end - start
        guard count <= 2, start > 0, first.kind == .word, !first.flags.contains(.lineInitial),
              !first.flags.contains(.allCaps), !tokens[end].flags.contains(.allCaps),
              !(start + 1..<end).contains(where: { tokens[$0].flags.contains(.newlineBefore) }) else { return false }
        let previous = tokens[start - 1]
        let afterText = (previous.kind == .word && !previous.flags.contains(.capitalised))
            || ((first.flags.contains(.sentenceInitial) || isLabelColon(previous, lower)) && lineHasLowerCaseWord(tokens, before: start))
        guard afterText else { return false }
        if count == 1 { return true }
        let next = end + 1
        return next >= tokens.count || !(tokens[next].isNameLike && !tokens[next].flags.contains(.newlineBefore))
    }

    /// `… städning. Anhörig: Stellan⏎Håkansson (son)`: a label's colon inside running text.
    @inline(__always) private static func isLabelColon(_ t: NameToken, _ lower: UnsafeBufferPointer<UInt8>) -> Bool {
        t.kind == .punct && t.end - t.start == 1 && lower[t.start] == 0x3A && t.flags.contains(.attached)
    }

    /// Whether the line of `tokens[index]` has a lower-case word before it: running text, not a
    /// numbered heading (`2. Djurliv⏎Björn har observerats …`) or a list label, whose last word
    /// must not join the first word of the next line.
    private static func lineHasLowerCaseWord(_ tokens: [NameToken], before index: Int) -> Bool {
        var j = index - 1
        while j >= 0 {
            let t = tokens[j]
            if t.kind == .word && !t.flags.contains(.capitalised) { return true }
            if t.flags.contains(.lineInitial) { return false }
            j -= 1
        }
        return false
    }

    /// Whether a short lower-case word is a name particle; records its hash and flag.
    private static func isParticle(_ t: inout NameToken, _ lower: UnsafeBufferPointer<UInt8>) -> Bool {
        var h = FNV1a()
        h.add(lower, t.start..<t.coreEnd)
        t.lexiconHash = h.value
        guard particles.contains(h.value) else { return false }
        t.flags.insert(.particle)
        return true
    }

    /// Hashes the lower-case words within four tokens of each run (cue words).
    private static func hashContext(_ tokens: inout [NameToken], _ runs: [Range<Int>], _ lower: UnsafeBufferPointer<UInt8>) {
        for run in runs {
            for i in max(0, run.lowerBound - 4)..<min(tokens.count, run.upperBound + 4)
            where tokens[i].kind == .word && tokens[i].lexiconHash == 0 {
                var h = FNV1a()
                h.add(lower, tokens[i].start..<tokens[i].coreEnd)
                tokens[i].lexiconHash = h.value
            }
        }
    }

    /// Marks lone capitalised tokens whose surname followed a listed first name earlier in this unit.
    private static func markDocumentConfirmed(_ tokens: inout [NameToken], _ runs: [Range<Int>]) {
        var confirmed = FlatTable<Bool>.Builder(expectedCount: 32, empty: false)
        for run in runs {
            if run.count >= 2 {
                let first = tokens[run.lowerBound]
                let last = tokens[run.upperBound - 1]
                if first.kind == .word && first.lexicon.firstNameBearers >= 200 && last.kind == .word
                    && !last.lexicon.isGazetteer && last.lexicon.zipf10 < 45 {
                    confirmed.update(last.lexiconHash) { $0 = true }
                }
            } else if tokens[run.lowerBound].kind == .word, confirmed.contains(tokens[run.lowerBound].lexiconHash) {
                tokens[run.lowerBound].flags.insert(.documentConfirmed)
            }
        }
    }
}
