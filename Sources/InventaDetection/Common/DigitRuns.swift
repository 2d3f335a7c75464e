import CByteScan

/// Iterates maximal runs of ASCII digits: the common first step of the number matchers.
/// The engine finds a unit's runs once (`forEachRun`, 64 bytes at a time with SIMD, into a
/// `DigitRunIndex`) and each matcher replays them (`forEach(in:runs:only:)`). The eight-byte
/// sweep `forEach(in:_:)` is the definition that replay is tested against, resume points included.
enum DigitRuns {
    /// Calls `body(start, end)` for each digit run; `body` returns where scanning continues
    /// (at least `end`, or further when it consumed more than the run). Eight bytes at a time (a
    /// SWAR test for bytes 0x30–0x39), the first digit in a word found from the test's bits.
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

    /// Calls `body(start, end)` for each maximal digit run, in order: the runs `forEach` finds,
    /// without its resume point. The digits of 64 bytes at a time come from SIMD instructions
    /// (`CByteScan`); each run's start and end are read off the bit mask, not found byte by byte.
    @inline(__always)
    static func forEachRun(in text: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Void) {
        guard let base = text.baseAddress else { return }
        let count = text.count
        var previous: UInt64 = 0   // bit 0: the byte before the block is a digit
        var open = 0               // the start of a run that continues into the next block
        var block = 0
        @inline(__always) func runs(in digits: UInt64) {
            var starts = digits & ~((digits << 1) | previous)
            var ends = ~digits & ((digits << 1) | previous)
            let continued = previous != 0
            previous = digits >> 63
            // Starts and ends alternate, so the first end closes a run that came into the block
            // and each start's end is the lowest end bit left.
            if continued {
                guard ends != 0 else { return }
                body(open, block &+ ends.trailingZeroBitCount)
                ends &= ends &- 1
            }
            while starts != 0 {
                let start = block &+ starts.trailingZeroBitCount
                starts &= starts &- 1
                if ends == 0 {
                    open = start
                    return
                }
                body(start, block &+ ends.trailingZeroBitCount)
                ends &= ends &- 1
            }
        }
        while block &+ 64 <= count {
            runs(in: inventa_digits64(base + block))
            block &+= 64
        }
        // The tail, zero-padded (a zero byte is no digit, so a run at the end ends at `count`).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { padded in
            let tail = count &- block
            padded.initialize(repeating: 0)
            if tail > 0 { _ = padded.initialize(from: UnsafeBufferPointer(rebasing: text[block...])) }
            runs(in: inventa_digits64(padded.baseAddress!))
        }
    }

    /// The same over runs found beforehand (`DigitRunIndex`), with the same answers: a resume
    /// point inside a run starts a run there, as the sweep would. With `only`, runs whose shape
    /// is none of those are not visited: the caller's body must reject every such run (return its
    /// end) on its own first tests, so leaving them out changes the cost, never the answer. A run
    /// the body resumed inside is always visited (its shape was worked out for the whole run).
    @inline(__always)
    static func forEach(in text: UnsafeBufferPointer<UInt8>, runs: DigitRunIndex, only shape: DigitRunShape = .all,
                        _ body: (Int, Int) -> Int) {
        let storage = runs.storage
        let count = storage.count
        let every = shape == .all
        var index = every ? 0 : storage.next(from: 0, matching: shape)
        while index < count {
            var resume = max(storage.ends[index], body(storage.starts[index], storage.ends[index]))
            index += 1
            // Runs the body read past: skipped, except the one it stopped inside.
            while index < count && storage.starts[index] < resume {
                if storage.ends[index] > resume { resume = max(storage.ends[index], body(resume, storage.ends[index])) }
                index += 1
            }
            if !every { index = storage.next(from: index, matching: shape) }
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
/// matchers (nine of them would otherwise sweep the same text nine times), each with its
/// shape (`DigitRunShape`) so that a matcher visits only the runs it could start from.
public struct DigitRunIndex: Sendable {
    let storage: Storage

    /// `routing: false` gives every run every shape (every matcher visits every run): the tests
    /// compare the two to show that routing never changes a matcher's candidates.
    public init(_ text: UnsafeBufferPointer<UInt8>, routing: Bool = true) {
        // Sized for the unit up front, not a doubling series from empty: a spreadsheet's units are
        // single cells, and growing cost more than finding their runs.
        var builder = Builder(capacity: max(4, text.count / 16))
        DigitRuns.forEachRun(in: text) { start, end in
            builder.append(start: start, end: end, shape: routing ? DigitRunShape.of(text, start: start, end: end) : .all)
        }
        storage = Storage(builder)
    }

    var count: Int { storage.count }

    /// Collects the runs into three arrays of one allocation (plain stores: an `Array` append
    /// checked its buffer's uniqueness for every run).
    struct Builder {
        var count = 0
        var capacity: Int
        var memory: UnsafeMutableRawPointer

        init(capacity: Int) {
            self.capacity = capacity
            memory = Self.allocate(capacity)
        }

        /// `capacity` starts and `capacity` ends (`Int`), then `capacity + 3` shapes, all zero.
        static func allocate(_ capacity: Int) -> UnsafeMutableRawPointer {
            let memory = UnsafeMutableRawPointer.allocate(byteCount: capacity * 16 + (capacity + 3) * 2, alignment: 8)
            memory.bindMemory(to: Int.self, capacity: capacity * 2)
            (memory + capacity * 16).initializeMemory(as: UInt16.self, repeating: 0, count: capacity + 3)
            return memory
        }

        @inline(__always)
        mutating func append(start: Int, end: Int, shape: DigitRunShape) {
            if count == capacity { grow() }
            let positions = memory.assumingMemoryBound(to: Int.self)
            positions[count] = start
            positions[capacity + count] = end
            (memory + capacity * 16).assumingMemoryBound(to: UInt16.self)[count] = shape.rawValue
            count += 1
        }

        private mutating func grow() {
            let larger = capacity * 2
            let moved = Self.allocate(larger)
            moved.copyMemory(from: memory, byteCount: count * 8)
            (moved + larger * 8).copyMemory(from: memory + capacity * 8, byteCount: count * 8)
            (moved + larger * 16).copyMemory(from: memory + capacity * 16, byteCount: count * 2)
            memory.deallocate()
            (memory, capacity) = (moved, larger)
        }
    }

    /// The runs' starts, ends and shapes as three arrays, so that a matcher's skip over the
    /// shapes reads four at a time (`next(from:matching:)`). Immutable once built.
    final class Storage: @unchecked Sendable {
        let count: Int
        let starts: UnsafePointer<Int>
        let ends: UnsafePointer<Int>
        /// Three zero entries follow the last run, for the four-wide reads.
        let shapes: UnsafePointer<UInt16>
        private let memory: UnsafeMutableRawPointer

        init(_ builder: Builder) {
            count = builder.count
            memory = builder.memory
            starts = UnsafePointer(memory.assumingMemoryBound(to: Int.self))
            ends = UnsafePointer((memory + builder.capacity * 8).assumingMemoryBound(to: Int.self))
            shapes = UnsafePointer((memory + builder.capacity * 16).assumingMemoryBound(to: UInt16.self))
        }

        deinit { memory.deallocate() }

        /// The first run at or after `index` whose shape shares a bit with `shape` (`count` if
        /// none): four shapes per step.
        @inline(__always)
        func next(from index: Int, matching shape: DigitRunShape) -> Int {
            let mask = UInt64(shape.rawValue) &* 0x0001_0001_0001_0001
            let raw = UnsafeRawPointer(shapes)
            var index = index
            while index < count {
                let hits = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index << 1, as: UInt64.self)) & mask
                if hits != 0 { return index + hits.trailingZeroBitCount >> 4 }
                index += 4
            }
            return count
        }
    }
}

/// What a digit run looks like from outside (its length, the bytes around it, its first digit),
/// worked out once per run by `DigitRunIndex`, so that each number matcher visits only the runs
/// that can start one of its shapes. Tables and registers have a digit run every 20 bytes or so
/// (dates, amounts, row numbers), and ten matchers each testing every run cost more than the rest
/// of detection. Each shape is a superset of what its matcher's own first tests accept.
struct DigitRunShape: OptionSet, Sendable {
    let rawValue: UInt16

    /// 6, 8, 10 or 12 digits: personnummer, samordningsnummer, organisationsnummer (VAT too).
    static let identity = DigitRunShape(rawValue: 1 << 0)
    /// Four digits at a clean start, then a separator and a digit (or a tab, a cell gap): a clearing number.
    static let clearing = DigitRunShape(rawValue: 1 << 1)
    /// Three or four digits, then `-` and four digits: bankgiro.
    static let bankgiro = DigitRunShape(rawValue: 1 << 2)
    /// At most seven digits, then `-` and one digit, or at most three digits, a space and a digit: plusgiro.
    static let plusgiro = DigitRunShape(rawValue: 1 << 3)
    /// At a clean start, 13–19 digits, or four digits and a space or `-` (with a byte after it): payment card.
    static let card = DigitRunShape(rawValue: 1 << 4)
    /// `0` and a non-zero digit (or `0046`) at a clean start, or a `+` right before: phone.
    static let phone = DigitRunShape(rawValue: 1 << 5)
    /// After a street word or `Box ` and a space: house or box number.
    static let houseNumber = DigitRunShape(rawValue: 1 << 6)
    /// At least two digits right after two capital ASCII letters: IBAN check digits.
    static let iban = DigitRunShape(rawValue: 1 << 7)
    static let all = DigitRunShape(rawValue: .max)

    /// The shapes whose matchers first require a clean start (`NumberBoundary.startsClean` at
    /// the run): not glued to a word or to `digit-`, `digit/`, `digit.` (dates, references).
    private static let needsCleanStart = DigitRunShape(rawValue: 1 << 1 | 1 << 2 | 1 << 3 | 1 << 4)

    /// Registers and invoices have a digit run every 15 bytes or so, and four in ten are the
    /// tails of grouped numbers (`789` and `127` in `1 789 127,00`, `06` in `070-174 06 05`): they
    /// can start only a bankgiro or a phone number, and are settled here without the other tests.
    @inline(__always)
    static func of(_ text: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> DigitRunShape {
        let length = end - start
        guard length <= 3, start >= 2, text[start - 1] == UInt8(ascii: " "), ByteClass.isDigit(text[start - 2]) else {
            return general(text, start: start, end: end)
        }
        var shape: DigitRunShape = []
        if length == 3 && end < text.count && isBankgiroStart(text, end: end, length: length, after: text[end]) {
            shape.insert(.bankgiro)
        }
        if isPhoneStart(text, start: start, length: length) { shape.insert(.phone) }   // a space before: a clean start
        return shape
    }

    /// `BankgiroMatcher`'s first tests: three or four digits, `-`, exactly four digits.
    @inline(__always)
    private static func isBankgiroStart(_ text: UnsafeBufferPointer<UInt8>, end: Int, length: Int, after: UInt8) -> Bool {
        (length == 3 || length == 4) && after == UInt8(ascii: "-") && DigitRuns.isRun(text, from: end + 1, length: 4)
    }

    /// A national phone number's first run: `0` and a non-zero digit, or `0046`.
    @inline(__always)
    private static func isPhoneStart(_ text: UnsafeBufferPointer<UInt8>, start: Int, length: Int) -> Bool {
        text[start] == UInt8(ascii: "0") && length >= 2
            && (text[start + 1] != UInt8(ascii: "0")
                || length >= 4 && text[start + 2] == UInt8(ascii: "4") && text[start + 3] == UInt8(ascii: "6"))
    }

    /// Every other run: each shape's first tests in turn.
    @inline(never)
    private static func general(_ text: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> DigitRunShape {
        let length = end - start
        let after: UInt8 = end < text.count ? text[end] : 0
        let before: UInt8 = start > 0 ? text[start - 1] : 0
        let dash = UInt8(ascii: "-"), space = UInt8(ascii: " ")
        var shape: DigitRunShape = []
        switch length {
        case 6, 8, 10, 12: shape.insert(.identity)
        case 4 where isClearingStart(text, end: end, after: after): shape.insert(.clearing)
        default: break
        }
        if after == dash {
            if isBankgiroStart(text, end: end, length: length, after: after) { shape.insert(.bankgiro) }
            if length <= 7 && DigitRuns.isRun(text, from: end + 1, length: 1) { shape.insert(.plusgiro) }
        } else if after == space && length <= 3 && end + 1 < text.count && ByteClass.isDigit(text[end + 1]) {
            shape.insert(.plusgiro)
        }
        // The tail of a grouped number (`789` in `1 789 127`) starts no plusgiro.
        if before == space && start >= 2 && ByteClass.isDigit(text[start - 2]) { shape.remove(.plusgiro) }
        if length >= 13 ? length <= 19 : length == 4 && end + 1 < text.count && (after == space || after == dash) {
            shape.insert(.card)
        }
        let zero = isPhoneStart(text, start: start, length: length)
        if (zero || !shape.isDisjoint(with: needsCleanStart)) && !startsClean(text, at: start, before: before) {
            shape.subtract(needsCleanStart)
        } else if zero {
            shape.insert(.phone)
        }
        if before == UInt8(ascii: "+") { shape.insert(.phone) }
        if before == space && start >= 3 && length <= 5 && isHouseNumber(text, start: start, length: length) {
            shape.insert(.houseNumber)
        }
        if start >= 2 && length >= 2 && ByteClass.isUpper(text[start - 2]) && ByteClass.isUpper(before) { shape.insert(.iban) }
        return shape
    }

    /// `BankAccountParser.parse`'s separator test: `,`, ` ` or `-` and a digit within three bytes
    /// (`5000-123…`, `5000, 123…`, `5000 - 123…`, Swedbank's `8327-9, 123…`). Years (`2015:`,
    /// `2015 kr`) are most four-digit runs.
    @inline(__always)
    private static func isClearingStart(_ text: UnsafeBufferPointer<UInt8>, end: Int, after: UInt8) -> Bool {
        // A tab: the account may be the next cell of a table row (`CellGap`, past its label).
        if after == 0x09 { return true }
        guard after == UInt8(ascii: ",") || after == UInt8(ascii: " ") || after == UInt8(ascii: "-") else { return false }
        for position in (end + 1)..<min(end + 4, text.count) where ByteClass.isDigit(text[position]) { return true }
        return false
    }

    /// `NumberBoundary.startsClean`, with the common case (a space before) first.
    @inline(__always)
    private static func startsClean(_ text: UnsafeBufferPointer<UInt8>, at start: Int, before: UInt8) -> Bool {
        before == UInt8(ascii: " ") || NumberBoundary.startsClean(text, at: start)
    }

    /// `AddressParser.mayStartAddress` after its space test: `Box ` and up to five digits, or up
    /// to three digits not starting with `0` after a word that may end a street name.
    @inline(__always)
    private static func isHouseNumber(_ text: UnsafeBufferPointer<UInt8>, start: Int, length: Int) -> Bool {
        // Street words and `Box` end in a letter (ASCII from 0x41, or a UTF-8 byte): not a digit or `,`.
        guard text[start - 2] >= 0x41 else { return false }
        if length <= 3 && text[start] != UInt8(ascii: "0") && StreetLexicon.mayEndStreetWord(text, at: start - 2) { return true }
        return start >= 4 && text[start - 2] == UInt8(ascii: "x") && text[start - 3] == UInt8(ascii: "o")
            && text[start - 4] == UInt8(ascii: "B")
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
