import InventaModel

/// The record state machine behind `CSVExtractor`: fed bytes in pieces, it hands each
/// record's non-empty cells, with their row and column, to a `TableRowBuilder`, which
/// emits the record as one text unit (header search, labels, layout). Quotes are RFC 4180;
/// a quote in the middle of an unquoted cell is kept as text, and text after a closing
/// quote is appended, as spreadsheet programs do.
struct CSVParser {
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    let delimiter: UInt8
    let encoding: TextEncoding
    let maxCellBytes: Int
    private var state = State.fieldStart
    private var cell: [UInt8] = []
    private var row = 1
    private var column = 1
    private var afterCR = false
    private var builder = TableRowBuilder()

    init(delimiter: UInt8, encoding: TextEncoding, maxCellBytes: Int) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.maxCellBytes = maxCellBytes
    }

    mutating func feed(_ bytes: [UInt8], _ emit: (TextUnit) -> Void) {
        for byte in bytes {
            let wasCR = afterCR
            afterCR = false
            switch state {
            case .quoted:
                if byte == 0x22 { state = .quoteInQuoted } else { append(byte, emit) }
            case .fieldStart, .unquoted, .quoteInQuoted:
                if byte == delimiter {
                    endCell(emit)
                    column += 1
                } else if byte == 0x0A {
                    if wasCR { continue }
                    endRow(emit)
                } else if byte == 0x0D {
                    endRow(emit)
                    afterCR = true
                } else if byte == 0x22 && state == .fieldStart {
                    state = .quoted
                } else if byte == 0x22 && state == .quoteInQuoted {
                    append(0x22, emit)
                    state = .quoted
                } else {
                    state = .unquoted
                    append(byte, emit)
                }
            }
        }
    }

    /// Ends the last record (a file need not end with a line break; an unclosed quote keeps its text).
    mutating func finish(_ emit: (TextUnit) -> Void) {
        if !cell.isEmpty || builder.hasPendingCells { endRow(emit) }
    }

    private mutating func append(_ byte: UInt8, _ emit: (TextUnit) -> Void) {
        cell.append(byte)
        if cell.count >= maxCellBytes {
            // Split a giant cell at a character boundary; the rest continues in the same cell.
            let cut = encoding.characterBoundary(in: cell, before: cell.count - 1)
            let rest = Array(cell[cut...])
            cell.removeSubrange(cut...)
            addCell(emit)
            cell = rest
        }
    }

    private mutating func endCell(_ emit: (TextUnit) -> Void) {
        addCell(emit)
        cell.removeAll(keepingCapacity: true)
        state = .fieldStart
    }

    private mutating func endRow(_ emit: (TextUnit) -> Void) {
        endCell(emit)
        builder.endRow(emit: emit)
        row += 1
        column = 1
    }

    private mutating func addCell(_ emit: (TextUnit) -> Void) {
        guard cell.contains(where: { $0 > 0x20 }) else { return }
        builder.add(TableRowBuilder.Cell(column: column, location: Location(row: row, column: column), text: encoding.decode(cell[...])),
                    emit: emit)
    }
}
