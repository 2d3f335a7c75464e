import InventaModel

/// Collects the cells of one spreadsheet row (XLSX, ODS, and the XLS reader) and emits the
/// row as one text unit through `TableRowBuilder` (docs/decisions/0205-table-rows.md): the
/// cells joined by tabs, each after its column header as a label, each with its own
/// location (`Blad1!C7`) and header name in the unit's `TableLayout`, so a finding names
/// its cell and detection runs once per row.
///
/// The interface (`startSheet`, `add(reference:text:)`, `flush(sheet:emit:)`) is what the
/// sheet readers call; the header search, labels and long-row cuts are the builder's.
struct SpreadsheetRow {
    private var cells: [(reference: String, text: String)] = []
    private var builder = TableRowBuilder()

    var isEmpty: Bool { cells.isEmpty }

    mutating func add(reference: String, text: String) {
        guard text.utf8.contains(where: { $0 > 0x20 }) else { return }
        cells.append((reference, text))
    }

    /// A new sheet starts: its header is its own.
    mutating func startSheet() {
        cells.removeAll(keepingCapacity: true)
        builder.startTable()
    }

    /// Ends the row: emits it as one unit (several for a very long row).
    mutating func flush(sheet: String, emit: (TextUnit) -> Void) {
        defer { cells.removeAll(keepingCapacity: true) }
        guard !cells.isEmpty else { return }
        for (index, cell) in cells.enumerated() {
            let column = CellReference.parse(cell.reference).map { $0.column + 1 } ?? index + 1
            builder.add(TableRowBuilder.Cell(column: column, location: Location(sheet: sheet, cell: cell.reference), text: cell.text),
                        emit: emit)
        }
        builder.endRow(emit: emit)
    }
}
