import CByteScan

/// Finds word starts in UTF-8 text 64 bytes at a time: the first step of the phrase matcher.
///
/// A word character is an ASCII letter or digit, or a UTF-8 lead byte `C3`–`F4` other than `E2`
/// (Latin-1 letters such as Å Ä Ö é, and letters of other scripts); `C2` (NBSP, « », §) and `E2`
/// (– — “ ” …) leads are not. A continuation byte (`80`–`BF`) belongs to the character before it:
/// it keeps whatever that byte was, so it never starts a word. A word start is a word character
/// whose preceding byte (continuation bytes skipped) is not one, or which starts the text.
///
/// Sixty-four bytes at a time are classified with SIMD instructions (`CByteScan`, in C: Swift's
/// SIMD types did not vectorise this), the rest eight at a time with SWAR tests on one `UInt64`
/// (like `DigitRuns`); the word starts are read off the resulting bit masks, so a byte costs a
/// few instructions whatever the text. `forEachScalar` is the byte-by-byte definition the tests
/// compare against.
/// It does not look at what the words are: the caller decides what to do at each start.
enum WordStarts {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Blocks between two `full()` checks, and the most word starts they can hold (a start
    /// needs a byte that is not part of a word before the next one).
    static let stretchBlocks = 32
    static let maxStartsPerStretch = stretchBlocks * 4

    /// Where a sweep stopped: the next block and the state of the byte before it.
    struct Position {
        var block = 0
        /// The high bit (0x80) set when the byte before `block` (continuation bytes included)
        /// was part of a word.
        var carry: UInt64 = 0
    }

    /// Calls `body(index)` for every word start, in increasing order.
    @inline(__always)
    static func forEach(in text: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        var position = Position()
        forEach(in: text, from: &position, until: { false }, body)
    }

    /// Calls `body(index)` for the word starts from `position` on, in increasing order, until
    /// `full()` is true before a stretch of `stretchBlocks` blocks (at most `maxStartsPerStretch`
    /// starts) or the text ends; `position` is then where to resume (`block == text.count` at
    /// the end).
    @inline(__always)
    static func forEach(in text: UnsafeBufferPointer<UInt8>, from position: inout Position, until full: () -> Bool,
                        _ body: (Int) -> Void) {
        guard let base = text.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        let count = text.count
        var carry = position.carry
        var block = position.block
        let whole = count & ~7
        while block < whole {
            if full() {
                position = Position(block: block, carry: carry)
                return
            }
            let stretchEnd = min(whole, block &+ stretchBlocks &* 8)
            while block < stretchEnd {
                if block &+ 64 <= stretchEnd {
                    // Sixty-four bytes at a time with SIMD (`CByteScan`), whose carry is bit 0.
                    var bitCarry = carry >> 7
                    var starts = inventa_word_starts64(base + block, &bitCarry)
                    carry = bitCarry << 7
                    while starts != 0 {
                        body(block &+ starts.trailingZeroBitCount)
                        starts &= starts &- 1
                    }
                    block &+= 64
                    continue
                }
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: block, as: UInt64.self))
                var starts: UInt64
                if word & highs == 0 {
                    // ASCII: no continuation bytes, each byte decides for itself.
                    let bits = asciiWordBits(word)
                    starts = bits & ~((bits << 8) | carry)
                    carry = bits >> 56
                } else {
                    starts = mixedStarts(word, carry: &carry)
                }
                while starts != 0 {
                    body(block &+ (starts.trailingZeroBitCount &>> 3))
                    starts &= starts &- 1
                }
                block &+= 8
            }
        }
        if block < count {
            if full() {
                position = Position(block: block, carry: carry)
                return
            }
            // The tail, zero-padded: a zero byte is not part of a word and starts none.
            var word: UInt64 = 0
            for offset in 0..<(count &- block) { word |= UInt64(text[block &+ offset]) << (offset &* 8) }
            var starts = mixedStarts(word, carry: &carry)
            while starts != 0 {
                body(block &+ (starts.trailingZeroBitCount &>> 3))
                starts &= starts &- 1
            }
        }
        position = Position(block: count, carry: carry)
    }

    /// The word starts of a block with bytes ≥ 0x80 (or any block), updating `carry`.
    @inline(__always)
    private static func mixedStarts(_ word: UInt64, carry: inout UInt64) -> UInt64 {
        let letters = wordBits(word)
        let continuation = word & ~(word << 1) & highs
        // A continuation byte takes the state of the byte before it: one step when that byte
        // is no continuation byte itself (two-byte characters such as å ä ö), else one round
        // per byte of the run (at most three in valid UTF-8).
        var state = letters | (continuation & ((letters << 8) | carry))
        if continuation & (continuation << 8) != 0 {
            while true {
                let next = letters | (continuation & ((state << 8) | carry))
                if next == state { break }
                state = next
            }
        }
        let starts = letters & ~((state << 8) | carry)
        carry = state >> 56   // only high bits are set: the last byte's lands on bit 7
        return starts
    }

    /// `wordBits` for a block of ASCII bytes only (every high bit clear): the two range tests
    /// need no masking, so this is nine operations.
    @inline(__always) static func asciiWordBits(_ word: UInt64) -> UInt64 {
        let folded = word | (ones &* 0x20)
        let letters = ((ones &* 0xFA) &- folded) & (folded &+ ones &* 0x1F)   // 0x61 ≤ b|0x20 ≤ 0x7A
        let digits = ((ones &* 0xB9) &- word) & (word &+ ones &* 0x50)        // 0x30 ≤ b ≤ 0x39
        return (letters | digits) & highs
    }

    /// The high bit of every byte of `word` that is a word character (not continuation bytes).
    @inline(__always) static func wordBits(_ word: UInt64) -> UInt64 {
        let low7 = word & (ones &* 0x7F)
        // ASCII letters and digits from the low seven bits; bytes ≥ 0x80 are masked off.
        let ascii = asciiWordBits(low7) & ~word
        // Lead bytes C3…F4 except E2: low seven bits 0x43…0x61 or 0x63…0x74 (no borrow or
        // carry crosses bytes, as in `asciiWordBits`).
        let leads = (((ones &* 0xE1) &- low7) & (low7 &+ ones &* 0x3D)) | (((ones &* 0xF4) &- low7) & (low7 &+ ones &* 0x1D))
        return ascii | (leads & word & highs)
    }

    /// The definition, one byte at a time: kinds 0 (not in a word), 1 (word character),
    /// 2 (continuation byte: keeps the state of the byte before it).
    static func forEachScalar(in text: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        var inWord = false
        for index in 0..<text.count {
            switch kind(text[index]) {
            case 1:
                if !inWord { body(index) }
                inWord = true
            case 0: inWord = false
            default: break
            }
        }
    }

    private static func kind(_ byte: UInt8) -> UInt8 {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return 1
        case 0x80...0xBF: return 2
        case 0xC2, 0xE2: return 0      // Latin-1 punctuation (NBSP, « », §) and general punctuation (– — “ ” …)
        case 0xC3...0xF4: return 1     // letters of other scripts and Latin-1 letters (Å Ä Ö é)
        default: return 0
        }
    }
}
