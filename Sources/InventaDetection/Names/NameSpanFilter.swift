/// Vetoes on whole name spans of one word standing alone (its candidate run is just that word):
/// the shapes office documents are full of and the token model, trained mostly on sentences,
/// scores as names — a table cell or a label's value that is a common noun (`Färdtjänst`,
/// `Dokumenttyp: Riktlinje`, the header `Klass`), an acronym (`LVU`, `MAS`, `SN-AU`), a month or
/// weekday in a statistics column (`Maj`, `Juni`), a long compound (`Leverantörsreskontra`).
///
/// Also vetoes spans that name an organisation by their own words (a club prefix `IK`, an ending
/// such as `-sällskap`, `-firman`, `-nämnden`) and a lone word before an organisation noun
/// (`Småstads kommun`).
///
/// What it does not do: apart from organisations it never touches a span of two or more words, a word with name-list
/// evidence (a listed first name such as `Freja` or a listed surname such as `Modig` stays the
/// model's call), or a word the same text unit confirmed as a surname. See
/// docs/decisions/0503-lone-word-spans.md for the measured effect and the names given up.
enum NameSpanFilter {
    /// Whether `span` is one of the lone-word shapes above and must not be reported.
    static func rejects(_ span: NameSpan, _ doc: NameDocument) -> Bool {
        if isOrganisation(span, doc) { return true }
        guard !span.reversed, span.tokens.count == 1 else { return false }
        let index = span.tokens.lowerBound
        guard isWholeRun(index, doc) else { return false }
        let t = doc.tokens[index]
        guard t.kind == .word, !t.flags.contains(.documentConfirmed) else { return false }
        let e = t.lexicon
        // `Småstads kommun`, `Ekby skola`: a lone word on no first-name list before an organisation word.
        if e.firstNameBearers < 200, index + 1 < doc.tokens.count, doc.tokens[index + 1].kind == .word,
           !doc.tokens[index + 1].flags.contains(.capitalised), !doc.tokens[index + 1].flags.contains(.newlineBefore),
           NameCues.organisation.contains(doc.tokens[index + 1].lexiconHash) { return true }
        let hasNameEvidence = e.firstNameBearers >= 20 || e.surnameBearers > 0
            || e.flags & (NameLexiconEntry.fakerFirst | NameLexiconEntry.fakerLast) != 0
        let letters = letterCount(t, doc.lower)
        if t.flags.contains(.allCaps) {
            // Acronyms of units, laws and systems: short, and at most a rare first name (`MAS`: 7 bearers).
            if t.flags.contains(.hyphenated) { return letters <= 6 && e.surnameBearers == 0 && e.firstNameBearers < 200 }
            return letters <= 5 && e.firstNameBearers < 200 && e.surnameBearers == 0
        }
        if e.flags & NameLexiconEntry.calendar != 0 && !hasCueBefore(index, doc) { return true }
        guard !hasNameEvidence, !t.flags.contains(.possessive) else { return false }
        // A common Swedish word (wordfreq Zipf ≥ 2.5) on no name list.
        if e.zipf10 >= 25 { return true }
        // Names are rarely written as one word of 16 letters or more; compounds are.
        return !t.flags.contains(.hyphenated) && letters >= 16
    }

    /// A span that is an association or a firm by its own words: a sports-club prefix (`IK Sten`,
    /// `IFK Berg`) or a word on no name list ending in an organisation noun (`Rosendals
    /// Trädgårdssällskap`, `Advokatfirman Lindahl`).
    private static func isOrganisation(_ span: NameSpan, _ doc: NameDocument) -> Bool {
        let tokens = doc.tokens
        let first = tokens[span.tokens.lowerBound]
        if span.tokens.count >= 2, first.kind == .word, first.flags.contains(.allCaps), clubPrefix.contains(first.lexiconHash) { return true }
        for i in span.tokens where tokens[i].kind == .word && !tokens[i].lexicon.isFirstName && !tokens[i].lexicon.isSurname {
            let t = tokens[i]
            let word = doc.lower[t.start..<t.coreEnd]
            if organisationEndings.contains(where: { word.count > $0.count + 2 && word.suffix($0.count).elementsEqual($0) }) { return true }
        }
        return false
    }

    private static let clubPrefix: FlatTable<Bool> = {
        var table: [UInt64: Bool] = [:]
        for w in ["ik", "if", "ifk", "bk", "fk", "sk", "gif", "aik", "bois", "ff", "kfum", "kfuk"] { table[FNV1a.hash(w)] = true }
        return FlatTable(table, empty: false)
    }()

    private static let organisationEndings: [[UInt8]] = [
        "sällskap", "sällskapet", "förening", "föreningen", "förbund", "förbundet", "klubb", "klubben", "firma", "firman",
        "byrå", "byrån", "nämnd", "nämnden", "förvaltning", "förvaltningen", "bolag", "bolaget", "stiftelse", "stiftelsen",
    ].map { Array($0.utf8) }

    /// Runs are sorted; the binary search keeps the check cheap on long lists.
    private static func isWholeRun(_ index: Int, _ doc: NameDocument) -> Bool {
        var lo = 0, hi = doc.runs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if doc.runs[mid].lowerBound < index { lo = mid + 1 } else { hi = mid }
        }
        return lo < doc.runs.count && doc.runs[lo] == index..<(index + 1)
    }

    private static func letterCount(_ t: NameToken, _ lower: [UInt8]) -> Int {
        var c = 0
        for j in t.start..<t.coreEnd where lower[j] & 0xC0 != 0x80 && lower[j] != 0x2D { c += 1 }
        return c
    }

    /// `Hej Maj!`, `Handläggare: Juni Berg` — a greeting or role within two tokens before.
    private static func hasCueBefore(_ index: Int, _ doc: NameDocument) -> Bool {
        var j = index - 1
        while j >= 0 && j >= index - 2 {
            let h = doc.tokens[j].lexiconHash
            if doc.tokens[j].kind == .word && (NameCues.greeting.contains(h) || NameCues.role.contains(h)) { return true }
            j -= 1
        }
        return false
    }
}
