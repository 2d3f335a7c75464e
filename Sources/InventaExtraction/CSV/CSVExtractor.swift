import InventaModel

/// Reads CSV and TSV files record by record (RFC 4180 quoting, line breaks inside
/// quoted cells, `""` escapes; lenient with stray quotes), streaming the file in
/// 1 MB pieces so memory stays flat for a 2 GB export. Each record becomes one text
/// unit (`TableRowBuilder`, docs/decisions/0205-table-rows.md) whose cells are located
/// by row and column (1-based, counted in records as a spreadsheet shows them) and,
/// once a header row is found, written after their column's name as a label
/// (`Personnummer: 19…`, as in a form) with the name in `Location.header`.
/// Encoding as for plain text (UTF-8, UTF-16 with BOM, else Windows-1252).
public struct CSVExtractor: Extractor {
    /// A cell longer than this is split into several cells (same row and column).
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
        var units = 0
        var carry: [UInt8] = []
        while offset < input.size {
            try context.checkBudget()
            var piece = try input.read(at: offset, count: 1 << 20)
            if piece.isEmpty { break }
            offset += Int64(piece.count)
            if encoding == .utf16LE || encoding == .utf16BE {
                // An odd byte at a piece's end waits for its partner in the next piece; a
                // lone last byte of the file is dropped (half a character).
                piece = carry + piece
                let usable = piece.count & ~1
                carry = Array(piece[usable...])
                piece = Array(encoding.decode(piece[..<usable]).utf8)
            }
            var failure: ExtractionError?
            parser.feed(piece) { unit in
                emit(unit)
                units += 1
                if failure == nil && units & 0x3FF == 0 {
                    do throws(ExtractionError) { try context.checkBudget() } catch { failure = error }
                }
            }
            if let failure { throw failure }
        }
        parser.finish(emit)
    }
}
