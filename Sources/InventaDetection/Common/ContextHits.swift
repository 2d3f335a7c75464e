/// The context words found around one candidate, as indexes into a rule's
/// `ContextMatcher.keywords` (positive words first, then negative, reference and sole-trader
/// labels), each with its reach: how close it is to the value and whether it is this value's
/// label at all (decision 0306).
///
/// Bit sets of up to 64 words inline (every bundled rule), so scoring a candidate with context
/// words allocates nothing; longer lists spill into an array. Only the reported findings turn
/// the indexes into evidence texts.
struct ContextHits: Sendable, Sequence {
    /// How a found word stands to the value.
    enum Reach: Int, Sendable, CaseIterable {
        /// Right before or after the value (at most `ContextMatcher.labelReach` words between,
        /// no other value between): the label, which decides.
        case label
        /// Further away on the value's side of any other value: weighs half.
        case near
        /// Further still (more than `ContextMatcher.nearReach` words between): weighs a quarter.
        case far
        /// A label with its own value between it and this one (`Tel 070-… , pnr …`), or in
        /// another cell of the row: it names that value and does not count here.
        case otherValue
    }

    private var found = KeywordBits()
    private var label = KeywordBits()
    private var near = KeywordBits()
    private var far = KeywordBits()
    private var other = KeywordBits()
    /// The label nearest the value (fewest words between; before the value on a tie), if any.
    private(set) var nearestLabel: Int?
    private var nearestLabelWords = Int.max

    init() {}

    /// Records one occurrence of keyword `index`, `words` words away from the value.
    mutating func insert(_ index: Int, reach: Reach, words: Int) {
        found.insert(index)
        switch reach {
        case .label:
            label.insert(index)
            if words < nearestLabelWords {
                nearestLabel = index
                nearestLabelWords = words
            }
        case .near: near.insert(index)
        case .far: far.insert(index)
        case .otherValue: other.insert(index)
        }
    }

    var isEmpty: Bool { found.isEmpty }

    var count: Int { found.count }

    /// The strongest reach of keyword `index` (a word found twice counts where it is closest).
    func reach(of index: Int) -> Reach? {
        if label.contains(index) { return .label }
        if near.contains(index) { return .near }
        if far.contains(index) { return .far }
        if other.contains(index) { return .otherValue }
        return nil
    }

    /// The strongest reach among the keywords in `range` (a rule's positive words, say), or nil.
    func strongestReach(in range: Range<Int>) -> Reach? {
        if label.intersects(range) { return .label }
        if near.intersects(range) { return .near }
        if far.intersects(range) { return .far }
        if other.intersects(range) { return .otherValue }
        return nil
    }

    /// The keywords in `range` whose strongest reach is `reach`, ascending.
    func indexes(in range: Range<Int>, reach: Reach) -> [Int] {
        range.filter { self.reach(of: $0) == reach }
    }

    /// The keywords in `range` found at any reach, ascending.
    func indexes(in range: Range<Int>) -> [Int] {
        found.indexes.filter(range.contains)
    }

    func makeIterator() -> IndexingIterator<[Int]> { found.indexes.makeIterator() }
}

/// A set of small non-negative integers: 64 inline, more in an array allocated only when used.
struct KeywordBits: Sendable, Equatable {
    private var low: UInt64 = 0
    private var high: [UInt64] = []

    mutating func insert(_ index: Int) {
        if index < 64 {
            low |= 1 << UInt64(index)
            return
        }
        let word = index / 64 - 1
        if high.count <= word { high.append(contentsOf: repeatElement(0, count: word + 1 - high.count)) }
        high[word] |= 1 << UInt64(index % 64)
    }

    func contains(_ index: Int) -> Bool {
        if index < 64 { return low & (1 << UInt64(index)) != 0 }
        let word = index / 64 - 1
        return word < high.count && high[word] & (1 << UInt64(index % 64)) != 0
    }

    var isEmpty: Bool { low == 0 && high.allSatisfy { $0 == 0 } }

    var count: Int { low.nonzeroBitCount + high.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// True when some member is in `range`.
    func intersects(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        if range.lowerBound < 64 {
            let upper = min(range.upperBound, 64)
            let mask = (upper == 64 ? UInt64.max : (1 << UInt64(upper)) &- 1) & ~((1 << UInt64(range.lowerBound)) &- 1)
            if low & mask != 0 { return true }
        }
        guard range.upperBound > 64, !high.isEmpty else { return false }
        return range.clamped(to: 64..<range.upperBound).contains { contains($0) }
    }

    /// The members, ascending.
    var indexes: [Int] {
        var result: [Int] = []
        var bits = low
        while bits != 0 {
            result.append(bits.trailingZeroBitCount)
            bits &= bits &- 1
        }
        for (word, value) in high.enumerated() {
            var bits = value
            while bits != 0 {
                result.append((word + 1) * 64 + bits.trailingZeroBitCount)
                bits &= bits &- 1
            }
        }
        return result
    }
}
