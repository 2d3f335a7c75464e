import InventaModel

/// The strings pass for files of no known format (database dumps, exports from old
/// systems, core files): runs of at least `minimumRun` printable characters, as
/// single bytes (ASCII with Latin-1 or UTF-8 letters) and as UTF-16LE, one run per line,
/// so an identifier inside a blob is still found. Recorded as format `binary`; the
/// location's part `strings` says only strings were read (no structure, no context
/// beyond the run).
///
/// Reads at most `maxBytes` of the file (a strings pass over a multi-gigabyte video
/// finds nothing but costs the whole read); a larger file ends `limit_exceeded` after
/// its first `maxBytes`, so the report says it was not read to the end. Images never
/// come here: they are sniffed as images and left to OCR.
public struct BinaryStringsExtractor: Extractor {
    public static let minimumRun = 6
    public var maxBytes: Int64

    public init(maxBytes: Int64 = 64 << 20) {
        self.maxBytes = maxBytes
    }

    public func extract(_ input: ExtractionInput, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        var strings = StringRuns(collector: TextCollector(location: Location(part: "strings")))
        var offset: Int64 = 0
        let end = min(input.size, maxBytes)
        while offset < end {
            try context.checkBudget()
            let chunk = try input.read(at: offset, count: Int(min(1 << 20, end - offset)))
            guard !chunk.isEmpty else { break }
            strings.scan(chunk, startingAt: offset, emit: emit)
            offset += Int64(chunk.count)
        }
        strings.finish(emit: emit)
        if input.size > maxBytes {
            throw ExtractionError.limitExceeded("binary file: strings read from its first \(maxBytes) bytes only")
        }
    }
}

/// The run finder behind `BinaryStringsExtractor`: carries unfinished runs from one chunk
/// to the next, one single-byte run and one UTF-16LE run per byte parity.
struct StringRuns {
    var collector: TextCollector
    private var narrow: [UInt8] = []
    private var wide: [[UInt16]] = [[], []]
    private var carry: UInt8?

    init(collector: TextCollector) {
        self.collector = collector
    }

    static func printable(_ byte: UInt8) -> Bool { (byte >= 0x20 && byte < 0x7F) || byte == 0x09 || byte >= 0x80 }

    mutating func scan(_ chunk: [UInt8], startingAt offset: Int64, emit: (TextUnit) -> Void) {
        for (i, byte) in chunk.enumerated() {
            if StringRuns.printable(byte) { narrow.append(byte) } else { endNarrow(emit: emit) }
            let previous = i > 0 ? chunk[i - 1] : carry
            guard let previous else { continue }
            // The pair (previous, byte) starts at an odd or even offset.
            let parity = Int((offset + Int64(i) - 1) & 1)
            if byte == 0, previous >= 0x20, previous != 0x7F, previous < 0x80 || previous >= 0xC0 {
                wide[parity].append(UInt16(previous))
            } else {
                endWide(parity, emit: emit)
            }
        }
        carry = chunk.last
    }

    private mutating func endNarrow(emit: (TextUnit) -> Void) {
        defer { narrow.removeAll(keepingCapacity: true) }
        guard narrow.count >= BinaryStringsExtractor.minimumRun else { return }
        let text = String(validating: narrow, as: UTF8.self) ?? TextEncoding.decodeWindows1252(narrow[...])
        collector.append(text)
        collector.endLine(emit: emit)
    }

    private mutating func endWide(_ parity: Int, emit: (TextUnit) -> Void) {
        defer { wide[parity].removeAll(keepingCapacity: true) }
        guard wide[parity].count >= BinaryStringsExtractor.minimumRun else { return }
        collector.append(String(decoding: wide[parity], as: UTF16.self))
        collector.endLine(emit: emit)
    }

    mutating func finish(emit: (TextUnit) -> Void) {
        endNarrow(emit: emit)
        endWide(0, emit: emit)
        endWide(1, emit: emit)
        collector.flush(emit: emit)
    }
}
