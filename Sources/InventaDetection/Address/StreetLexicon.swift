/// Words that make a street name: suffixes of compound street names (`Björk|vägen`), suffix
/// words that follow a name (`Vasa väg`, `Sergels torg`) and leading words (`Stora Nygatan`).
/// All lower-case UTF-8; comparisons lower-case the text with `ContextMatcher.lowered`.
enum StreetLexicon {
    /// Suffixes accepted at the end of a compound word or as a word of their own.
    static let suffixes: [[UInt8]] = [
        "gatan", "gata", "vägen", "väg", "gränd", "gränden", "stigen", "backen", "torget", "platsen", "allén",
        "allé", "alle", "allen", "leden", "stråket", "slingan", "kajen", "gången", "esplanaden", "promenaden",
        "plan", "ringen", "terrassen", "udden", "kroken", "strand",
    ].map { Array($0.utf8) }

    /// Accepted only as a word of their own after a capitalised name: as compound endings they
    /// are too common in ordinary words (`parkeringsplats 12`, `vandringsled 3`).
    static let standaloneSuffixes: [[UInt8]] = [
        "torg", "plats", "backe", "stig", "led", "kaj",
    ].map { Array($0.utf8) }

    /// Compound words ending in a suffix that are not streets (`detaljplan 12`).
    static let falseCompounds: [[UInt8]] = [
        "detaljplan", "översiktsplan", "handlingsplan", "åtgärdsplan", "vårdplan", "arbetsplan", "verksamhetsplan",
        "genomförandeplan", "stadsplan", "byggplan", "budgetplan", "tidplan", "projektplan", "planen", "lönegata",
    ].map { Array($0.utf8) }

    /// Words that may open a street name before the word with the suffix.
    static let leadingWords: [[UInt8]] = [
        "stora", "lilla", "norra", "södra", "östra", "västra", "gamla", "nya", "övre", "nedre", "sankt", "s:t",
    ].map { Array($0.utf8) }

    /// True when the lower-cased `word` ends a street name; `standalone` when it is only a suffix word.
    static func classify(_ word: [UInt8]) -> (isStreet: Bool, standalone: Bool) {
        if falseCompounds.contains(where: { word.count >= $0.count && word.suffix($0.count).elementsEqual($0) }) {
            return (false, false)
        }
        for suffix in suffixes where word.count >= suffix.count && word.suffix(suffix.count).elementsEqual(suffix) {
            return (true, word.count == suffix.count)
        }
        if standaloneSuffixes.contains(where: { $0 == word }) { return (true, true) }
        return (false, false)
    }
}
