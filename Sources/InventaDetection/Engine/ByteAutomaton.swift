/// An Aho–Corasick automaton over case-folded UTF-8 bytes, compiled to a dense
/// transition table over byte classes (only bytes that occur in some pattern get a
/// class of their own), so scanning costs one table load per byte whatever the
/// number of patterns. Built once per rule set; immutable and thread-safe.
///
/// With `collapseWhitespace`, a run of whitespace in the text counts as one space,
/// so the phrase `skyddad identitet` also matches `skyddad\n  identitet`.
struct ByteAutomaton: Sendable {
    /// Byte → class (after folding and whitespace mapping).
    private let classOf: [UInt8]
    private let classCount: Int
    /// Row offsets (`state * classCount`) of the next state; stored as `~offset` when
    /// that state ends at least one pattern, so the hot loop tests one sign bit.
    private let transitions: [Int32]
    /// Patterns ending in each state (including those reached through failure links).
    private let outputs: [[Int32]]
    let collapseWhitespace: Bool
    private let spaceClass: UInt8
    /// The longest pattern in bytes: without `collapseWhitespace`, a match in the text is exactly this long or shorter.
    let longestPattern: Int
    /// `containsAny`'s skip test, when every pattern starts with one of at most four ASCII
    /// bytes: those first bytes broadcast to all eight lanes, letters (tested case-blind by
    /// setting bit 5 of the text) apart from other bytes. Nil when skipping does not apply.
    private let firstLetters: [UInt64]
    private let firstOthers: [UInt64]
    private let canSkip: Bool

    init(patterns: [[UInt8]], collapseWhitespace: Bool = false) {
        self.collapseWhitespace = collapseWhitespace
        self.longestPattern = patterns.map(\.count).max() ?? 0
        func mapped(_ byte: UInt8) -> UInt8 {
            collapseWhitespace && TextFolding.isSpace(byte) ? 0x20 : TextFolding.fold(byte)
        }
        // Byte classes: 0 for bytes in no pattern.
        var classForByte = [UInt8](repeating: 0, count: 256)
        var nextClass = 1
        for pattern in patterns {
            for byte in pattern where classForByte[Int(byte)] == 0 && nextClass < 256 {
                classForByte[Int(byte)] = UInt8(nextClass)
                nextClass += 1
            }
        }
        let classOf = (0...255).map { classForByte[Int(mapped(UInt8($0)))] }
        let classCount = nextClass
        // Trie.
        var children: [[Int]] = [[Int](repeating: -1, count: classCount)]
        var output: [[Int32]] = [[]]
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for byte in pattern {
                let symbol = Int(classForByte[Int(byte)])
                if children[state][symbol] < 0 {
                    children[state][symbol] = children.count
                    children.append([Int](repeating: -1, count: classCount))
                    output.append([])
                }
                state = children[state][symbol]
            }
            output[state].append(Int32(index))
        }
        // Failure links in breadth-first order, completing the transition table.
        var fail = [Int](repeating: 0, count: children.count)
        var delta = children
        var queue: [Int] = []
        for symbol in 0..<classCount {
            if delta[0][symbol] < 0 { delta[0][symbol] = 0 } else { queue.append(delta[0][symbol]) }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            output[state] += output[fail[state]]
            for symbol in 0..<classCount {
                let child = delta[state][symbol]
                if child >= 0 {
                    fail[child] = delta[fail[state]][symbol]
                    queue.append(child)
                } else {
                    delta[state][symbol] = delta[fail[state]][symbol]
                }
            }
        }
        var table = [Int32](repeating: 0, count: delta.count * classCount)
        for state in 0..<delta.count {
            for symbol in 0..<classCount {
                let target = delta[state][symbol]
                let offset = Int32(target * classCount)
                table[state * classCount + symbol] = output[target].isEmpty ? offset : ~offset
            }
        }
        self.classOf = classOf
        self.classCount = classCount
        self.transitions = table
        self.outputs = output
        self.spaceClass = classForByte[0x20]
        let firsts = Set(patterns.compactMap(\.first))
        let ones: UInt64 = 0x0101_0101_0101_0101
        self.canSkip = !collapseWhitespace && !firsts.isEmpty && firsts.count <= 4 && firsts.allSatisfy { $0 < 0x80 }
        self.firstLetters = firsts.filter { $0 >= 0x61 && $0 <= 0x7A }.sorted().map { ones &* UInt64($0) }
        self.firstOthers = firsts.filter { !($0 >= 0x61 && $0 <= 0x7A) }.sorted().map { ones &* UInt64($0) }
    }

    /// True when one of the eight bytes of `word` may start a pattern (see `firstLetters`).
    @inline(__always)
    private func mayStart(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // A zero byte in `word ^ broadcast` is a byte equal to the broadcast one (the classic
        // has-zero-byte test: no false answers for the word as a whole).
        let folded = word | (ones &* 0x20)
        for first in firstLetters {
            let difference = folded ^ first
            if (difference &- ones) & ~difference & highs != 0 { return true }
        }
        for first in firstOthers {
            let difference = word ^ first
            if (difference &- ones) & ~difference & highs != 0 { return true }
        }
        return false
    }

    /// Calls `visit(pattern, end)` for every occurrence, `end` being the byte index just
    /// after the occurrence's last byte.
    func scan(_ text: UnsafeBufferPointer<UInt8>, visit: (Int, Int) -> Void) {
        let classCount = self.classCount
        let collapse = collapseWhitespace
        let spaceClass = self.spaceClass
        classOf.withUnsafeBufferPointer { classes in
            transitions.withUnsafeBufferPointer { table in
                var offset = 0
                var previousSpace = false
                for index in 0..<text.count {
                    let symbol = classes[Int(text[index])]
                    if collapse {
                        let isSpace = symbol == spaceClass && TextFolding.isSpace(text[index])
                        if isSpace && previousSpace { continue }
                        previousSpace = isSpace
                    }
                    let next = table[offset &+ Int(symbol)]
                    if next >= 0 {
                        offset = Int(next)
                    } else {
                        offset = Int(~next)
                        for pattern in outputs[offset / classCount] { visit(Int(pattern), index + 1) }
                    }
                }
            }
        }
    }

    /// True when any pattern occurs in `text`; stops at the first occurrence.
    func containsAny(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        if collapseWhitespace {
            var found = false
            scan(text) { _, _ in found = true }
            return found
        }
        return classOf.withUnsafeBufferPointer { classes in
            transitions.withUnsafeBufferPointer { table in
                var offset = 0
                var index = 0
                // Bytes before this index go through the automaton one by one (the block that
                // failed the skip test), so a block is tested once.
                var stepUntil = 0
                let count = text.count
                while index < count {
                    // At the root no match is under way: skip eight bytes at a time while none
                    // of them can start a pattern (most of a unit, for keywords such as `kol`).
                    if offset == 0 && canSkip && index >= stepUntil, let base = text.baseAddress {
                        let raw = UnsafeRawPointer(base)
                        while index + 8 <= count
                                && !mayStart(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))) {
                            index += 8
                        }
                        if index == count { break }
                        stepUntil = index + 8
                    }
                    let next = table[offset &+ Int(classes[Int(text[index])])]
                    if next < 0 { return true }
                    offset = Int(next)
                    index += 1
                }
                return false
            }
        }
    }
}
