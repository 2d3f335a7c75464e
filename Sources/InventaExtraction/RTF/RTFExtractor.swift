import InventaModel

/// Reads RTF (WordPad, Word "Rich Text", many case systems' letter exports) by
/// streaming it through `RTFParser` in 1 MB pieces, so embedded pictures of any size
/// cost no memory. Body text comes out in units that end at line breaks, with tab-aligned
/// tables as table rows (`TextTables`, decision 0215); the
/// `\info` group (title, author, company…) as one unit with part `metadata`.
/// A file that ends inside open groups was cut short: its text is kept and it ends
/// as `failed: corrupt: …`, so the report shows it was not read whole.
public struct RTFExtractor: Extractor {
    public var chunkSize: Int

    public init(chunkSize: Int = 1 << 20) {
        self.chunkSize = max(chunkSize, 1024)
    }

    public func extract(_ input: ExtractionInput, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        let head = try input.read(at: 0, count: 64)
        var start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < head.count && (head[start] == 0x20 || head[start] == 0x0A || head[start] == 0x0D || head[start] == 0x09) { start += 1 }
        guard head[start...].starts(with: Array("{\\rtf".utf8)) else {
            throw ExtractionError.corrupt("not an RTF document (no {\\rtf at the start)")
        }
        var parser = RTFParser()
        // Class lists and registers are often tab-aligned tables in RTF: read them as tables
        // (decision 0215), so a cell sees its column header; body units now carry their line.
        var tables = TextTables()
        var line = 1
        var offset = Int64(start)
        while offset < input.size {
            try context.checkBudget()
            let piece = try input.read(at: offset, count: 1 << 20)
            if piece.isEmpty { break }
            parser.feed(piece)
            offset += Int64(piece.count)
            while parser.text.count >= chunkSize { emitUnit(from: &parser.text, force: false, line: &line, tables: &tables, emit: emit) }
        }
        parser.finish()
        while !parser.text.isEmpty { emitUnit(from: &parser.text, force: true, line: &line, tables: &tables, emit: emit) }
        if parser.info.contains(where: { $0 > 0x20 }) {
            emit(TextUnit(text: String(decoding: parser.info, as: UTF8.self), location: Location(part: "metadata")))
        }
        if parser.openGroups > 0 {
            throw ExtractionError.corrupt("RTF ends inside \(parser.openGroups) open group(s); the file looks truncated")
        }
    }

    /// Emits the text up to the last line break (or space, or character boundary) in the
    /// first `chunkSize * 2` bytes, so no word is split between units.
    private func emitUnit(from text: inout [UInt8], force: Bool, line: inout Int, tables: inout TextTables,
                          emit: (TextUnit) -> Void) {
        let limit = min(text.count, chunkSize * 2)
        var cut = limit
        if !(force && limit == text.count) {
            if let newline = text[..<limit].lastIndex(of: 0x0A), newline > 0 {
                cut = newline + 1
            } else if let space = text[..<limit].lastIndex(of: 0x20), space > 0 {
                cut = space + 1
            } else {
                while cut > 0 && cut < text.count && (text[cut] & 0xC0) == 0x80 { cut -= 1 }
            }
        }
        let piece = text[..<cut]
        if piece.contains(where: { $0 > 0x20 }) {
            tables.emitSplitting(TextUnit(text: String(decoding: piece, as: UTF8.self), location: Location(line: line)),
                                 line: line, emit: emit)
        }
        line += piece.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        text.removeFirst(cut)
    }
}
