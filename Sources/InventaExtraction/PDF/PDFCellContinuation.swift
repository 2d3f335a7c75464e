/// Joins a table cell's further lines to the cell, so a value wrapped inside a cell is whole.
///
/// What: a line directly below a row of two or more cells (closer than a line gap), with
/// at most half as many chunks as the row, each chunk under exactly one of the row's cells, is the
/// continuation of those cells: each chunk is appended to its cell (with no space after a
/// hyphen, `20130129-` + `9879`, else one space). Chains: a cell may run over several lines.
/// What not: prose lines (one chunk) are never joined, and a line with as many chunks as
/// the row, or more than half, is the next row (a row with an empty cell).
/// Why: a personnummer, phone number or address broken inside a narrow cell would
/// otherwise be two fragments on two lines, and neither passes a matcher.
enum PDFCellContinuation {
    typealias Line = PDFLayoutText.Line

    static let maxGap = 0.4    // of the line height: a cell's own line spacing, not a row gap
    static let tolerance = 0.3 // of the line height: how far a chunk may stick out of its cell

    static func join(_ lines: [Line]) -> [Line] {
        var out: [Line] = []
        out.reserveCapacity(lines.count)
        for line in lines {
            if let last = out.last, let cells = cells(of: line, under: last) {
                var row = last
                for (chunk, cell) in zip(line.chunks, cells) {
                    if needsSpace(row.chunks[cell], before: chunk) { row.chunks[cell].bytes.append(0x20) }
                    row.chunks[cell].bytes.append(contentsOf: chunk.bytes)
                    row.chunks[cell].words += chunk.words
                    row.chunks[cell].u2 = max(row.chunks[cell].u2, chunk.u2)
                }
                row.v2 = line.v2
                out[out.count - 1] = row
            } else {
                out.append(line)
            }
        }
        return out
    }

    /// Whether a cell's next line starts a new word. Not after a hyphen (`19850103-` / `2380`),
    /// not inside a long digit run (`19850103` / `2380`), not inside an e-mail address, not
    /// where a one-word cell goes on in lower case (`Personnum` / `mer`: a word too long for
    /// its cell); else a space (`Anna` / `Berg`, `070-174 06` / `05`).
    static func needsSpace(_ cell: PDFLayoutText.Chunk, before next: PDFLayoutText.Chunk) -> Bool {
        guard let end = cell.bytes.last, let first = next.bytes.first else { return false }
        if end == 0x2D || first == 0x2D { return false }
        let lastWord = cell.bytes.reversed().prefix { $0 != 0x20 }
        let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        if isDigit(end) && isDigit(first) && lastWord.prefix(while: isDigit).count >= 6 { return false }
        if lastWord.contains(0x40) { return false }
        if cell.words == 1 && first >= 0x61 && first <= 0x7A { return false }
        return true
    }

    /// For each chunk of `line`, the row cell it continues; nil when `line` is not a continuation.
    static func cells(of line: Line, under row: Line) -> [Int]? {
        // At most half the row's cells go on: a row with an empty cell or two is the next row.
        guard row.chunks.count >= 2, 2 * line.chunks.count <= row.chunks.count else { return nil }
        let size = min(row.height, line.height)
        let gap = line.v1 - row.v2
        guard gap > -0.3 * size, gap < maxGap * size else { return nil }
        let slack = tolerance * size
        var cells: [Int] = []
        var taken = Set<Int>()
        for chunk in line.chunks {
            var match: Int?
            for (index, cell) in row.chunks.enumerated() where chunk.u1 < cell.u2 + slack && chunk.u2 > cell.u1 - slack {
                if match != nil { return nil }  // straddles two cells: not a cell's line
                match = index
            }
            guard let match, taken.insert(match).inserted else { return nil }
            cells.append(match)
        }
        return cells
    }
}
