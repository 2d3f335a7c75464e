/// The context words found around one candidate, as indexes into a rule's
/// `ContextMatcher.keywords`, ascending (positive words first, then negative ones).
///
/// A bit set for lists of up to 64 words (every bundled rule), so scoring a candidate that
/// has context words allocates nothing for them; longer lists keep an array. Only the
/// reported findings turn the indexes into evidence texts.
struct ContextHits: Sendable, Sequence {
    /// Bit `i` set: keyword `i` was found (lists of up to 64 keywords).
    private let bits: UInt64
    /// The indexes, for lists of more than 64 keywords; nil otherwise.
    private let indexes: [Int]?

    init(bits: UInt64 = 0) {
        self.bits = bits
        self.indexes = nil
    }

    init(indexes: [Int]) {
        self.bits = 0
        self.indexes = indexes.isEmpty ? nil : indexes
    }

    var isEmpty: Bool { bits == 0 && indexes == nil }

    var count: Int { indexes?.count ?? bits.nonzeroBitCount }

    /// How many of the indexes are below `limit` (e.g. how many are positive words).
    func count(below limit: Int) -> Int {
        if let indexes { return indexes.firstIndex { $0 >= limit } ?? indexes.count }
        return limit >= 64 ? bits.nonzeroBitCount : (bits & ((1 << UInt64(limit)) &- 1)).nonzeroBitCount
    }

    /// The smallest index (the hits must not be empty).
    var lowest: Int { indexes?.first ?? bits.trailingZeroBitCount }

    /// The largest index (the hits must not be empty).
    var highest: Int { indexes?.last ?? (63 - bits.leadingZeroBitCount) }

    func makeIterator() -> Iterator { Iterator(bits: bits, indexes: indexes) }

    struct Iterator: IteratorProtocol {
        var bits: UInt64
        let indexes: [Int]?
        var position = 0

        init(bits: UInt64, indexes: [Int]?) {
            self.bits = bits
            self.indexes = indexes
        }

        mutating func next() -> Int? {
            if let indexes {
                guard position < indexes.count else { return nil }
                position += 1
                return indexes[position - 1]
            }
            guard bits != 0 else { return nil }
            let index = bits.trailingZeroBitCount
            bits &= bits &- 1
            return index
        }
    }
}
