/// Finds phrases from many phrase lists in one pass: case-insensitive (ASCII and
/// Å Ä Ö É …), on word boundaries, whitespace-flexible between words, and
/// lemma-tolerant: an entry ending in `*` (`diagnos*`) matches any word that starts
/// with it and extends the match to the end of that word (`diagnoserna`, and across a
/// hyphen: `hbtq-personer`); an entry without `*` must end at a word end.
///
/// Every phrase starts at a word start, so instead of an Aho–Corasick automaton over
/// every byte, the text is swept once for word starts (`WordStarts`, eight bytes at a
/// time), a table of the four-byte openings the phrases allow rules out most of them
/// (`PhraseStartFilter`, exact: it never rejects a start that could match), and a trie of
/// all phrases (dense transitions over byte classes) is walked from the rest. Hundreds
/// of phrases cost the same sweep (decision 0440).
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
    /// Trie transitions, one row of `classCount` per node, at `row + class`: the child's row, 0
    /// when there is none. A node's row is its number × `classCount`; the root is node 0, and
    /// the nodes with flags (an entry ends there, or it was reached by whitespace) are numbered
    /// next, so one comparison with `flaggedRows` catches both the end of a walk and the rare
    /// steps with more to do. Class 0 never has a child, so bytes in no phrase stop a walk
    /// without a test of their own.
    private let trie: [UInt32]
    private let flaggedRows: Int
    /// Per flagged node: `endsFlag`, `spaceFlag` (skip the rest of a whitespace run).
    private let nodeFlags: [UInt8]
    /// Entries that end at each node.
    private let outputs: [[Int32]]
    /// Rules out most word starts before a walk (internal for tests).
    let startFilter: PhraseStartFilter

    private static let endsFlag: UInt8 = 1
    private static let spaceFlag: UInt8 = 2

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
        // Folding leaves 200 distinct byte values, so every entry byte has a class (never 0).
        let layout = Self.trie(of: entries, classForByte: classForByte, classCount: classCount)
        let (trie, flaggedCount, nodeFlags) = (layout.trie, layout.flaggedCount, layout.nodeFlags)
        self.trie = trie
        self.flaggedRows = flaggedCount * classCount
        self.nodeFlags = nodeFlags
        self.outputs = layout.outputs
        self.entries = entries
        self.classOf = (0...255).map { byte in
            TextFolding.isSpace(UInt8(byte)) ? classForByte[0x20] : classForByte[Int(TextFolding.fold(UInt8(byte)))]
        }
        self.classCount = classCount
        self.startFilter = PhraseStartFilter(classOf: classOf, classCount: classCount, spaceClass: classForByte[0x20]) { row, symbol in
            let child = Int(trie[row + symbol])
            guard child != 0 else { return nil }
            let flags = child < flaggedCount * classCount ? nodeFlags[child / classCount] : 0
            return (child, flags & Self.endsFlag != 0, flags & Self.spaceFlag != 0)
        }
    }

    /// Builds the trie rows: nodes in insertion order first, then numbered root, flagged
    /// nodes, the rest (see `trie`).
    private static func trie(of entries: [Entry], classForByte: [UInt8], classCount: Int)
        -> (trie: [UInt32], flaggedCount: Int, nodeFlags: [UInt8], outputs: [[Int32]]) {
        let spaceClass = Int(classForByte[0x20])
        var children = [Int](repeating: 0, count: classCount)   // node * classCount + class → child node
        var outputs: [[Int32]] = [[]]
        for (index, entry) in entries.enumerated() where !entry.bytes.isEmpty {
            var node = 0
            for byte in entry.bytes {
                let slot = node * classCount + Int(classForByte[Int(byte)])
                if children[slot] == 0 {
                    children[slot] = outputs.count
                    children += [Int](repeating: 0, count: classCount)
                    outputs.append([])
                }
                node = children[slot]
            }
            outputs[node].append(Int32(index))
        }
        var flags = [UInt8](repeating: 0, count: outputs.count)
        for (slot, child) in children.enumerated() where child != 0 {
            flags[child] = (outputs[child].isEmpty ? 0 : endsFlag) | (slot % classCount == spaceClass ? spaceFlag : 0)
        }
        let order = [0] + (1..<outputs.count).filter { flags[$0] != 0 } + (1..<outputs.count).filter { flags[$0] == 0 }
        var number = [Int](repeating: 0, count: outputs.count)
        for (new, old) in order.enumerated() { number[old] = new }
        precondition(children.count <= Int(UInt32.max), "phrase trie too large")
        var trie = [UInt32](repeating: 0, count: children.count)
        for (slot, child) in children.enumerated() where child != 0 {
            trie[number[slot / classCount] * classCount + slot % classCount] = UInt32(number[child] * classCount)
        }
        let flaggedCount = 1 + flags.dropFirst().filter { $0 != 0 }.count
        return (trie, flaggedCount, order.prefix(flaggedCount).map { flags[$0] }, order.map { outputs[$0] })
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Every phrase occurrence for rules where `active[rule]` is true.
    func matches(in text: UnsafeBufferPointer<UInt8>, active: [Bool]) -> [Match] {
        guard !entries.isEmpty && !text.isEmpty else { return [] }
        // Two loops, a batch at a time: collect the word starts the start filter lets
        // through, then walk the trie from each. Kept apart, each loop stays small enough to
        // keep its values in registers.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: Self.batch) { starts in
            var found: [Match] = []
            var position = WordStarts.Position()
            while position.block < text.count {
                let count = promisingStarts(in: text, from: &position, into: starts)
                classOf.withUnsafeBufferPointer { classes in
                    trie.withUnsafeBufferPointer { trie in
                        for start in starts[..<count] {
                            walk(from: start, in: text, classes: classes, trie: trie, active: active, into: &found)
                        }
                    }
                }
            }
            return found
        }
    }

    /// Word starts collected per batch (4 KiB on the stack).
    private static let batch = 512

    /// Writes the word starts from `position` on that pass the start filter to `starts`, until
    /// it could overflow; returns how many and leaves `position` where to resume.
    private func promisingStarts(in text: UnsafeBufferPointer<UInt8>, from position: inout WordStarts.Position,
                                 into starts: UnsafeMutableBufferPointer<Int>) -> Int {
        var count = 0
        let limit = starts.count &- WordStarts.maxStartsPerStretch
        classOf.withUnsafeBufferPointer { classes in
            startFilter.withTest(in: text, classes: classes) { passes in
                WordStarts.forEach(in: text, from: &position, until: { count > limit }) { start in
                    // Branch-free: about one start in five passes, a branch the CPU
                    // cannot predict; writing every start and counting the passes costs less.
                    starts[count] = start
                    count &+= passes(start) ? 1 : 0
                }
            }
        }
        return count
    }

    /// Follows the trie from a word start, reporting every entry that ends on a valid boundary.
    @inline(__always)
    private func walk(from start: Int, in text: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>,
                      trie: UnsafeBufferPointer<UInt32>, active: [Bool], into found: inout [Match]) {
        var row = 0
        var position = start
        let count = text.count
        let flaggedRows = self.flaggedRows
        while position < count {
            row = Int(trie[row &+ Int(classes[Int(text[position])])])
            position &+= 1
            if row < flaggedRows {
                if row == 0 { return }
                let node = row / classCount
                let flags = nodeFlags[node]
                if flags & Self.spaceFlag != 0 {
                    while position < count && TextFolding.isSpace(text[position]) { position &+= 1 }
                }
                if flags & Self.endsFlag != 0 {
                    report(node: node, start: start, end: position, in: text, active: active, into: &found)
                }
            }
        }
    }

    @inline(never)
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
