/// The corpus generator's only source of randomness: SplitMix64 (Steele, Lea and
/// Flood 2014), seeded by the user. The system generator is never used, so a seed
/// always gives the same corpus, byte for byte, on every machine and Swift version.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range` (modulo bias is negligible for corpus sizes).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    public mutating func int(_ range: Range<Int>) -> Int {
        int(range.lowerBound...(range.upperBound - 1))
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < p
    }

    public mutating func pick<T>(_ items: [T]) -> T {
        items[int(0..<items.count)]
    }

    public mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(int(0...9))) })
    }

    /// An independent generator for one sub-task, so adding a document does not
    /// shift the random stream of every document after it.
    public mutating func fork() -> SplitMix64 {
        SplitMix64(seed: next())
    }
}
