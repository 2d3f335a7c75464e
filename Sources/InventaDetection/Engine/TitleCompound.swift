/// A sensitive term as the first part of a hyphenated job title or unit name: `LSS-handläggare`,
/// `HBTQ-strateg`, `Missbruks-enheten`. It names a job or a part of the organisation, not
/// anyone's health or sexuality, so the phrase match is dropped, as a street name is
/// (decision 0306). A compound about a person's situation (`LSS-boende`, `LSS-insats`) is not
/// a title and still counts.
///
/// Only hyphenated compounds: a phrase without `*` ends at the hyphen, and one with `*` runs to
/// the end of the word, hyphen included, so both are checked at the hyphen that follows or
/// lies inside the match.
enum TitleCompound {
    /// Last parts that make a compound a job title or an organisational unit.
    private static let heads: [[UInt8]] = [
        "handläggare", "handläggaren", "handläggarna", "handläggning", "handläggningen", "samordnare", "samordnaren",
        "sekreterare", "sekreteraren", "konsulent", "konsulenten", "strateg", "strategen", "utredare", "utredaren",
        "chef", "chefen", "enhet", "enheten", "enhetschef", "avdelning", "avdelningen", "verksamhet", "verksamheten",
        "team", "teamet", "grupp", "gruppen", "ombud", "ombudet", "kontor", "kontoret", "nätverk", "nätverket",
        "certifiering", "certifieringen", "utbildning", "utbildningen", "policy", "policyn",
    ].map { Array($0.utf8) }

    /// True when the word that holds the end of `span` is `part-head`, `head` one of `heads`.
    static func isTitle(_ text: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> Bool {
        // The hyphen: inside the match (`lss-handläggare` matched by `lss*`) or right after it.
        var hyphen = span.upperBound
        var position = span.lowerBound
        while position < span.upperBound {
            if text[position] == UInt8(ascii: "-") { hyphen = position }
            position += 1
        }
        guard hyphen < text.count, text[hyphen] == UInt8(ascii: "-") else { return false }
        var end = hyphen + 1
        while end < text.count && ContextMatcher.isWordByte(text[end]) { end += 1 }
        let length = end - hyphen - 1
        guard length >= 4 && length <= 16 else { return false }
        var word = [UInt8](repeating: 0, count: length)
        for offset in 0..<length { word[offset] = TextFolding.fold(text[hyphen + 1 + offset]) }
        return heads.contains(word)
    }
}
