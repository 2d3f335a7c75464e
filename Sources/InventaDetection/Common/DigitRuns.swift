/// Iterates maximal runs of ASCII digits: the common first step of the number matchers.
enum DigitRuns {
    /// Calls `body(start, end)` for each digit run; `body` returns where scanning continues
    /// (at least `end`, or further when it consumed more than the run).
    @inline(__always)
    static func forEach(in text: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Int) {
        let count = text.count
        var index = 0
        while index < count {
            guard ByteClass.isDigit(text[index]) else { index += 1; continue }
            var end = index + 1
            while end < count && ByteClass.isDigit(text[end]) { end += 1 }
            index = max(end, body(index, end))
        }
    }

    /// True when exactly `length` digits start at `start` (the next byte is not a digit).
    static func isRun(_ text: UnsafeBufferPointer<UInt8>, from start: Int, length: Int) -> Bool {
        guard start + length <= text.count else { return false }
        for index in start..<(start + length) where !ByteClass.isDigit(text[index]) { return false }
        return start + length == text.count || !ByteClass.isDigit(text[start + length])
    }
}
