/// Iterates maximal runs of ASCII digits: the common first step of the number matchers.
/// Text is tested eight bytes at a time (a SWAR test for bytes 0x30–0x39) and the first digit
/// in a word is found from the test's bits, so prose costs little more than reading it.
enum DigitRuns {
    /// Calls `body(start, end)` for each digit run; `body` returns where scanning continues
    /// (at least `end`, or further when it consumed more than the run).
    @inline(__always)
    static func forEach(in text: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Int) {
        let count = text.count
        guard let base = text.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var index = 0
        @inline(__always) func word(_ at: Int) -> UInt64 {
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
        }
        while index < count {
            // The next digit: prose 32 bytes at a time, and where a block has one, straight to
            // it (going back to smaller steps cost more than the run in tables full of numbers).
            var found = false
            while index + 32 <= count {
                let first = digitBits(word(index)), second = digitBits(word(index + 8))
                let third = digitBits(word(index + 16)), fourth = digitBits(word(index + 24))
                if first | second | third | fourth != 0 {
                    if first != 0 {
                        index += first.trailingZeroBitCount >> 3
                    } else if second != 0 {
                        index += 8 + second.trailingZeroBitCount >> 3
                    } else if third != 0 {
                        index += 16 + third.trailingZeroBitCount >> 3
                    } else {
                        index += 24 + fourth.trailingZeroBitCount >> 3
                    }
                    found = true
                    break
                }
                index += 32
            }
            if !found {
                while index + 8 <= count {
                    let bits = digitBits(word(index))
                    if bits != 0 {
                        index += bits.trailingZeroBitCount >> 3
                        found = true
                        break
                    }
                    index += 8
                }
            }
            if !found {
                while index < count && !ByteClass.isDigit(text[index]) { index += 1 }
                if index == count { break }
            }
            var end = index + 1
            while end < count && ByteClass.isDigit(text[end]) { end += 1 }
            index = max(end, body(index, end))
        }
    }

    /// The same over runs found beforehand (`DigitRunIndex`), with the same answers: a resume
    /// point inside a run starts a run there, as the sweep would.
    @inline(__always)
    static func forEach(in text: UnsafeBufferPointer<UInt8>, runs: DigitRunIndex, _ body: (Int, Int) -> Int) {
        var resume = 0
        for run in runs.runs where run.upperBound > resume {
            resume = max(run.upperBound, body(max(run.lowerBound, resume), run.upperBound))
        }
    }

    /// The high bit of every byte of `word` that is an ASCII digit, nothing else: the exact
    /// bit-twiddling "has between" test for 0x2F < byte < 0x3A (bytes ≥ 0x80 never count, and no
    /// borrow crosses bytes, so the lowest set bit marks the first digit).
    @inline(__always) static func digitBits(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low7 = word & (ones &* 127)
        return ((ones &* (127 + 0x3A)) &- low7) & ~word & (low7 &+ ones &* (127 - 0x2F)) & 0x8080_8080_8080_8080
    }

    /// True when exactly `length` digits start at `start` (the next byte is not a digit).
    static func isRun(_ text: UnsafeBufferPointer<UInt8>, from start: Int, length: Int) -> Bool {
        guard start + length <= text.count else { return false }
        for index in start..<(start + length) where !ByteClass.isDigit(text[index]) { return false }
        return start + length == text.count || !ByteClass.isDigit(text[start + length])
    }
}

/// The digit runs of one text unit, found once by the engine and shared by the number
/// matchers (nine of them would otherwise sweep the same text nine times).
public struct DigitRunIndex: Sendable {
    let runs: [Range<Int>]

    public init(_ text: UnsafeBufferPointer<UInt8>) {
        var runs: [Range<Int>] = []
        DigitRuns.forEach(in: text) { start, end in
            // One allocation sized for the unit, not a doubling series: a spreadsheet's units
            // are single cells, and growing from empty cost more than finding their runs.
            if runs.isEmpty { runs.reserveCapacity(max(4, text.count / 16)) }
            runs.append(start..<end)
            return end
        }
        self.runs = runs
    }
}

extension String {
    /// The ASCII digits of `values` (digit values 0–9): `[5, 0, 5]` → `"505"`. One byte copy;
    /// building the string from `Character`s cost more than finding the number.
    init<Values: Collection<UInt8>>(digitValues values: Values, after prefix: StaticString = "") {
        let head = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        self.init(unsafeUninitializedCapacity: head.count + values.count) { out in
            var at = 0
            for byte in head {
                out[at] = byte
                at += 1
            }
            for value in values {
                out[at] = value &+ 0x30
                at += 1
            }
            return at
        }
    }
}
