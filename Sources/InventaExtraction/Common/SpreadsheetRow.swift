import InventaModel

/// Collects the cells of one spreadsheet row and emits one text unit per non-empty
/// cell: the unit's text is the whole row (cells joined by tabs) so detectors see the
/// neighbouring cells as context, but it owns only its cell's stretch and carries that
/// cell's location (`Blad1!C7`), so each finding names its cell exactly once.
///
/// The sheet's header row (the first of its top rows whose cells are all short column
/// names) is remembered, and each later cell is written after its column's name
/// (`Bankgiro: 826-4871`), so a value far below its header still has the header as
/// context, as in the CSV extractor. Very wide rows fall back to the cell's own text,
/// keeping the work per cell bounded.
struct SpreadsheetRow {
    private var cells: [(reference: String, text: String)] = []
    /// Column index → name, from the sheet's header row.
    private var header: [Int: String] = [:]
    private var rowsSeen = 0
    static let maxContextBytes = 4096
    /// Rows looked at for a header (title lines may come first).
    static let headerSearchRows = 5

    var isEmpty: Bool { cells.isEmpty }

    mutating func add(reference: String, text: String) {
        guard text.utf8.contains(where: { $0 > 0x20 }) else { return }
        cells.append((reference, text))
    }

    /// A new sheet starts: its header is its own.
    mutating func startSheet() {
        header = [:]
        rowsSeen = 0
    }

    mutating func flush(sheet: String, emit: (TextUnit) -> Void) {
        defer { cells.removeAll(keepingCapacity: true) }
        guard !cells.isEmpty else { return }
        rowsSeen += 1
        if header.isEmpty && rowsSeen <= SpreadsheetRow.headerSearchRows { learnHeader() }
        let labelled = cells.map { cell -> (reference: String, text: String, label: String) in
            let name = CellReference.parse(cell.reference).flatMap { header[$0.column] }
            return (cell.reference, cell.text, name.map { $0 + ": " } ?? "")
        }
        let total = labelled.reduce(0) { $0 + $1.label.utf8.count + $1.text.utf8.count + 1 }
        guard total <= SpreadsheetRow.maxContextBytes else {
            for cell in labelled {
                let text = cell.label + cell.text
                emit(TextUnit(text: text, location: Location(sheet: sheet, cell: cell.reference),
                              ownedRange: cell.label.utf8.count..<text.utf8.count))
            }
            return
        }
        let row = labelled.map { $0.label + $0.text }.joined(separator: "\t")
        var offset = 0
        for cell in labelled {
            let start = offset + cell.label.utf8.count
            let length = cell.text.utf8.count
            emit(TextUnit(text: row, location: Location(sheet: sheet, cell: cell.reference), ownedRange: start..<(start + length)))
            offset = start + length + 1
        }
    }

    /// Takes this row as the header when it has two or more cells that all read as column names.
    private mutating func learnHeader() {
        guard cells.count >= 2, CSVParser.looksLikeHeader(cells.map(\.text)) else { return }
        for cell in cells {
            guard let column = CellReference.parse(cell.reference)?.column else { continue }
            header[column] = CSVParser.columnName(cell.text)
        }
    }
}
