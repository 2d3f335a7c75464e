import InventaModel

/// Reads a plain-text file (TXT, CSV, TSV, logs) as a sequence of overlapping
/// text units of about `chunkSize` bytes, so memory stays flat whatever the file
/// size. Each unit owns its own stretch and carries `overlap` bytes of each
/// neighbour for context; detectors report only matches that start in the owned
/// stretch, so a match across an edge is found exactly once. Locations are line numbers.
/// A chunk ends at a line break where it can, so a line is read whole; tables written as
/// text (`Datum | Tid | Namn`, fixed-width columns) become table units with their headers
/// (`TextTables`), and the text around them stays plain units.
public struct PlainTextExtractor: Extractor {
    public var chunkSize: Int
    public var overlap: Int

    public init(chunkSize: Int = 1 << 20, overlap: Int = 256) {
        self.chunkSize = max(chunkSize, 64)
        self.overlap = max(0, min(overlap, chunkSize / 2))
    }

    public func extract(_ source: ExtractionInput, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        let head = try source.read(at: 0, count: 4096)
        let encoding = TextEncoding.detect(head) ?? TextEncoding.detectMostlyText(head) ?? .windows1252
        var ownedStart = Int64(encoding.bomLength(head))
        var line = 1
        var tables = TextTables()
        // Read to end of file, never to `source.size`: the file may shrink or grow while it is
        // read, and a window shorter than its owned start trapped on a slice (issue 19).
        while true {
            let windowStart = max(Int64(encoding.bomLength(head)), ownedStart - Int64(overlap))
            let wanted = Int(ownedStart - windowStart) + chunkSize + overlap
            let window = try source.read(at: windowStart, count: wanted)
            let ownedFrom = Int(ownedStart - windowStart)
            guard window.count > ownedFrom else { break }
            let unit = makeUnit(window: window, ownedFrom: ownedFrom, encoding: encoding,
                                isLast: window.count < wanted, line: line)
            tables.emitSplitting(unit.unit, line: line, emit: emit)
            line += unit.ownedNewlines
            guard unit.ownedLength > 0 else { break }
            ownedStart += Int64(unit.ownedLength)
        }
    }

    /// Decodes the three stretches of a window into one string and the owned byte range in it.
    /// Valid UTF-8 (the common case) is validated and copied once, not three times.
    private func decode(_ window: [UInt8], before: Range<Int>, owned: Range<Int>, after: Range<Int>,
                        encoding: TextEncoding) -> (text: String, owned: Range<Int>) {
        if encoding == .utf8, let text = String(validating: window[before.lowerBound..<after.upperBound], as: UTF8.self) {
            return (text, (owned.lowerBound - before.lowerBound)..<(owned.upperBound - before.lowerBound))
        }
        let head = encoding.decode(window[before])
        let middle = encoding.decode(window[owned])
        let tail = encoding.decode(window[after])
        let start = head.utf8.count
        return (head + middle + tail, start..<(start + middle.utf8.count))
    }

    /// Counts line feeds in a byte range of the text's contiguous UTF-8 storage.
    static func newlines(in text: String, range: Range<Int>) -> Int {
        var copy = text
        return copy.withUTF8 { bytes in
            var count = 0
            for byte in bytes[range] where byte == 0x0A { count += 1 }
            return count
        }
    }

    private struct Made {
        var unit: TextUnit
        var ownedLength: Int
        var ownedNewlines: Int
    }

    /// Splits one window into before-overlap, owned stretch and after-overlap on character boundaries.
    private func makeUnit(window: [UInt8], ownedFrom: Int, encoding: TextEncoding, isLast: Bool, line: Int) -> Made {
        var ownedEnd = min(window.count, ownedFrom + chunkSize)
        if !isLast || ownedEnd < window.count {
            ownedEnd = Self.lineBoundary(in: window, from: ownedFrom, before: ownedEnd, encoding: encoding)
                ?? encoding.characterBoundary(in: window, before: ownedEnd)
            if ownedEnd <= ownedFrom { ownedEnd = min(window.count, ownedFrom + chunkSize) }
        }
        // The window may start inside a UTF-8 character; start the overlap at the next one.
        var beforeStart = 0
        if encoding == .utf8 || encoding == .utf8Lossy {
            while beforeStart < ownedFrom && (window[beforeStart] & 0xC0) == 0x80 { beforeStart += 1 }
        }
        let afterEnd = isLast ? window.count : max(ownedEnd, encoding.characterBoundary(in: window, before: window.count))
        let pieces = decode(window, before: beforeStart..<ownedFrom, owned: ownedFrom..<ownedEnd, after: ownedEnd..<afterEnd,
                            encoding: encoding)
        let ownedNewlines = Self.newlines(in: pieces.text, range: pieces.owned)
        let beforeNewlines = Self.newlines(in: pieces.text, range: 0..<pieces.owned.lowerBound)
        let unit = TextUnit(text: pieces.text, location: Location(line: line - beforeNewlines), ownedRange: pieces.owned)
        return Made(unit: unit, ownedLength: ownedEnd - ownedFrom, ownedNewlines: ownedNewlines)
    }

    /// Just after the last line break in `window[from..<before]`, if there is one; tables and
    /// fixed-width lines are then never cut in the middle of a line.
    static func lineBoundary(in window: [UInt8], from: Int, before: Int, encoding: TextEncoding) -> Int? {
        var index = before - 1
        switch encoding {
        case .utf8, .utf8Lossy, .windows1252:
            while index >= from {
                if window[index] == 0x0A { return index + 1 }
                index -= 1
            }
        case .utf16LE, .utf16BE:
            // A code unit 0x000A at an even offset from the window start (windows start on code units).
            index = (before & ~1) - 2
            while index >= from {
                let newline = encoding == .utf16LE ? window[index] == 0x0A && window[index + 1] == 0
                    : window[index] == 0 && window[index + 1] == 0x0A
                if newline { return index + 2 }
                index -= 2
            }
        }
        return nil
    }
}
