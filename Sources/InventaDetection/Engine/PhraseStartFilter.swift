/// Decides from the first bytes of a word, with a load or two, whether the phrase trie walk from
/// there could report anything; most word starts in prose are ruled out here, so the phrase
/// matcher walks the trie from few of them.
///
/// Two exact tables (no false negatives; false positives only cost a walk):
/// - `quads`: the first four bytes, each OR 0x20 (which folds ASCII and Latin-1 capitals and
///   keeps bytes of one trie class together), hashed to one bit of a 64 Ki-bit (8 KiB) table.
///   A bit is set for every four raw bytes over which the walk survives (whitespace runs
///   collapse as in the walk) or reports after three. Not used when an entry can end within two
///   bytes (`lss` is three; a user rule `x` or `ab` switches it off): those would need every
///   continuation set.
/// - `pairs`: the first two bytes, one bit each of 64 Ki: set when the walk gets past its second
///   step or reports after the first. For the last three bytes of a text, and when `quads` is off.
///
/// Built from the matcher's trie through a step function. Immutable and thread-safe.
struct PhraseStartFilter: Sendable {
    private static let hashBits = 16
    private let quads: [UInt64]
    private let pairs: [UInt64]
    /// False when some entry ends within two bytes: then `pairs` decides alone.
    let usesQuads: Bool

    /// One trie step: from a node's row (the root's is 0) by a class to the child's row, whether
    /// an entry ends there and whether the step was whitespace; nil when there is no child.
    typealias Step = (_ row: Int, _ symbol: Int) -> (row: Int, ends: Bool, space: Bool)?

    /// `classOf`: byte → trie class; `spaceClass`: the class of whitespace (0 when no entry has a
    /// space); `step`: the trie.
    init(classOf: [UInt8], classCount: Int, spaceClass: UInt8, step: Step) {
        pairs = Self.pairs(classOf: classOf, step: step)
        var keyBytes = [[UInt32]](repeating: [], count: classCount)
        for byte in 0..<256 where classOf[byte] != 0 {
            let key = UInt32(byte | 0x20)
            if !keyBytes[Int(classOf[byte])].contains(key) { keyBytes[Int(classOf[byte])].append(key) }
        }
        var builder = QuadBuilder(keyBytes: keyBytes, spaceClass: Int(spaceClass),
                                  bits: [UInt64](repeating: 0, count: (1 << Self.hashBits) / 64))
        builder.visit(position: 0, row: 0, inSpaceRun: false, key: 0, step: step)
        usesQuads = !builder.endsTooEarly
        quads = usesQuads ? builder.bits : []
    }

    @inline(__always) static func hash(_ key: UInt32) -> Int {
        Int((key &* 0x9E37_79B1) &>> UInt32(32 - hashBits))
    }

    /// Runs `body` with a test `passes(start)` over `text` that borrows the tables once. `text`
    /// must not be empty (a word start needs a byte); a second path for that case in here
    /// costs the sweep 0.3 instructions per byte.
    @inline(__always)
    func withTest<Result>(in text: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>,
                          _ body: ((Int) -> Bool) -> Result) -> Result {
        pairs.withUnsafeBufferPointer { pairs in
            quads.withUnsafeBufferPointer { quads in
                let raw = UnsafeRawPointer(text.baseAddress!)   // not empty: see above
                let count = text.count
                let quadLimit = usesQuads ? count &- 4 : -1
                return body { start in
                    if start <= quadLimit {
                        let key = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt32.self)) | 0x2020_2020
                        let bit = Self.hash(key)
                        return quads[bit &>> 6] &>> UInt64(bit & 63) & 1 != 0
                    }
                    if start &+ 1 < count {
                        let key = Int(text[start]) | Int(text[start &+ 1]) &<< 8
                        return pairs[key &>> 6] &>> UInt64(key & 63) & 1 != 0
                    }
                    return classes[Int(text[start])] != 0   // the last byte: the walk decides
                }
            }
        }
    }

    /// The `pairs` table: for each first byte with a child of the root, the second bytes that
    /// continue the walk (all of them when an entry ends after the first byte).
    private static func pairs(classOf: [UInt8], step: Step) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 65_536 / 64)
        for first in 0..<256 where classOf[first] != 0 {
            guard let child = step(0, Int(classOf[first])) else { continue }
            // A walk that starts on whitespace would skip the run first; words never start
            // there, but the table stays exact by letting such pairs through.
            let passesAll = child.ends || child.space
            for second in 0..<256 where passesAll || (classOf[second] != 0 && step(child.row, Int(classOf[second])) != nil) {
                let key = first | second << 8
                bits[key >> 6] |= 1 << UInt64(key & 63)
            }
        }
        return bits
    }

    /// Enumerates the walk over four raw bytes (by class, then by the key bytes of each class).
    private struct QuadBuilder {
        let keyBytes: [[UInt32]]
        let spaceClass: Int
        var bits: [UInt64]
        var endsTooEarly = false

        mutating func visit(position: Int, row: Int, inSpaceRun: Bool, key: UInt32, step: Step) {
            guard position < 4 else { return set(key) }
            guard !endsTooEarly else { return }
            let shift = UInt32(position * 8)
            for symbol in 1..<keyBytes.count {
                if inSpaceRun && symbol == spaceClass {
                    // More whitespace: the walk skips it and stays at the same node.
                    for byte in keyBytes[symbol] {
                        visit(position: position + 1, row: row, inSpaceRun: true, key: key | byte << shift, step: step)
                    }
                    continue
                }
                guard let child = step(row, symbol) else { continue }
                if child.ends && position < 3 {
                    // The walk reports here, whatever follows.
                    guard position == 2 else { endsTooEarly = true; return }
                    for byte in keyBytes[symbol] {
                        for next in UInt32(0)..<256 { set(key | byte << shift | (next | 0x20) << 24) }
                    }
                    continue
                }
                for byte in keyBytes[symbol] {
                    visit(position: position + 1, row: child.row, inSpaceRun: child.space, key: key | byte << shift, step: step)
                }
            }
        }

        mutating func set(_ key: UInt32) {
            let bit = PhraseStartFilter.hash(key)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }
}
