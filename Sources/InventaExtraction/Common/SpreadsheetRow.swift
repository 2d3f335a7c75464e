import InventaModel

/// Collects the cells of one spreadsheet row and emits one text unit per non-empty
/// cell: the unit's text is the whole row (cells joined by tabs) so detectors see the
/// neighbouring cells as context, but it owns only its cell's stretch and carries that
/// cell's location (`Blad1!C7`), so each finding names its cell exactly once.
/// Very wide rows fall back to the cell's own text, keeping the work per cell bounded.
struct SpreadsheetRow {
    private var cells: [(reference: String, text: String)] = []
    static let maxContextBytes = 4096

    var isEmpty: Bool { cells.isEmpty }

    mutating func add(reference: String, text: String) {
        guard text.utf8.contains(where: { $0 > 0x20 }) else { return }
        cells.append((reference, text))
    }

    mutating func flush(sheet: String, emit: (TextUnit) -> Void) {
        defer { cells.removeAll(keepingCapacity: true) }
        let total = cells.reduce(0) { $0 + $1.text.utf8.count + 1 }
        guard total <= SpreadsheetRow.maxContextBytes else {
            for cell in cells { emit(TextUnit(text: cell.text, location: Location(sheet: sheet, cell: cell.reference))) }
            return
        }
        let row = cells.map(\.text).joined(separator: "\t")
        var offset = 0
        for cell in cells {
            let length = cell.text.utf8.count
            emit(TextUnit(text: row, location: Location(sheet: sheet, cell: cell.reference), ownedRange: offset..<(offset + length)))
            offset += length + 1
        }
    }
}
