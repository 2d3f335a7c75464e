/// The piece table of a Word 97–2003 document (MS-DOC 2.9.38, the CLX's PlcPcd): which
/// stretch of the `WordDocument` stream holds which character positions, and whether as
/// one byte per character (cp1252, "compressed": the file offset carries bit 30 and is
/// twice the byte offset) or as UTF-16. Pieces that point outside the stream are
/// rejected when the table is read.
struct PieceTable {
    private struct Piece {
        var cpStart: Int
        var cpEnd: Int
        var byteStart: Int
        var compressed: Bool
    }

    private let pieces: [Piece]
    private let word: [UInt8]

    init(table: [UInt8], offset: Int, length: Int, wordDocument: [UInt8]) throws(ExtractionError) {
        word = wordDocument
        guard offset >= 0, length > 0, offset < table.count, length <= table.count - offset else {
            throw ExtractionError.corrupt("doc: piece table outside the table stream")
        }
        var at = offset
        let end = offset + length
        // Prc entries (property modifiers) come first; the Pcdt (0x02) holds the pieces.
        while at < end, table[at] == 0x01 {
            at += 3 + Int(CompoundFile.u16(table, at + 1))
        }
        guard at + 5 <= end, table[at] == 0x02 else { throw ExtractionError.corrupt("doc: no piece table in the CLX") }
        let size = Int(CompoundFile.u32(table, at + 1))
        let start = at + 5
        guard size >= 16, size <= end - start, (size - 4) % 12 == 0 else { throw ExtractionError.corrupt("doc: piece table has a bad size") }
        let count = (size - 4) / 12
        var pieces: [Piece] = []
        pieces.reserveCapacity(count)
        for k in 0..<count {
            let cpStart = Int(CompoundFile.u32(table, start + 4 * k)), cpEnd = Int(CompoundFile.u32(table, start + 4 * k + 4))
            let fc = CompoundFile.u32(table, start + 4 * (count + 1) + 8 * k + 2)
            let compressed = fc & 0x4000_0000 != 0
            let byteStart = compressed ? Int(fc & 0x3FFF_FFFF) / 2 : Int(fc & 0x3FFF_FFFF)
            guard cpStart <= cpEnd else { throw ExtractionError.corrupt("doc: piece table out of order") }
            let bytes = (cpEnd - cpStart) * (compressed ? 1 : 2)
            guard byteStart <= wordDocument.count, bytes <= wordDocument.count - byteStart else {
                throw ExtractionError.corrupt("doc: piece \(k) points outside the WordDocument stream")
            }
            pieces.append(Piece(cpStart: cpStart, cpEnd: cpEnd, byteStart: byteStart, compressed: compressed))
        }
        self.pieces = pieces
    }

    /// Calls `body` with the UTF-16 units of characters `from..<from + count`, piece by piece.
    func characters(from: Int, count: Int, _ body: ([UInt16]) -> Void) {
        let to = from + count
        for piece in pieces where piece.cpEnd > from && piece.cpStart < to {
            let first = max(from, piece.cpStart) - piece.cpStart
            let last = min(to, piece.cpEnd) - piece.cpStart
            var units: [UInt16] = []
            units.reserveCapacity(last - first)
            if piece.compressed {
                for i in (piece.byteStart + first)..<(piece.byteStart + last) {
                    units.append(UInt16(TextEncoding.windows1252Scalar(word[i])))
                }
            } else {
                var i = piece.byteStart + first * 2
                let end = piece.byteStart + last * 2
                while i < end && i + 1 < word.count {
                    units.append(UInt16(word[i]) | UInt16(word[i + 1]) << 8)
                    i += 2
                }
            }
            body(units)
        }
    }
}
