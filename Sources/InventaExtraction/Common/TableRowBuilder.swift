import InventaModel

/// Turns the rows of one table into text units, one per row, in the shape every tabular
/// source shares (docs/decisions/0205-table-rows.md): the row's cells joined by tabs, each
/// written after its column header as a label (`Personnummer: 110908-9936`), with a
/// `TableLayout` giving each cell's value span, location and header.
///
/// The header is found by shape among the first rows (`headerSearchRows`): the first row
/// of two or more cells that all read as column names (short, a letter, no long digit run),
/// so a title or two above it stays a row of its own. A header-like row directly under it
/// with more cells is a second header row (a merged cell over sub-columns): its names
/// become `Över / Under`. A one-cell header is accepted when the next row is one value in
/// the same column (a one-column export). Header rows are emitted too, as bare cells.
///
/// Used by CSV, XLSX/ODS (through `SpreadsheetRow`), and document tables (`DocumentTable`).
/// It does not parse anything: callers hand it cells in column order.
struct TableRowBuilder {
    /// One cell as the caller read it: its 1-based column, location and displayed text.
    struct Cell {
        var column: Int
        var location: Location
        var text: String
    }

    /// A row longer than this is cut at cell boundaries into several units.
    static let maxRowBytes = 64 << 10
    /// Rows looked at for a header (title lines may come first).
    static let headerSearchRows = 5

    /// Column → header name, once the header row is known.
    private(set) var header: [Int: String] = [:]
    private var rowsSeen = 0
    /// The header row's cell count and columns, while a second header row may still follow.
    private var headerColumns: Set<Int>?
    /// A one-cell row at the top that may be a one-column header.
    private var singleCandidate: Cell?
    private var pending: [Cell] = []
    private var pendingBytes = 0
    /// The row was cut because it grew too long: it is data, never a header.
    private var rowWasCut = false
    /// Which table of the file this is (`TableLayout.table`).
    private(set) var table = 0
    /// When false, no header is looked for (key–value tables label their own cells).
    var findsHeader = true

    /// A new table (sheet) starts: its header is its own.
    mutating func startTable() {
        header = [:]
        rowsSeen = 0
        headerColumns = nil
        singleCandidate = nil
        pending.removeAll(keepingCapacity: true)
        pendingBytes = 0
        rowWasCut = false
        table += 1
    }

    var hasPendingCells: Bool { !pending.isEmpty }

    /// Adds a cell of the current row; whitespace-only cells are left out. May emit part of
    /// a very long row.
    mutating func add(_ cell: Cell, emit: (TextUnit) -> Void) {
        guard cell.text.utf8.contains(where: { $0 > 0x20 }) else { return }
        pending.append(cell)
        pendingBytes += cell.text.utf8.count + 1
        if pendingBytes > TableRowBuilder.maxRowBytes {
            emitRow(pending, labelled: true, emit: emit)
            pending.removeAll(keepingCapacity: true)
            pendingBytes = 0
            rowWasCut = true
        }
    }

    /// Ends the current row: decides whether it is (part of) the header, then emits it.
    mutating func endRow(emit: (TextUnit) -> Void) {
        defer {
            pending.removeAll(keepingCapacity: true)
            pendingBytes = 0
            rowWasCut = false
        }
        guard !pending.isEmpty else { return }
        rowsSeen += 1
        if findsHeader && !rowWasCut && learnHeader() {
            emitRow(pending, labelled: false, emit: emit)
            return
        }
        emitRow(pending, labelled: true, emit: emit)
    }

    /// Emits rows already labelled by the caller (key–value tables): each pair is a label and its value.
    mutating func emitPairs(_ pairs: [(label: String, value: Cell)], emit: (TextUnit) -> Void) {
        var text = ""
        var cells: [TableLayout.Cell] = []
        for (label, value) in pairs where value.text.utf8.contains(where: { $0 > 0x20 }) {
            if !text.isEmpty { text += "\t" }
            let name = TableRowBuilder.labelName(label)
            if !name.isEmpty { text += name + ": " }
            var location = value.location
            if !name.isEmpty { location.header = name }
            let start = text.utf8.count
            text += value.text
            cells.append(TableLayout.Cell(value: start..<text.utf8.count, location: location, column: value.column))
        }
        guard !cells.isEmpty else { return }
        emit(TextUnit(text: text, location: rowLocation(cells[0].location), table: TableLayout(cells: cells, table: table)))
    }

    /// Looks at the current row as a header; true when it is one (it then stays unlabelled).
    private mutating func learnHeader() -> Bool {
        if let columns = headerColumns {
            headerColumns = nil
            // A second header row: more names than the first, under its merged cells.
            if pending.count > columns.count, TableRowBuilder.looksLikeHeader(pending.map(\.text)) {
                mergeSecondHeaderRow()
                return true
            }
            return false
        }
        guard header.isEmpty, rowsSeen <= TableRowBuilder.headerSearchRows else { return false }
        if let single = singleCandidate {
            singleCandidate = nil
            if pending.count == 1 && pending[0].column == single.column && !TableRowBuilder.looksLikeHeader([pending[0].text]) {
                header[single.column] = TableRowBuilder.labelName(single.text)
                return false
            }
        }
        if pending.count == 1 {
            if rowsSeen == 1 && TableRowBuilder.looksLikeHeader([pending[0].text]) { singleCandidate = pending[0] }
            return false
        }
        guard TableRowBuilder.looksLikeHeader(pending.map(\.text)) else { return false }
        for cell in pending { header[cell.column] = TableRowBuilder.labelName(cell.text) }
        headerColumns = Set(pending.map(\.column))
        return true
    }

    /// `Över / Under`: each sub-column takes the name of the nearest upper cell at or left of it.
    private mutating func mergeSecondHeaderRow() {
        let upper = header.sorted { $0.key < $1.key }
        var merged: [Int: String] = [:]
        for cell in pending {
            let name = TableRowBuilder.labelName(cell.text)
            if let over = upper.last(where: { $0.key <= cell.column }), over.value != name {
                merged[cell.column] = over.value + " / " + name
            } else {
                merged[cell.column] = name
            }
        }
        header = merged
    }

    private func emitRow(_ row: [Cell], labelled: Bool, emit: (TextUnit) -> Void) {
        guard !row.isEmpty else { return }
        var text = ""
        var cells: [TableLayout.Cell] = []
        cells.reserveCapacity(row.count)
        for cell in row {
            if !text.isEmpty {
                text += "\t"
                // Cut a long row at a cell boundary.
                if text.utf8.count + cell.text.utf8.count > TableRowBuilder.maxRowBytes {
                    emit(TextUnit(text: String(text.dropLast()), location: rowLocation(cells[0].location),
                                  table: TableLayout(cells: cells, table: table)))
                    text = ""
                    cells.removeAll(keepingCapacity: true)
                }
            }
            var location = cell.location
            if labelled, let name = header[cell.column], !name.isEmpty {
                text += name + ": "
                location.header = name
            }
            let start = text.utf8.count
            text += cell.text
            cells.append(TableLayout.Cell(value: start..<text.utf8.count, location: location, column: cell.column))
        }
        emit(TextUnit(text: text, location: rowLocation(cells[0].location), table: TableLayout(cells: cells, table: table)))
    }

    /// The unit's own location: the first cell's, without what belongs to a single cell.
    private func rowLocation(_ first: Location) -> Location {
        var location = first
        location.column = nil
        location.header = nil
        return location
    }

    /// A header row: every cell filled, short, and none holding a long run of digits (data, not a name).
    static func looksLikeHeader(_ cells: [String]) -> Bool {
        guard !cells.isEmpty else { return false }
        return cells.allSatisfy(looksLikeLabel)
    }

    /// A column name or field label: at most 64 bytes, a letter, no run of six digits.
    static func looksLikeLabel(_ cell: String) -> Bool {
        let trimmed = columnName(cell)
        guard !trimmed.isEmpty, trimmed.utf8.count <= 64 else { return false }
        var run = 0
        for byte in trimmed.utf8 {
            run = byte >= 0x30 && byte <= 0x39 ? run + 1 : 0
            if run >= 6 { return false }
        }
        return trimmed.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    /// The cell's text without surrounding whitespace.
    static func columnName(_ cell: String) -> String {
        var scalars = Substring(cell).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// A label cell's name without its colon: `Personnummer:` → `Personnummer`.
    static func labelName(_ cell: String) -> String {
        var name = columnName(cell)
        while name.hasSuffix(":") { name.removeLast() }
        return columnName(name)
    }
}
