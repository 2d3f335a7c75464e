import InventaModel

/// The record state machine behind `CSVExtractor`: fed bytes in pieces, it hands out
/// one text unit per non-empty cell with its row and column. Quotes are RFC 4180; a
/// quote in the middle of an unquoted cell is kept as text, and text after a closing
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
    /// Column names, once the header row is known (empty when the file has none).
    private var header: [String]?
    /// The row the header was found on: exports often start with a title line or two.
    private var headerRow = 0
    private var firstRowWasSingle = false
    private var singleFirstRow: [String] = []
    /// Rows looked at for a header before deciding there is none.
    private static let maxHeaderSearchRows = 5
    private var firstRow: [String] = []
    private static let maxHeaderColumns = 4096

    init(delimiter: UInt8, encoding: TextEncoding, maxCellBytes: Int) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.maxCellBytes = maxCellBytes
    }

    mutating func feed(_ bytes: [UInt8], _ emit: (TextUnit) throws(ExtractionError) -> Void) throws(ExtractionError) {
        for byte in bytes {
            let wasCR = afterCR
            afterCR = false
            switch state {
            case .quoted:
                if byte == 0x22 { state = .quoteInQuoted } else { try append(byte, emit) }
            case .fieldStart, .unquoted, .quoteInQuoted:
                if byte == delimiter {
                    try endCell(emit)
                    column += 1
                } else if byte == 0x0A {
                    if wasCR { continue }
                    try endRow(emit)
                } else if byte == 0x0D {
                    try endRow(emit)
                    afterCR = true
                } else if byte == 0x22 && state == .fieldStart {
                    state = .quoted
                } else if byte == 0x22 && state == .quoteInQuoted {
                    try append(0x22, emit)
                    state = .quoted
                } else {
                    state = .unquoted
                    try append(byte, emit)
                }
            }
        }
    }

    /// Ends the last record (a file need not end with a line break; an unclosed quote keeps its text).
    mutating func finish(_ emit: (TextUnit) -> Void) {
        if !cell.isEmpty { try? endCell(emit) }
    }

    private mutating func append(_ byte: UInt8, _ emit: (TextUnit) throws(ExtractionError) -> Void) throws(ExtractionError) {
        cell.append(byte)
        if cell.count >= maxCellBytes {
            // Split a giant cell at a character boundary; the rest continues in the same cell.
            let cut = encoding.characterBoundary(in: cell, before: cell.count - 1)
            let rest = Array(cell[cut...])
            cell.removeSubrange(cut...)
            try emitCell(emit)
            cell = rest
        }
    }

    private mutating func endCell(_ emit: (TextUnit) throws(ExtractionError) -> Void) throws(ExtractionError) {
        if header == nil && firstRow.count < CSVParser.maxHeaderColumns {
            // A long first cell is data, not a column name; do not keep it.
            firstRow.append(cell.count <= 256 ? encoding.decode(cell[...]) : "")
        }
        try emitCell(emit)
        cell.removeAll(keepingCapacity: true)
        state = .fieldStart
    }

    private mutating func endRow(_ emit: (TextUnit) throws(ExtractionError) -> Void) throws(ExtractionError) {
        try endCell(emit)
        if header == nil { decideHeader() }
        row += 1
        column = 1
    }

    /// A row of several named columns is the header. A one-cell row at the top is a title
    /// (`Leverantörsregister 2020`) unless the file has one column, and the search goes on.
    private mutating func decideHeader() {
        let cells = firstRow.filter { !CSVParser.columnName($0).isEmpty }
        if cells.count >= 2 || (row == 2 && cells.count == 1 && firstRowWasSingle) || row >= CSVParser.maxHeaderSearchRows {
            let candidate = cells.count >= 2 ? firstRow : (firstRowWasSingle ? singleFirstRow : firstRow)
            if CSVParser.looksLikeHeader(candidate) {
                header = candidate.map(CSVParser.columnName)
                headerRow = cells.count >= 2 ? row : 1
            } else {
                header = []
            }
        } else if row == 1 && cells.count == 1 {
            firstRowWasSingle = true
            singleFirstRow = firstRow
        }
        firstRow.removeAll()
    }

    private func emitCell(_ emit: (TextUnit) throws(ExtractionError) -> Void) throws(ExtractionError) {
        guard cell.contains(where: { $0 > 0x20 }) else { return }
        let value = encoding.decode(cell[...])
        var location = Location(row: row, column: column)
        if let header, row > headerRow, column <= header.count, !header[column - 1].isEmpty {
            let name = header[column - 1]
            location.part = name
            let prefix = name + ": "
            let start = prefix.utf8.count
            let text = prefix + value
            try emit(TextUnit(text: text, location: location, ownedRange: start..<text.utf8.count))
        } else {
            try emit(TextUnit(text: value, location: location))
        }
    }

    /// A header row: every cell filled, short, and none holding a long run of digits (data, not a name).
    static func looksLikeHeader(_ cells: [String]) -> Bool {
        guard !cells.isEmpty else { return false }
        return cells.allSatisfy { cell in
            let trimmed = columnName(cell)
            guard !trimmed.isEmpty, trimmed.utf8.count <= 64 else { return false }
            var run = 0
            for byte in trimmed.utf8 {
                run = byte >= 0x30 && byte <= 0x39 ? run + 1 : 0
                if run >= 6 { return false }
            }
            return trimmed.unicodeScalars.contains { $0.properties.isAlphabetic }
        }
    }

    static func columnName(_ cell: String) -> String {
        var scalars = Substring(cell).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
