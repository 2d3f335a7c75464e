/// The phrase-list text format used by `phrases_file`: one phrase per line, blank
/// lines and `#` comments ignored. Phrases are normalised the same way as inline
/// `phrases`: lower-cased, surrounding space trimmed, inner whitespace runs made one space.
public enum PhraseFile {
    public static func parse(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let phrase = normalize(String(content))
            return phrase.isEmpty ? nil : phrase
        }
    }

    public static func normalize(_ phrase: String) -> String {
        phrase.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
