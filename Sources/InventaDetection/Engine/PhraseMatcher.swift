/// Finds phrases from many phrase lists in one pass: case-insensitive (ASCII and
/// Å Ä Ö É …), on word boundaries, whitespace-flexible between words, and
/// lemma-tolerant: an entry ending in `*` (`diagnos*`) matches any word that starts
/// with it and extends the match to the end of that word (`diagnoserna`, and across a
/// hyphen: `hbtq-personer`); an entry without `*` must end at a word end.
///
/// Every phrase starts at a word start, so instead of an Aho–Corasick automaton over
/// every byte, the text is swept once for word starts (a 256-entry byte table) and a
/// trie of all phrases (dense transitions over byte classes) is walked from each one;
/// most walks stop after a byte or two. Hundreds of phrases cost the same sweep.
///
/// A phrase does not match inside a longer word (`brott` not in `inbrott`); compounds
/// are matched from their start only (`diabetes*` matches `diabetesmottagning`, not
/// `barndiabetes`): write such compounds as their own entries.
///
/// All phrase rules share one matcher. Immutable and thread-safe.
struct PhraseMatcher: Sendable {
    struct Entry: Sendable {
        /// Folded bytes, words separated by single spaces, without the `*`.
        var bytes: [UInt8]
        var isPrefix: Bool
        /// The entry as written in the rule (for evidence), e.g. `diagnos*`.
        var phrase: String
        /// The evidence check, `phrase:diagnos*`, built once.
        var check: String
        /// Index of the owning rule (engine numbering).
        var rule: Int
    }

    struct Match: Equatable {
        var rule: Int
        var span: Range<Int>
        var phrase: String
        /// `phrase:` + the entry, for the candidate's checks.
        var check: String
    }

    private let entries: [Entry]
    /// Byte → class (after folding); 0 for bytes in no phrase. Whitespace maps to the space class.
    private let classOf: [UInt8]
    private let classCount: Int
    private let spaceClass: UInt8
    /// Trie transitions: `node * classCount + class` → child node, 0 when there is none.
    private let children: [Int32]
    /// Entries that end at each node.
    private let outputs: [[Int32]]
    /// Per node: true when some entry ends there (a flat table, read on every trie step).
    private let ends: [Bool]

    /// Byte kinds for the word-start sweep: 0 not part of a word, 1 starts or is a word
    /// character, 2 a UTF-8 continuation byte (belongs to the character before it).
    private static let byteKind: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return 1
        case 0x80...0xBF: return 2
        case 0xC2, 0xE2: return 0      // Latin-1 punctuation (NBSP, « », §) and general punctuation (– — “ ” …)
        case 0xC3...0xF4: return 1     // letters of other scripts and Latin-1 letters (Å Ä Ö é)
        default: return 0
        }
    }

    /// `lists`: (rule index, normalised phrases) for each phrase rule.
    init(lists: [(rule: Int, phrases: [String])]) {
        var entries: [Entry] = []
        for list in lists {
            for phrase in list.phrases {
                let isPrefix = phrase.hasSuffix("*")
                let body = isPrefix ? String(phrase.dropLast()) : phrase
                entries.append(Entry(bytes: TextFolding.folded(body), isPrefix: isPrefix, phrase: phrase, check: "phrase:" + phrase,
                                     rule: list.rule))
            }
        }
        var classForByte = [UInt8](repeating: 0, count: 256)
        var nextClass = 1
        for entry in entries {
            for byte in entry.bytes where classForByte[Int(byte)] == 0 && nextClass < 256 {
                classForByte[Int(byte)] = UInt8(nextClass)
                nextClass += 1
            }
        }
        let classCount = nextClass
        var children = [Int32](repeating: 0, count: classCount)
        var outputs: [[Int32]] = [[]]
        for (index, entry) in entries.enumerated() where !entry.bytes.isEmpty {
            var node = 0
            for byte in entry.bytes {
                let slot = node * classCount + Int(classForByte[Int(byte)])
                if children[slot] == 0 {
                    children[slot] = Int32(outputs.count)
                    children += [Int32](repeating: 0, count: classCount)
                    outputs.append([])
                }
                node = Int(children[slot])
            }
            outputs[node].append(Int32(index))
        }
        self.entries = entries
        self.classOf = (0...255).map { byte in
            TextFolding.isSpace(UInt8(byte)) ? classForByte[0x20] : classForByte[Int(TextFolding.fold(UInt8(byte)))]
        }
        self.classCount = classCount
        self.spaceClass = classForByte[0x20]
        self.children = children
        self.outputs = outputs
        self.ends = outputs.map { !$0.isEmpty }
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Every phrase occurrence for rules where `active[rule]` is true.
    func matches(in text: UnsafeBufferPointer<UInt8>, active: [Bool]) -> [Match] {
        guard !entries.isEmpty else { return [] }
        var found: [Match] = []
        // Borrow every table once per unit: the sweep and the walks touch only raw buffers,
        // so a word start costs no reference counting.
        Self.byteKind.withUnsafeBufferPointer { kinds in
            classOf.withUnsafeBufferPointer { classes in
                children.withUnsafeBufferPointer { trie in ends.withUnsafeBufferPointer { ends in
                    // Two tight loops instead of one with a state flag: skip to the next word
                    // start (a UTF-8 continuation byte keeps the state of the byte before it),
                    // walk the trie from it, then skip the rest of the word.
                    let count = text.count
                    var index = 0
                    while true {
                        while index < count && kinds[Int(text[index])] != 1 { index &+= 1 }
                        guard index < count else { break }
                        if classes[Int(text[index])] != 0 {
                            walk(from: index, in: text, classes: classes, trie: trie, ends: ends, active: active, into: &found)
                        }
                        index &+= 1
                        while index < count && kinds[Int(text[index])] != 0 { index &+= 1 }
                    }
                }}
            }
        }
        return found
    }

    /// Follows the trie from a word start, reporting every entry that ends on a valid boundary.
    @inline(__always)
    private func walk(from start: Int, in text: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>,
                      trie: UnsafeBufferPointer<Int32>, ends: UnsafeBufferPointer<Bool>, active: [Bool],
                      into found: inout [Match]) {
        var node = 0
        var position = start
        let classCount = self.classCount
        while position < text.count {
            var symbol = classes[Int(text[position])]
            if symbol == 0 { return }
            if symbol == spaceClass && TextFolding.isSpace(text[position]) {
                while position + 1 < text.count && TextFolding.isSpace(text[position + 1]) { position += 1 }
                symbol = spaceClass
            }
            let child = trie[node &* classCount &+ Int(symbol)]
            if child == 0 { return }
            node = Int(child)
            position += 1
            if ends[node] { report(node: node, start: start, end: position, in: text, active: active, into: &found) }
        }
    }

    private func report(node: Int, start: Int, end position: Int, in text: UnsafeBufferPointer<UInt8>, active: [Bool],
                        into found: inout [Match]) {
        for index in outputs[node] {
            let entry = entries[Int(index)]
            guard active[entry.rule], let end = end(of: entry, at: position, in: text) else { continue }
            found.append(Match(rule: entry.rule, span: start..<end, phrase: entry.phrase, check: entry.check))
        }
    }

    /// Where a match of `entry` whose bytes end at `position` ends, or nil when it would end
    /// inside a word (an exact entry followed by more letters).
    private func end(of entry: Entry, at position: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard entry.isPrefix else {
            return TextFolding.isWordCharacter(at: position, in: text) ? nil : position
        }
        var stop = position
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
        return stop
    }
}
