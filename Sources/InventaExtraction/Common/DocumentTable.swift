import InventaModel

/// A table inside a document (DOCX `w:tbl`, ODT `table:table`, HTML `<table>`), read cell
/// by cell and emitted row by row through `TableRowBuilder` (docs/decisions/0205-table-rows.md).
/// Cells are located `table N, row R, column C` within their part.
///
/// Unlike a sheet, a document table is often a form: `Personnummer | 850101-2382` rows,
/// labels in the first column. Such a key–value table is recognised once its first rows
/// are read (kept in memory up to `decisionRows`): two or four cells a row, and most
/// first-column cells field labels (a known field word, or ending in `:`). Each value is
/// then written after its own key as a label, with the key as its header. Otherwise the
/// builder looks for a header row by shape, as for a sheet.
struct DocumentTable {
    /// Rows kept before the table's kind is decided; later rows stream.
    static let decisionRows = 200

    private var builder = TableRowBuilder()
    private var rows: [[TableRowBuilder.Cell]] = []
    private var row: [TableRowBuilder.Cell] = []
    private var cellText = ""
    private var rowNumber = 0
    private var column = 0
    private var decided: Bool?
    private var tableNumber = 0
    /// Where the table sits (a part such as `header`, a slide), copied into every cell's location.
    private var base = Location()
    private(set) var isOpen = false

    /// Starts a table at `base` (a part such as `header`, a slide; empty for a document's body).
    mutating func start(at base: Location) {
        builder.startTable()
        tableNumber += 1
        self.base = base
        self.base.line = nil
        rows.removeAll()
        row.removeAll()
        rowNumber = 0
        decided = nil
        isOpen = true
    }

    mutating func startRow() {
        row.removeAll(keepingCapacity: true)
        rowNumber += 1
        column = 0
    }

    /// A cell starts.
    mutating func startCell() {
        column += 1
        cellText = ""
    }

    /// Text inside the current cell (a tab or line break in a cell is a space or a line break of the value).
    mutating func append(_ text: String) { cellText += text }

    /// Ends the current cell, which covered `span` grid columns.
    mutating func endCell(span: Int = 1) {
        let text = TableRowBuilder.columnName(cellText)
        if !text.isEmpty {
            var location = base
            location.part = [base.part, "table \(tableNumber)"].compactMap { $0 }.joined(separator: ", ")
            location.row = rowNumber
            location.column = column
            row.append(TableRowBuilder.Cell(column: column, location: location, text: text))
        }
        column += max(span, 1) - 1
        cellText = ""
    }

    mutating func endRow(emit: (TextUnit) -> Void) {
        defer { row.removeAll(keepingCapacity: true) }
        guard !row.isEmpty else { return }
        guard let keyValue = decided else {
            rows.append(row)
            if rows.count >= DocumentTable.decisionRows { decide(emit: emit) }
            return
        }
        write(row, keyValue: keyValue, emit: emit)
    }

    /// Ends the table: what is still held is decided and emitted.
    mutating func end(emit: (TextUnit) -> Void) {
        if !row.isEmpty { endRow(emit: emit) }
        if decided == nil { decide(emit: emit) }
        isOpen = false
    }

    private mutating func decide(emit: (TextUnit) -> Void) {
        let keyValue = DocumentTable.isKeyValue(rows)
        decided = keyValue
        builder.findsHeader = !keyValue
        for held in rows { write(held, keyValue: keyValue, emit: emit) }
        rows.removeAll()
    }

    private mutating func write(_ cells: [TableRowBuilder.Cell], keyValue: Bool, emit: (TextUnit) -> Void) {
        if keyValue && cells.count % 2 == 0 {
            var pairs: [(label: String, value: TableRowBuilder.Cell)] = []
            for index in stride(from: 0, to: cells.count, by: 2) { pairs.append((cells[index].text, cells[index + 1])) }
            builder.emitPairs(pairs, emit: emit)
            return
        }
        for cell in cells { builder.add(cell, emit: emit) }
        builder.endRow(emit: emit)
    }

    /// Two or four cells a row, and most keys (first, third cells) read as field labels.
    static func isKeyValue(_ rows: [[TableRowBuilder.Cell]]) -> Bool {
        guard !rows.isEmpty else { return false }
        let paired = rows.filter { $0.count == 2 || $0.count == 4 }
        guard paired.count * 5 >= rows.count * 4 else { return false }
        var keys = 0, labels = 0
        for cells in paired {
            for index in stride(from: 0, to: cells.count, by: 2) {
                keys += 1
                if FieldLabels.isFieldLabel(cells[index].text) { labels += 1 }
            }
        }
        return labels * 3 >= keys * 2
    }
}
