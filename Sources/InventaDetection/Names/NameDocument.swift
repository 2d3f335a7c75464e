/// A text unit tokenised for name detection: tokens with lexicon facts attached, the
/// lower-cased text (same byte offsets as the original) and the runs of capitalised
/// tokens that are name candidates.
///
/// Candidate runs: capitalised words and initials separated only by spaces, with
/// lower-case particles (`af`, `von`, `van`, `de` …) allowed inside, and one line
/// break allowed after a lone first word that ends a line of running text (a name
/// split by wrapping). A blank line, punctuation or a lower-case word ends a run.
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
        self.tokens = tokens
        self.runs = []
        self.runs = Self.findRuns(tokens)
        markDocumentConfirmed()
    }

    // MARK: lexicon

    private static let particles: Set<UInt64> = Set(
        ["af", "von", "van", "de", "der", "den", "da", "di", "du", "la", "le", "del", "zu", "ten", "ter"].map { FNV1a.hash($0) })

    private static func attachLexicon(_ tokens: inout [NameToken], lower: UnsafeBufferPointer<UInt8>, lexicon: NameLexicon) {
        for i in tokens.indices where tokens[i].kind == .word || tokens[i].kind == .initial {
            var t = tokens[i]
            let wordEnd = t.kind == .initial ? t.end - 1 : t.coreEnd
            var h = FNV1a()
            h.add(lower, t.start..<wordEnd)
            t.lexiconHash = h.value
            guard t.flags.contains(.capitalised) else {
                if particles.contains(t.lexiconHash) { t.flags.insert(.particle) }
                // Lower-case words still need their word frequency for context features.
                t.lexicon = lexicon.entry(hash: t.lexiconHash)
                tokens[i] = t
                continue
            }
            var entry = lexicon.entry(hash: t.lexiconHash)
            // Diacritic-folded forms (`asa` for `åsa`) are in the same table, so OCR-damaged
            // words are found by the exact lookup.
            // Genitive: `Lottas` → `Lotta`, `Anderssons` → `Andersson`, unless the full form is a name.
            if !entry.isFirstName && !entry.isSurname && wordEnd - t.start >= 4 && lower[wordEnd - 1] == 0x73 {
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

    // MARK: runs

    private static func findRuns(_ tokens: [NameToken]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var i = 0
        let n = tokens.count
        while i < n {
            guard tokens[i].isNameLike else { i += 1; continue }
            let start = i
            var end = i + 1
            while end < n {
                let t = tokens[end]
                if t.flags.contains(.blankLineBefore) || t.flags.contains(.attached) { break }
                if t.isNameLike {
                    if t.flags.contains(.newlineBefore) {
                        // Join across one line break only after a lone word ending a line of text.
                        // (`… handläggs av Anna⏎Svensson …`): the word before it is lower-case running text.
                        let lone = end - start == 1 && start > 0 && !tokens[start].flags.contains(.lineInitial)
                            && tokens[start].kind == .word && !tokens[start].flags.contains(.allCaps)
                            && tokens[start - 1].kind == .word && !tokens[start - 1].flags.contains(.capitalised)
                        if !lone { break }
                    }
                    end += 1
                } else if t.flags.contains(.particle) && !t.flags.contains(.newlineBefore)
                            && end + 1 < n && tokens[end + 1].isNameLike
                            && !tokens[end + 1].flags.contains(.newlineBefore) {
                    end += 2
                } else {
                    break
                }
            }
            runs.append(start..<end)
            i = end
        }
        return runs
    }

    /// Marks lone capitalised tokens whose surname followed a listed first name earlier in this unit.
    private mutating func markDocumentConfirmed() {
        var confirmed = Set<UInt64>()
        for run in runs {
            if run.count >= 2 {
                let first = tokens[run.lowerBound]
                let last = tokens[run.upperBound - 1]
                if first.kind == .word && first.lexicon.firstNameBearers >= 200 && last.kind == .word
                    && !last.lexicon.isGazetteer && last.lexicon.zipf10 < 45 {
                    confirmed.insert(last.lexiconHash)
                }
            } else if tokens[run.lowerBound].kind == .word, confirmed.contains(tokens[run.lowerBound].lexiconHash) {
                tokens[run.lowerBound].flags.insert(.documentConfirmed)
            }
        }
    }
}
