#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A shipped dataset file (TSV or word list) as raw UTF-8 bytes, read in one go and
/// walked line by line and field by field without building `String`s.
///
/// Why: every `inventa` process loads ~1.6 MB of word lists before it scans anything.
/// `String.split` over that text cost ~1.5 G instructions (≈1 s per process); splitting
/// bytes on 0x0A/0x09 by hand costs a few percent of that. Lines end at LF; a CR before
/// the LF is dropped (CRLF files) and empty lines are skipped, as `split(whereSeparator:
/// \.isNewline)` did. Other Unicode line separators are not recognised; the shipped
/// files contain none.
struct DatasetBytes {
    let bytes: [UInt8]

    /// Reads the whole file, or returns nil with `errno` set when it cannot be read.
    init?(path: String) {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var out: [UInt8] = []
        if fseek(file, 0, SEEK_END) == 0 {
            let size = ftell(file)
            if size > 0 { out.reserveCapacity(size) }
            rewind(file)
        }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count > 0 { out.append(contentsOf: buffer[0..<count]) }
            if count < buffer.count { break }
        }
        guard ferror(file) == 0 else { return nil }
        bytes = out
    }

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Why the last `init(path:)` failed, from `errno`.
    static func lastErrorDescription() -> String { String(cString: strerror(errno)) }

    /// Calls `body` with the byte range of every non-empty line, in file order, with its
    /// 1-based line number (empty lines are counted, so numbers match an editor's).
    func forEachLine(_ body: (_ line: Range<Int>, _ number: Int) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { text in
            var start = 0
            var number = 0
            let n = text.count
            while start < n {
                var end = start
                while end < n && text[end] != 0x0A { end += 1 }
                number += 1
                var stop = end
                if stop > start && text[stop - 1] == 0x0D { stop -= 1 }
                if stop > start { try body(start..<stop, number) }
                start = end + 1
            }
        }
    }

    /// Splits a line at its first tab: the key and the rest, or nil when the line has no
    /// tab or either side is empty.
    func splitAtFirstTab(_ line: Range<Int>) -> (key: Range<Int>, value: Range<Int>)? {
        guard let tab = bytes[line].firstIndex(of: 0x09) else { return nil }
        let key = line.lowerBound..<tab
        let value = (tab + 1)..<line.upperBound
        guard !key.isEmpty, !value.isEmpty else { return nil }
        return (key, value)
    }

    /// The non-empty tab-separated fields of a line (empty fields are skipped, as
    /// `split(separator:)` does), at most `limit` of them.
    func tabFields(_ line: Range<Int>, limit: Int) -> [Range<Int>] {
        var fields: [Range<Int>] = []
        var start = line.lowerBound
        for i in line where bytes[i] == 0x09 {
            if i > start { fields.append(start..<i) }
            if fields.count == limit { return fields }
            start = i + 1
        }
        if line.upperBound > start { fields.append(start..<line.upperBound) }
        return fields
    }

    /// The decimal digits in `range` as a number; nil when anything else is there or it overflows.
    func unsigned(_ range: Range<Int>) -> UInt32? {
        guard !range.isEmpty else { return nil }
        var value: UInt32 = 0
        for i in range {
            let b = bytes[i]
            guard b >= 0x30 && b <= 0x39 else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt32(b - 0x30))
            guard !o1 && !o2 else { return nil }
            value = sum
        }
        return value
    }

    /// The field as a `Double` with Swift's own parser (exact same rounding as before).
    /// Fields are short, so the temporary string is a small string without allocation.
    func double(_ range: Range<Int>) -> Double? {
        Double(String(decoding: bytes[range], as: UTF8.self))
    }
}
