/// The record stream of an Excel 97–2003 workbook (BIFF5/BIFF8, MS-XLS 2.1.4): records
/// of a two-byte type, a two-byte length and their data, read front to back. A record
/// whose length runs past the stream ends it (the stream was cut short), so a damaged
/// workbook yields the records before the damage.
struct BIFFRecords {
    struct Record {
        var type: UInt16
        var data: Range<Int>
    }

    static let continueType: UInt16 = 0x003C
    let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func next() -> Record? {
        guard offset + 4 <= bytes.count else { return nil }
        let type = u16(offset), length = Int(u16(offset + 2))
        let start = offset + 4
        guard start + length <= bytes.count else { return nil }
        offset = start + length
        return Record(type: type, data: start..<(start + length))
    }

    /// The CONTINUE records right after the current one, taken off the stream.
    mutating func continuations() -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        while offset + 4 <= bytes.count, u16(offset) == BIFFRecords.continueType {
            let start = offset + 4, length = Int(u16(offset + 2))
            guard start + length <= bytes.count else { break }
            ranges.append(start..<(start + length))
            offset = start + length
        }
        return ranges
    }

    func u16(_ i: Int) -> UInt16 {
        guard i >= 0, i + 1 < bytes.count else { return 0 }
        return UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
    }

    func u32(_ i: Int) -> UInt32 { UInt32(u16(i)) | UInt32(u16(i + 2)) << 16 }

    func f64(_ i: Int) -> Double {
        Double(bitPattern: UInt64(u32(i)) | UInt64(u32(i + 4)) << 32)
    }
}

/// Reads across a record and its CONTINUE records as one byte sequence, except inside a
/// string's characters: where they cross into a CONTINUE record, that record starts with
/// a fresh option byte saying whether the rest is compressed (one byte per character,
/// Latin-1) or UTF-16 (MS-XLS 2.5.293). Reads past the end return zero and set `atEnd`.
struct ContinuedReader {
    private let bytes: [UInt8]
    private let segments: [Range<Int>]
    private var segment = 0
    private var position: Int
    private(set) var atEnd = false

    init(bytes: [UInt8], segments: [Range<Int>]) {
        self.bytes = bytes
        self.segments = segments
        position = segments.first?.lowerBound ?? 0
        atEnd = segments.isEmpty
    }

    /// Moves into the next segment when the current one is used up; false at the end.
    private mutating func ready() -> Bool {
        while !atEnd && position >= segments[segment].upperBound {
            segment += 1
            if segment >= segments.count { atEnd = true } else { position = segments[segment].lowerBound }
        }
        return !atEnd
    }

    mutating func byte() -> UInt8 {
        guard ready() else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func u16() -> UInt16 { UInt16(byte()) | UInt16(byte()) << 8 }
    mutating func u32() -> UInt32 { UInt32(u16()) | UInt32(u16()) << 16 }

    mutating func skip(_ count: Int) {
        var left = count
        while left > 0, ready() {
            let step = min(left, segments[segment].upperBound - position)
            position += step
            left -= step
        }
    }

    /// `count` characters, re-reading the option byte at each CONTINUE boundary.
    mutating func characters(_ count: Int, highByte: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(count)
        var wide = highByte
        while units.count < count, !atEnd {
            if position >= segments[segment].upperBound {
                guard segment + 1 < segments.count else { atEnd = true; break }
                segment += 1
                position = segments[segment].lowerBound
                guard position < segments[segment].upperBound else { continue }
                wide = bytes[position] & 1 != 0
                position += 1
                continue
            }
            let end = segments[segment].upperBound
            if wide {
                guard position + 1 < end else { position = end; continue }
                units.append(UInt16(bytes[position]) | UInt16(bytes[position + 1]) << 8)
                position += 2
            } else {
                units.append(UInt16(bytes[position]))
                position += 1
            }
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// An XLUnicodeRichExtendedString (the shared-string table's entries): length, options,
    /// optional rich-text runs and phonetic data (skipped), characters.
    mutating func richString() -> String {
        let count = Int(u16())
        let options = byte()
        let runs = options & 0x08 != 0 ? Int(u16()) : 0
        let extended = options & 0x04 != 0 ? Int(u32()) : 0
        let text = characters(count, highByte: options & 1 != 0)
        skip(runs * 4)
        skip(extended)
        return text
    }
}
