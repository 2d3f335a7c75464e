import InventaModel

/// Word 97–2003 documents (`.doc`, `.dot`; MS-DOC): the text of the `WordDocument`
/// stream, found through the piece table (CLX) in the `0Table`/`1Table` stream, so
/// fast-saved (complex) files read in document order. The stories follow each other in
/// character positions (FIB `ccpText`, `ccpFtn`, `ccpHdd`, …) and become parts: body
/// (no part), `footnotes`, `header` (headers and footers together: telling them apart
/// needs the header PLC, and both are page furniture), `comments`, `endnotes`,
/// `textbox`, each with paragraph numbers as lines (`WordText`).
///
/// Word 6/95 files (FIB before version 101) have no piece table in this form; their
/// text is read as the single cp1252 run the FIB points at. Encrypted or obfuscated
/// files (`fEncrypted`, `fObfuscated`) are `encrypted`: their text needs the password.
/// Formatting, pictures and embedded objects are not read.
public struct DocExtractor: Extractor {
    public init() {}

    static let stories: [(offset: Int, part: String?)] = [
        (12, nil), (16, "footnotes"), (20, "header"), (24, "macro"), (28, "comments"), (32, "endnotes"), (36, "textbox"), (40, "textbox"),
    ]

    public func extract(_ input: ExtractionInput, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        let file = try CompoundFile(input, maxStreamBytes: context.limits.maxMemberBytes)
        guard let word = try file.stream(named: "WordDocument") else { throw ExtractionError.corrupt("doc: no WordDocument stream") }
        guard word.count >= 0x200, CompoundFile.u16(word, 0) == 0xA5EC else {
            throw ExtractionError.corrupt("doc: the WordDocument stream has no valid FIB")
        }
        let flags = CompoundFile.u16(word, 0x0A)
        if flags & 0x0100 != 0 || flags & 0x8000 != 0 { throw ExtractionError.encrypted }
        let nFib = CompoundFile.u16(word, 2)
        if nFib < 101 {
            let start = Int(CompoundFile.u32(word, 0x18)), end = Int(CompoundFile.u32(word, 0x1C))
            guard start < end, end <= word.count else { throw ExtractionError.corrupt("doc: Word 6/95 text outside the stream") }
            var text = WordText(location: Location())
            text.add(word[start..<end].map { UInt16(TextEncoding.windows1252Scalar($0)) }, emit: emit)
            text.finish(emit: emit)
            return
        }
        let tableName = flags & 0x0200 != 0 ? "1Table" : "0Table"
        guard let table = try file.stream(named: tableName) else { throw ExtractionError.corrupt("doc: no \(tableName) stream") }
        // FibBase (32 bytes), then csw and FibRgW97, cslw and FibRgLw97, cbRgFcLcb and FibRgFcLcb.
        let csw = Int(CompoundFile.u16(word, 32))
        let longs = 34 + csw * 2 + 2
        let cslw = Int(CompoundFile.u16(word, longs - 2))
        let pairs = longs + cslw * 4 + 2
        guard cslw >= 11, Int(CompoundFile.u16(word, pairs - 2)) > 33, pairs + 34 * 8 <= word.count else {
            throw ExtractionError.corrupt("doc: FIB too short for a piece table")
        }
        let pieces = try PieceTable(table: table, offset: Int(CompoundFile.u32(word, pairs + 33 * 8)),
                                    length: Int(CompoundFile.u32(word, pairs + 33 * 8 + 4)), wordDocument: word)
        var position = 0
        for story in DocExtractor.stories {
            let count = Int(CompoundFile.u32(word, longs + story.offset))
            // A story cannot hold more characters than the stream has bytes.
            guard count > 0, count <= word.count, position <= word.count else { position += max(0, min(count, word.count)); continue }
            try context.checkBudget()
            var text = WordText(location: Location(part: story.part))
            pieces.characters(from: position, count: count) { text.add($0, emit: emit) }
            text.finish(emit: emit)
            position += count
        }
    }
}
