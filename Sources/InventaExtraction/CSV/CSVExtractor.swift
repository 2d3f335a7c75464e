import InventaModel

/// Reads CSV and TSV files record by record (RFC 4180 quoting, line breaks inside
/// quoted cells, `""` escapes; lenient with stray quotes), streaming the file in
/// 1 MB pieces so memory stays flat for a 2 GB export. Each non-empty cell becomes
/// one text unit located by row and column (1-based, counted in records as a
/// spreadsheet shows them). When the first row looks like a header, later cells
/// carry their column's name in `Location.part`, and the unit's text starts with
/// `Name: ` as context outside the owned range, so "Personnummer: 19…" reads as it
/// would in a form. Encoding as for plain text (UTF-8, UTF-16 with BOM, else Windows-1252).
public struct CSVExtractor: Extractor {
    /// A cell longer than this is split into several units (same row and column).
    public var maxCellBytes: Int

    public init(maxCellBytes: Int = 1 << 20) {
        self.maxCellBytes = max(maxCellBytes, 256)
    }

    public func extract(_ input: ExtractionInput, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        let head = try input.read(at: 0, count: 65536)
        let encoding = TextEncoding.detect(head) ?? .windows1252
        let bom = encoding.bomLength(head)
        // UTF-16 is turned into UTF-8 piece by piece, so the parser sees one byte per ASCII character.
        let cellEncoding: TextEncoding = encoding == .windows1252 ? .windows1252 : .utf8
        let sample = encoding == .utf16LE || encoding == .utf16BE ? Array(encoding.decode(head[bom...]).utf8)[...] : head[bom...]
        var parser = CSVParser(delimiter: CSVDialect.delimiter(in: sample), encoding: cellEncoding, maxCellBytes: maxCellBytes)
        var offset = Int64(bom)
        var cells = 0
        while offset < input.size {
            try context.checkBudget()
            var piece = try input.read(at: offset, count: 1 << 20)
            if piece.isEmpty { break }
            if encoding == .utf16LE || encoding == .utf16BE {
                let usable = piece.count & ~1
                offset += Int64(usable)
                piece = Array(encoding.decode(piece[..<usable]).utf8)
            } else {
                offset += Int64(piece.count)
            }
            try parser.feed(piece) { unit throws(ExtractionError) in
                emit(unit)
                cells += 1
                if cells & 0x3FF == 0 { try context.checkBudget() }
            }
        }
        parser.finish(emit)
    }
}
