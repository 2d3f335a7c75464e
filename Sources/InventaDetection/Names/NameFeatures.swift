/// Receives the features of one candidate token. The scanner's sink adds model
/// weights as it goes (no allocation); the trainer's sink collects readable names.
/// A feature's identity is the FNV hash of `prefix` followed by `value` bytes, which
/// is also the hash of the name written in `Rules/names/model.tsv`.
public protocol NameFeatureSink {
    mutating func add(_ name: StaticString)
    mutating func add(_ prefix: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    mutating func add(_ prefix: StaticString, _ value: Int)
}

/// Feature extraction for one token of a candidate run: lexicon frequencies (SCB first
/// names and surnames, faker, wordfreq), shape and character suffixes (the surname
/// shape model: -son, -berg, -ström … get their own learned weights), position,
/// gazetteer hits, neighbouring tokens and cue classes before and after the run.
///
/// Templates are documented in docs/decisions/0501-name-model.md; changing one needs retraining.
public enum NameFeatures {
    public static func extract<S: NameFeatureSink>(token index: Int, run: Range<Int>, document doc: NameDocument,
                                                   sink: inout S) {
        doc.lower.withUnsafeBufferPointer { lower in
            extract(index, run, doc.tokens, lower, &sink)
        }
    }

    static func extract<S: NameFeatureSink>(_ i: Int, _ run: Range<Int>, _ tokens: [NameToken],
                                            _ lower: UnsafeBufferPointer<UInt8>, _ sink: inout S) {
        intrinsic(tokens[i], lower, &sink)
        contextual(i, run, tokens, lower, &sink)
    }

    /// Key under which `intrinsic` features of a token can be cached: they depend only on
    /// the lower-cased core (lexicon hash), the shape and the genitive.
    @inline(__always) static func intrinsicKey(_ t: NameToken) -> UInt64 {
        t.lexiconHash &+ UInt64(shapeCode(t) + 1) &* 0x9E37_79B9_7F4A_7C15
            &+ (t.flags.contains(.possessive) ? 0x5BD1_E995 : 0) &+ (t.kind == .initial ? 0x1B87_3593 : 0)
    }

    /// Features of the word itself: lists, frequency, shape, length, identity, suffixes.
    static func intrinsic<S: NameFeatureSink>(_ t: NameToken, _ lower: UnsafeBufferPointer<UInt8>, _ sink: inout S) {
        let e = t.lexicon
        sink.add("bias")
        let fn = firstNameBin(e)
        let sn = surnameBin(e)
        let z = zipfBin(e)
        sink.add("fn=", fn)
        sink.add("sn=", sn)
        sink.add("z=", z)
        sink.add("fnz=", fn * 100 + z)
        sink.add("snz=", sn * 100 + z)
        sink.add("fnsn=", fn * 10 + sn)
        if e.flags & NameLexiconEntry.fakerFirst != 0 { sink.add("faker=first") }
        if e.flags & NameLexiconEntry.fakerLast != 0 { sink.add("faker=last") }
        if e.flags & NameLexiconEntry.place != 0 { sink.add("gaz=place") }
        if e.flags & NameLexiconEntry.organisation != 0 { sink.add("gaz=org") }
        if e.flags & NameLexiconEntry.calendar != 0 { sink.add("gaz=cal") }
        if e.flags & NameLexiconEntry.folded != 0 { sink.add("folded") }

        let shape = shapeCode(t)
        sink.add("shape=", shape)
        let coreEnd = t.kind == .initial ? t.end - 1 : t.coreEnd
        let chars = charCount(lower, t.start, coreEnd)
        sink.add("len=", min(chars, 12))
        if t.kind == .word && !t.flags.contains(.particle) {
            if coreEnd - t.start <= 24 { sink.add("w=", lower, t.start..<coreEnd) }
            if chars >= 4 {
                for k in 2...4 where chars > k {
                    let s = suffixStart(lower, t.start, coreEnd, k)
                    switch k {
                    case 2: sink.add("s2=", lower, s..<coreEnd)
                    case 3: sink.add("s3=", lower, s..<coreEnd)
                    default: sink.add("s4=", lower, s..<coreEnd)
                    }
                }
            }
        }
        if t.flags.contains(.possessive) { sink.add("poss") }
        // Capitalised cue words inside the run (`Hej Björn`, `Rektor Anna Svensson`).
        if NameCues.greeting.contains(t.lexiconHash) { sink.add("self=greet") }
        if NameCues.role.contains(t.lexiconHash) { sink.add("self=role") }
    }

    /// Features of the token's place: sentence position, run, neighbours, cue words around.
    static func contextual<S: NameFeatureSink>(_ i: Int, _ run: Range<Int>, _ tokens: [NameToken],
                                               _ lower: UnsafeBufferPointer<UInt8>, _ sink: inout S) {
        tokenContext(i, run, tokens, &sink)
        runContext(run, tokens, lower, &sink)
    }

    /// The part of `contextual` that depends on the token's own place in its run.
    static func tokenContext<S: NameFeatureSink>(_ i: Int, _ run: Range<Int>, _ tokens: [NameToken], _ sink: inout S) {
        let t = tokens[i]
        let e = t.lexicon
        let fn = firstNameBin(e)
        let sn = surnameBin(e)
        let z = zipfBin(e)
        if t.flags.contains(.documentConfirmed) { sink.add("doc") }

        // Position.
        if t.flags.contains(.sentenceInitial) {
            sink.add("sinit")
            sink.add("sinit_z=", z)
            sink.add("sinit_fn=", fn * 10 + sn)
        }
        if t.flags.contains(.lineInitial) { sink.add("linit") }
        let runLength = run.count
        sink.add("runlen=", min(runLength, 5))
        let position = runLength == 1 ? 0 : i == run.lowerBound ? 1 : i == run.upperBound - 1 ? 3 : 2
        sink.add("runpos=", position)
        sink.add("runpos_fnsn=", position * 100 + fn * 10 + sn)

        // Neighbours inside the run.
        if i > run.lowerBound {
            let p = tokens[i - 1]
            if NameCues.greeting.contains(p.lexiconHash) { sink.add("p_cue=greet") }
            if NameCues.role.contains(p.lexiconHash) { sink.add("p_cue=role") }
            sink.add("p_fnsn=", firstNameBin(p.lexicon) * 10 + surnameBin(p.lexicon))
            sink.add("p_shape=", shapeCode(p))
        }
        if i + 1 < run.upperBound {
            let q = tokens[i + 1]
            sink.add("n_fnsn=", firstNameBin(q.lexicon) * 10 + surnameBin(q.lexicon))
            sink.add("n_shape=", shapeCode(q))
            if q.lexicon.isGazetteer { sink.add("n_gaz") }
        }
        // ALL-CAPS neighbourhood: only the four tokens either side are looked at, so a long
        // all-caps text (one giant run) stays linear.
        if t.flags.contains(.allCaps) {
            var allCaps = true
            for j in max(run.lowerBound, i - 4)..<min(run.upperBound, i + 5)
            where !tokens[j].flags.contains(.allCaps) && tokens[j].kind != .initial { allCaps = false }
            if allCaps { sink.add("capsrun=", min(runLength, 4)) }
        }
    }

    /// The part of `contextual` that is the same for every token of a run (the words and cue
    /// classes around it), emitted last so the scanner can look it up once per run and replay
    /// the weights in the same order (same float sum) for each token.
    static func runContext<S: NameFeatureSink>(_ run: Range<Int>, _ tokens: [NameToken],
                                               _ lower: UnsafeBufferPointer<UInt8>, _ sink: inout S) {
        // Words right before and after the run.
        let before = run.lowerBound - 1
        let after = run.upperBound
        if before >= 0 {
            word("pw=", tokens[before], lower, &sink)
            if before >= 1 { word("pw2=", tokens[before - 1], lower, &sink) }
        } else {
            sink.add("pw=#start")
        }
        if after < tokens.count {
            word("nw=", tokens[after], lower, &sink)
            if after + 1 < tokens.count { word("nw2=", tokens[after + 1], lower, &sink) }
        } else {
            sink.add("nw=#end")
        }
        cues(run, tokens, lower, &sink)
    }

    // MARK: cue classes

    private static func cues<S: NameFeatureSink>(_ run: Range<Int>, _ tokens: [NameToken],
                                                 _ lower: UnsafeBufferPointer<UInt8>, _ sink: inout S) {
        // Before: up to three tokens back.
        var j = run.lowerBound - 1
        var steps = 0
        while j >= 0 && steps < 3 {
            let p = tokens[j]
            if p.kind == .word {
                if NameCues.role.contains(p.lexiconHash) { sink.add("cue_b=role") }
                if NameCues.greeting.contains(p.lexiconHash) { sink.add("cue_b=greet") }
            } else if p.kind == .punct && p.end - p.start == 1 && j >= 1 && tokens[j - 1].kind == .word
                        && NameCues.header.contains(tokens[j - 1].lexiconHash) && steps == 0 {
                sink.add("cue_b=header")
            }
            if p.flags.contains(.blankLineBefore) { break }
            j -= 1
            steps += 1
        }
        // After: organisation/place words, identifiers, roles, party letters.
        let a = run.upperBound
        if a < tokens.count {
            let q = tokens[a]
            if q.kind == .word && NameCues.organisation.contains(q.lexiconHash) { sink.add("cue_a=org") }
            if q.kind == .punct && q.end - q.start == 1 {
                if a + 1 < tokens.count {
                    let r = tokens[a + 1]
                    if r.kind == .word && NameCues.role.contains(r.lexiconHash) { sink.add("cue_a=role") }
                    if r.kind == .word && (r.flags.contains(.allCaps) || shapeCode(r) == 5) && r.end - r.start <= 3 && a + 2 < tokens.count
                        && tokens[a + 2].kind == .punct { sink.add("cue_a=party") }
                    if r.kind == .word && r.flags.contains(.capitalised) && r.lexicon.isFirstName
                        && !tokens[a + 1].flags.contains(.newlineBefore) && run.count == 1 {
                        sink.add("cue_a=comma_first")
                    }
                }
            }
            // `Björk och tall` (coordinated with a common noun) vs `Björk och Lind` (with another name).
            if q.kind == .word && NameCues.conjunction.contains(q.lexiconHash) && a + 1 < tokens.count && tokens[a + 1].kind == .word {
                sink.add(tokens[a + 1].flags.contains(.capitalised) ? "cue_a=and_cap" : "cue_a=and_lower")
            }
            var k = a
            while k < min(tokens.count, a + 4) {
                let r = tokens[k]
                if r.flags.contains(.email) { sink.add("cue_a=email"); break }
                if isIdentityLikeNumber(r, lower) { sink.add("cue_a=number"); break }
                k += 1
            }
        }
        // `696 74 Hammar`, `69674 Hammar`: a word right after a postcode on its line is a postal town.
        if isAfterPostcode(run.lowerBound, tokens, lower) { sink.add("cue_b=postcode") }
        // `Svensson, Anna`: a first name after a surname and a comma at the start of a line.
        if run.count == 1, run.lowerBound >= 2 {
            let comma = tokens[run.lowerBound - 1]
            let prev = tokens[run.lowerBound - 2]
            if comma.kind == .punct && comma.end - comma.start == 1 && prev.isNameLike && prev.flags.contains(.lineInitial) {
                sink.add("cue_b=line_surname_comma")
            }
        }
    }

    // MARK: helpers

    /// A number of eight or more characters without `/` or `.` (personnummer, phone, account
    /// number) after a name points to a person; a case number (`KFN 2021/483`, `2020.4958`)
    /// after a committee's abbreviation does not.
    static func isIdentityLikeNumber(_ t: NameToken, _ lower: UnsafeBufferPointer<UInt8>) -> Bool {
        guard t.kind == .number, t.end - t.start >= 8 else { return false }
        for j in t.start..<t.end where lower[j] == 0x2F || lower[j] == 0x2E { return false }
        return true
    }

    /// Whether the token before `first` ends a Swedish postcode (`NNN NN` or `NNNNN`) on the same line.
    static func isAfterPostcode(_ first: Int, _ tokens: [NameToken], _ lower: UnsafeBufferPointer<UInt8>) -> Bool {
        guard first >= 1, !tokens[first].flags.contains(.newlineBefore), !tokens[first].flags.contains(.blankLineBefore) else { return false }
        let p = tokens[first - 1]
        guard p.kind == .number, isDigits(p, lower) else { return false }
        if p.end - p.start == 5 { return true }
        guard p.end - p.start == 2, first >= 2, !p.flags.contains(.newlineBefore), !p.flags.contains(.blankLineBefore) else { return false }
        let q = tokens[first - 2]
        return q.kind == .number && q.end - q.start == 3 && isDigits(q, lower)
    }

    /// Only digits: a postcode part, not a clock time (`08:15`) or a date part the tokenizer kept whole.
    @inline(__always) static func isDigits(_ t: NameToken, _ lower: UnsafeBufferPointer<UInt8>) -> Bool {
        for j in t.start..<t.end where !NameText.isDigit(lower[j]) { return false }
        return true
    }

    private static func word<S: NameFeatureSink>(_ prefix: StaticString, _ t: NameToken,
                                                 _ lower: UnsafeBufferPointer<UInt8>, _ sink: inout S) {
        switch t.kind {
        case .word where t.coreEnd - t.start <= 24:
            sink.add(prefix, lower, t.start..<t.coreEnd)
        case .word: sink.add(prefix, 99)
        case .initial: sink.add(prefix, 1)
        case .number: sink.add(prefix, 2)
        case .compound: sink.add(prefix, t.flags.contains(.email) ? 3 : 4)
        case .punct: sink.add(prefix, lower, t.start..<t.end)
        }
    }

    static func firstNameBin(_ e: NameLexiconEntry) -> Int {
        let c = e.firstNameBearers
        if c == 0 { return e.flags & NameLexiconEntry.fakerFirst != 0 ? 3 : 0 }
        return c < 20 ? 1 : c < 200 ? 2 : c < 2_000 ? 3 : c < 20_000 ? 4 : 5
    }

    static func surnameBin(_ e: NameLexiconEntry) -> Int {
        let c = e.surnameBearers
        if c == 0 { return e.flags & NameLexiconEntry.fakerLast != 0 ? 1 : 0 }
        return c < 3_000 ? 1 : c < 10_000 ? 2 : c < 50_000 ? 3 : 4
    }

    static func zipfBin(_ e: NameLexiconEntry) -> Int {
        e.zipf10 == 0 ? 0 : Int(e.zipf10) / 5
    }

    /// 0 Xx, 1 XX, 2 initial, 3 hyphenated Xx-Xx, 4 particle, 5 single capital letter, 6 inner caps, 7 other.
    static func shapeCode(_ t: NameToken) -> Int {
        if t.kind == .initial { return 2 }
        if t.kind != .word { return 7 }
        if t.flags.contains(.particle) { return 4 }
        if !t.flags.contains(.capitalised) { return 7 }
        if t.end - t.start == 1 { return 5 }
        if t.flags.contains(.allCaps) { return 1 }
        if t.flags.contains(.innerCaps) { return 6 }
        if t.flags.contains(.hyphenated) { return 3 }
        return 0
    }

    @inline(__always) static func charCount(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var c = 0
        for i in start..<end where b[i] & 0xC0 != 0x80 { c += 1 }
        return c
    }

    /// Byte offset where the last `k` characters of `start..<end` begin.
    @inline(__always) static func suffixStart(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ k: Int) -> Int {
        var i = end
        var left = k
        while i > start && left > 0 {
            i -= 1
            if b[i] & 0xC0 != 0x80 { left -= 1 }
        }
        return i
    }
}
