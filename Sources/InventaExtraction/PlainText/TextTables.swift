import InventaModel

/// Finds tables written as plain text inside a `.txt` file (call logs, exports pasted into a
/// note, system printouts) and turns their rows into table units (`TableRowBuilder`,
/// docs/decisions/0205-table-rows.md), so each cell sees its column header as its label, as it
/// would in a CSV file. Two shapes (docs/decisions/0215-tables-in-plain-text.md):
///
/// - **Delimited**: three or more consecutive lines with the same number (≥ 2) of `|`, tab or
///   `;` (or two such lines when the first reads as a header row): `Datum | Tid | Namn`.
/// - **Fixed width**: a header line of three or more names separated by runs of two or more
///   spaces, followed by at least two lines that can be cut at the header's column starts
///   (a space just before each start, and a field starting there at half of them or more).
///
/// Rule lines (`-----  ----`, `|---|---|`, `+----+`) inside a table are skipped; a blank line
/// or a line of another shape ends it. Not a CSV parser: no quoting (a `.csv` file goes to
/// `CSVExtractor`). A table may continue across the extractor's chunks: its shape and header
/// are carried to the next chunk.
struct TextTables {
    enum Shape: Equatable {
        case delimited(UInt8, count: Int)
        case fixed(starts: [Int])
    }

    /// A table found in a chunk: the byte range of its lines (whole lines, newlines included)
    /// and its rows as units.
    struct Block {
        var range: Range<Int>
        var units: [TextUnit]
    }

    private static let delimiters: [UInt8] = [0x7C, 0x09, 0x3B]
    private var builder = TableRowBuilder()
    /// The table still open at the end of the last chunk, and the number of its next row.
    private var open: (shape: Shape, row: Int)?
    /// Whether the open table is a key–value table (`Namn ⇥ Anna Berg`), as `DocumentTable`
    /// decides it: its first column then labels the second, and no header row is looked for.
    private var keyValue = false

    /// One line of the chunk: its byte range without the line break, and its first line number.
    private struct Line {
        var start: Int
        var end: Int
        var next: Int
        var number: Int
    }

    /// Scans the lines starting in `range` of `bytes` (line `firstLine` at `range.lowerBound`)
    /// and returns the tables found, in order. A table touching the end of the range stays open
    /// for the next call.
    mutating func scan(_ bytes: [UInt8], range: Range<Int>, firstLine: Int) -> [Block] {
        var lines: [Line] = []
        var start = range.lowerBound
        var number = firstLine
        while start < range.upperBound {
            var end = start
            while end < range.upperBound && bytes[end] != 0x0A { end += 1 }
            let next = min(end + 1, range.upperBound)
            let contentEnd = end > start && bytes[end - 1] == 0x0D ? end - 1 : end
            lines.append(Line(start: start, end: contentEnd, next: next, number: number))
            number += 1
            start = next
        }
        var blocks: [Block] = []
        var index = 0
        // A table left open by the previous chunk goes on while its lines keep the shape.
        if let carried = open {
            open = nil
            var end = index
            while end < lines.count && Self.fits(bytes, lines[end], carried.shape) { end += 1 }
            if end > index {
                blocks.append(emit(bytes, lines[index..<end], shape: carried.shape, firstRow: carried.row, continuing: true))
                index = end
            }
        }
        while index < lines.count {
            guard let shape = Self.shape(startingAt: index, in: bytes, lines) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < lines.count && Self.fits(bytes, lines[end], shape) { end += 1 }
            blocks.append(emit(bytes, lines[index..<end], shape: shape, firstRow: 1, continuing: false))
            index = end
        }
        // Only a table that reaches the end of the chunk may go on in the next one.
        if blocks.last?.range.upperBound != range.upperBound { open = nil }
        return blocks
    }

    /// The shape of a table whose header (or first row) is line `index`, if one starts there.
    private static func shape(startingAt index: Int, in bytes: [UInt8], _ lines: [Line]) -> Shape? {
        let line = lines[index]
        guard line.end > line.start else { return nil }
        for delimiter in delimiters {
            let count = count(delimiter, in: bytes, line)
            guard count >= 2 else { continue }
            let shape = Shape.delimited(delimiter, count: count)
            var run = 1
            while index + run < lines.count && run < 3 && fits(bytes, lines[index + run], shape) { run += 1 }
            if run >= 3 || (run == 2 && TableRowBuilder.looksLikeHeader(cells(bytes, line, shape).map(\.text))) {
                return shape
            }
        }
        let starts = fieldStarts(bytes, line)
        guard starts.count >= 3, cells(bytes, line, .fixed(starts: starts)).allSatisfy({ isColumnName($0.text) }) else {
            return nil
        }
        let shape = Shape.fixed(starts: starts)
        var rows = 0
        var next = index + 1
        while next < lines.count && rows < 2 && fits(bytes, lines[next], shape) {
            if !isRule(bytes, lines[next]) { rows += 1 }
            next += 1
        }
        return rows >= 2 ? shape : nil
    }

    /// A fixed-width header cell: a label of at most three words, not a sentence (`Ärende`,
    /// `Utbetalning till`), since prose spaced with two blanks after a full stop splits into
    /// pieces too.
    private static func isColumnName(_ text: String) -> Bool {
        guard TableRowBuilder.looksLikeLabel(text), !text.hasSuffix("."), !text.hasSuffix(",") else { return false }
        return text.split(separator: " ").count <= 3
    }

    /// Whether a line belongs to a table of this shape (rule lines do).
    private static func fits(_ bytes: [UInt8], _ line: Line, _ shape: Shape) -> Bool {
        guard line.end > line.start, bytes[line.start..<line.end].contains(where: { $0 > 0x20 }) else { return false }
        switch shape {
        case .delimited(let delimiter, let expected):
            return count(delimiter, in: bytes, line) == expected
        case .fixed(let starts):
            if isRule(bytes, line) { return true }
            let columns = columnOffsets(bytes, line)
            var aligned = 0
            var inside = 0
            for start in starts.dropFirst() {
                guard start < columns.count else { break }
                inside += 1
                // A cut must fall on a space; a field usually starts right there (left-aligned columns).
                guard bytes[columns[start - 1]] == 0x20 else { return false }
                if bytes[columns[start]] != 0x20 { aligned += 1 }
            }
            return inside >= 1 && aligned * 2 >= inside
        }
    }

    /// A line of only `-`, `=`, `+`, `|`, `:` and spaces: a rule under a header or between rows.
    private static func isRule(_ bytes: [UInt8], _ line: Line) -> Bool {
        var dashes = 0
        for byte in bytes[line.start..<line.end] {
            switch byte {
            case 0x2D, 0x3D: dashes += 1
            case 0x2B, 0x7C, 0x3A, 0x20, 0x09: continue
            default: return false
            }
        }
        return dashes >= 3
    }

    private static func count(_ delimiter: UInt8, in bytes: [UInt8], _ line: Line) -> Int {
        var count = 0
        for byte in bytes[line.start..<line.end] where byte == delimiter { count += 1 }
        return count
    }

    /// Byte offset of each character (UTF-8 lead byte) of a line, so fixed-width columns are
    /// counted in characters (`Ärende` is six wide), with the line's end as the last entry.
    private static func columnOffsets(_ bytes: [UInt8], _ line: Line) -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(line.end - line.start + 1)
        for index in line.start..<line.end where bytes[index] & 0xC0 != 0x80 { offsets.append(index) }
        return offsets
    }

    /// Character columns where a field starts after a run of two or more spaces (and the first
    /// field); empty for a line with a tab (tabs do not align by character count). Runs on
    /// every line of a text file, so it counts characters without building an offset table.
    private static func fieldStarts(_ bytes: [UInt8], _ line: Line) -> [Int] {
        var starts: [Int] = []
        var spaces = 0
        var column = 0
        for index in line.start..<line.end {
            let byte = bytes[index]
            if byte & 0xC0 == 0x80 { continue }
            defer { column += 1 }
            if byte == 0x09 { return [] }
            if byte == 0x20 {
                spaces += 1
                continue
            }
            if starts.isEmpty || spaces >= 2 { starts.append(column) }
            spaces = 0
        }
        return starts
    }

    /// The line's cells: 1-based column and trimmed text.
    private static func cells(_ bytes: [UInt8], _ line: Line, _ shape: Shape) -> [(column: Int, text: String)] {
        var pieces: [Range<Int>] = []
        switch shape {
        case .delimited(let delimiter, _):
            var start = line.start
            for index in line.start..<line.end where bytes[index] == delimiter {
                pieces.append(start..<index)
                start = index + 1
            }
            pieces.append(start..<line.end)
            // `| a | b |`: the outer pipes are the table's border, not empty first and last columns.
            if delimiter == 0x7C, pieces.count > 2, isBlank(bytes, pieces[0]), isBlank(bytes, pieces[pieces.count - 1]) {
                pieces.removeFirst()
                pieces.removeLast()
            }
        case .fixed(let starts):
            let offsets = columnOffsets(bytes, line)
            for (position, start) in starts.enumerated() {
                guard start < offsets.count else { break }
                let next = position + 1 < starts.count ? starts[position + 1] : offsets.count
                pieces.append(offsets[start]..<(next < offsets.count ? offsets[next] : line.end))
            }
            // Text left of the first header column belongs to the first cell.
            if let first = pieces.first, first.lowerBound > line.start { pieces[0] = line.start..<first.upperBound }
        }
        return pieces.enumerated().map { (position, range) in
            (position + 1, TableRowBuilder.columnName(String(decoding: bytes[range], as: UTF8.self)))
        }
    }

    private static func isBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        !bytes[range].contains { $0 > 0x20 }
    }

    private mutating func emit(_ bytes: [UInt8], _ lines: ArraySlice<Line>, shape: Shape, firstRow: Int, continuing: Bool) -> Block {
        var rows: [[TableRowBuilder.Cell]] = []
        var row = firstRow
        for line in lines {
            if Self.isRule(bytes, line) { continue }
            rows.append(Self.cells(bytes, line, shape).filter { cell in
                cell.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
            }.map { cell in
                TableRowBuilder.Cell(column: cell.column, location: Location(line: line.number, row: row, column: cell.column), text: cell.text)
            })
            row += 1
        }
        if !continuing {
            builder.startTable()
            keyValue = DocumentTable.isKeyValue(rows)
            builder.findsHeader = !keyValue
        }
        var units: [TextUnit] = []
        for cells in rows {
            if keyValue && cells.count % 2 == 0 {
                builder.emitPairs(stride(from: 0, to: cells.count, by: 2).map { (cells[$0].text, cells[$0 + 1]) },
                                  emit: { units.append($0) })
                continue
            }
            for cell in cells { builder.add(cell, emit: { units.append($0) }) }
            builder.endRow(emit: { units.append($0) })
        }
        open = (shape, row)
        return Block(range: lines[lines.startIndex].start..<lines[lines.endIndex - 1].next, units: units)
    }
}

extension TextTables {
    /// Emits a chunk's unit, or, when its owned lines hold tables, the text before, between
    /// and after them as plain units (each with the chunk's overlap at its outer edges) and
    /// each table row as a table unit, in file order. Used by the plain-text and RTF readers.
    /// `line` is the line number where the unit's owned range starts.
    mutating func emitSplitting(_ unit: TextUnit, line: Int, emit: (TextUnit) -> Void) {
        let bytes = Array(unit.text.utf8)
        let owned = unit.ownedRange
        let blocks = scan(bytes, range: owned, firstLine: line)
        guard !blocks.isEmpty else { return emit(unit) }
        let firstLine = unit.location.line ?? 1
        var start = owned.lowerBound
        func plain(_ stretch: Range<Int>) {
            guard bytes[stretch].contains(where: { $0 > 0x20 }) else { return }
            // The first and last stretches keep the chunk's overlap as context.
            let textStart = stretch.lowerBound == owned.lowerBound ? 0 : stretch.lowerBound
            let textEnd = stretch.upperBound == owned.upperBound ? bytes.count : stretch.upperBound
            var location = unit.location
            location.line = firstLine + bytes[0..<textStart].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            emit(TextUnit(text: String(decoding: bytes[textStart..<textEnd], as: UTF8.self), location: location,
                          ownedRange: (stretch.lowerBound - textStart)..<(stretch.upperBound - textStart), member: unit.member))
        }
        for block in blocks {
            plain(start..<block.range.lowerBound)
            for row in block.units { emit(row) }
            start = block.range.upperBound
        }
        plain(start..<owned.upperBound)
    }
}
