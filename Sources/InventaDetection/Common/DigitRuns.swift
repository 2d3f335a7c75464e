/// Iterates maximal runs of ASCII digits: the common first step of the number matchers.
/// Text without digits is skipped eight bytes at a time (a SWAR test for bytes 0x30–0x39),
/// so prose costs little more than reading it.
enum DigitRuns {
    /// Calls `body(start, end)` for each digit run; `body` returns where scanning continues
    /// (at least `end`, or further when it consumed more than the run).
    @inline(__always)
    static func forEach(in text: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Int) {
        let count = text.count
        var index = 0
        guard let base = text.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        while index < count {
            if index + 8 <= count && !containsDigit(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                continue
            }
            guard ByteClass.isDigit(text[index]) else { index += 1; continue }
            var end = index + 1
            while end < count && ByteClass.isDigit(text[end]) { end += 1 }
            index = max(end, body(index, end))
        }
    }

    /// True when one of the eight bytes of `word` is an ASCII digit (bit-twiddling "has between"
    /// test for bytes 0x30–0x39; bytes ≥ 0x80 never count).
    @inline(__always) static func containsDigit(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low7 = word & (ones &* 127)
        let above = low7 &+ ones &* (127 - 0x2F)
        let below = (ones &* (127 + 0x3A)) &- low7
        return (below & ~word & above & 0x8080_8080_8080_8080) != 0
    }

    /// True when exactly `length` digits start at `start` (the next byte is not a digit).
    static func isRun(_ text: UnsafeBufferPointer<UInt8>, from start: Int, length: Int) -> Bool {
        guard start + length <= text.count else { return false }
        for index in start..<(start + length) where !ByteClass.isDigit(text[index]) { return false }
        return start + length == text.count || !ByteClass.isDigit(text[start + length])
    }
}
