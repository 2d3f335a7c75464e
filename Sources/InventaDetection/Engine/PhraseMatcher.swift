/// Finds phrases from many phrase lists in one pass: case-insensitive (ASCII and
/// Å Ä Ö É …), on word boundaries, whitespace-flexible between words, and
/// lemma-tolerant: an entry ending in `*` (`diagnos*`) matches any word that starts
/// with it and extends the match to the end of that word (`diagnoserna`); an entry
/// without `*` must end at a word end.
///
/// A word boundary is any character that is not a letter or digit, so a phrase does
/// not match inside a longer word at its start (`brott` does not match `abrott`).
/// Compounds are matched from their start only (`diabetes*` matches
/// `diabetesmottagning`, not `barndiabetes`): write the compound as its own entry.
///
/// All phrase rules share one `ByteAutomaton`, so hundreds of phrases cost one scan.
/// Immutable and thread-safe.
struct PhraseMatcher: Sendable {
    struct Entry: Sendable {
        /// Folded bytes, words separated by single spaces, without the `*`.
        var bytes: [UInt8]
        var isPrefix: Bool
        /// The entry as written in the rule (for evidence), e.g. `diagnos*`.
        var phrase: String
        /// Index of the owning rule (engine numbering).
        var rule: Int
    }

    struct Match: Equatable {
        var rule: Int
        var span: Range<Int>
        var phrase: String
    }

    private let entries: [Entry]
    private let automaton: ByteAutomaton?

    /// `lists`: (rule index, normalised phrases) for each phrase rule.
    init(lists: [(rule: Int, phrases: [String])]) {
        var entries: [Entry] = []
        for list in lists {
            for phrase in list.phrases {
                let isPrefix = phrase.hasSuffix("*")
                let body = isPrefix ? String(phrase.dropLast()) : phrase
                entries.append(Entry(bytes: TextFolding.folded(body), isPrefix: isPrefix, phrase: phrase, rule: list.rule))
            }
        }
        self.entries = entries
        self.automaton = entries.isEmpty ? nil : ByteAutomaton(patterns: entries.map(\.bytes), collapseWhitespace: true)
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Every phrase occurrence for rules where `active[rule]` is true.
    func matches(in text: UnsafeBufferPointer<UInt8>, active: [Bool]) -> [Match] {
        guard let automaton else { return [] }
        var found: [Match] = []
        automaton.scan(text) { index, end in
            let entry = entries[index]
            guard active[entry.rule], let start = start(of: entry.bytes, endingAt: end, in: text) else { return }
            if TextFolding.isWordCharacter(before: start, in: text) { return }
            var stop = end
            if entry.isPrefix {
                while stop < text.count {
                    if TextFolding.isWordCharacter(at: stop, in: text) {
                        stop += 1
                        while stop < text.count && text[stop] & 0xC0 == 0x80 { stop += 1 }
                    } else if text[stop] == UInt8(ascii: "-") && TextFolding.isWordCharacter(at: stop + 1, in: text) {
                        stop += 1  // a hyphenated compound: `hbtq-personer`, `dna-provet`
                    } else {
                        break
                    }
                }
            } else if TextFolding.isWordCharacter(at: end, in: text) {
                return
            }
            found.append(Match(rule: entry.rule, span: start..<stop, phrase: entry.phrase))
        }
        return found
    }

    /// Walks back from `end` over the text, matching `pattern` (a single space in the
    /// pattern matches a run of whitespace), and returns where the occurrence starts.
    private func start(of pattern: [UInt8], endingAt end: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var position = end
        var index = pattern.count - 1
        while index >= 0 {
            guard position > 0 else { return nil }
            if pattern[index] == 0x20 {
                guard TextFolding.isSpace(text[position - 1]) else { return nil }
                while position > 0 && TextFolding.isSpace(text[position - 1]) { position -= 1 }
            } else {
                guard TextFolding.fold(text[position - 1]) == pattern[index] else { return nil }
                position -= 1
            }
            index -= 1
        }
        return position
    }
}
