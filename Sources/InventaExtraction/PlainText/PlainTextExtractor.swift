import InventaModel

/// Reads a plain-text file (TXT, CSV, TSV, logs) as a sequence of overlapping
/// text units of about `chunkSize` bytes, so memory stays flat whatever the file
/// size. Each unit owns its own stretch and carries `overlap` bytes of each
/// neighbour for context; detectors report only matches that start in the owned
/// stretch, so a match across an edge is found exactly once. Locations are line numbers.
public struct PlainTextExtractor: Extractor {
    public var chunkSize: Int
    public var overlap: Int

    public init(chunkSize: Int = 1 << 20, overlap: Int = 256) {
        self.chunkSize = max(chunkSize, 64)
        self.overlap = max(0, min(overlap, chunkSize / 2))
    }

    public func extract(_ source: ExtractionInput, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        let head = try source.read(at: 0, count: 4096)
        let encoding = TextEncoding.detect(head) ?? .windows1252
        var ownedStart = Int64(encoding.bomLength(head))
        var line = 1
        while ownedStart < source.size {
            let windowStart = max(Int64(encoding.bomLength(head)), ownedStart - Int64(overlap))
            let window = try source.read(at: windowStart, count: Int(ownedStart - windowStart) + chunkSize + overlap)
            let unit = makeUnit(window: window, ownedFrom: Int(ownedStart - windowStart), encoding: encoding,
                                isLast: windowStart + Int64(window.count) >= source.size, line: line)
            emit(unit.unit)
            line += unit.ownedNewlines
            guard unit.ownedLength > 0 else { break }
            ownedStart += Int64(unit.ownedLength)
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
            ownedEnd = encoding.characterBoundary(in: window, before: ownedEnd)
            if ownedEnd <= ownedFrom { ownedEnd = min(window.count, ownedFrom + chunkSize) }
        }
        // The window may start inside a UTF-8 character; start the overlap at the next one.
        var beforeStart = 0
        if encoding == .utf8 {
            while beforeStart < ownedFrom && (window[beforeStart] & 0xC0) == 0x80 { beforeStart += 1 }
        }
        let before = encoding.decode(window[beforeStart..<ownedFrom])
        let owned = encoding.decode(window[ownedFrom..<ownedEnd])
        let afterEnd = isLast ? window.count : encoding.characterBoundary(in: window, before: window.count)
        let after = encoding.decode(window[ownedEnd..<max(ownedEnd, afterEnd)])
        let beforeCount = before.utf8.count
        let text = before + owned + after
        let beforeNewlines = before.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        let ownedNewlines = owned.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        let unit = TextUnit(text: text, location: Location(line: line - beforeNewlines),
                            ownedRange: beforeCount..<(beforeCount + owned.utf8.count))
        return Made(unit: unit, ownedLength: ownedEnd - ownedFrom, ownedNewlines: ownedNewlines)
    }
}
