/// The cells of one table row carried by its text unit (docs/decisions/0205-table-rows.md):
/// each cell's value span (UTF-8 byte range into the unit's text, its header label
/// excluded), its location (`Blad1!C7`, or row and column) and its column header.
///
/// Detection uses it to keep only findings that start in a value (a match in a header
/// label is never reported) and to stamp the cell's own location on each finding. It
/// is not a table model for extraction: extractors build it with `TableRowBuilder`.
public struct TableLayout: Sendable, Equatable {
    /// One cell, in text order.
    public struct Cell: Sendable, Equatable {
        /// The value's UTF-8 byte range in the unit's text.
        public var value: Range<Int>
        /// Where the cell is: sheet and cell reference, or row and column; `header` set when known.
        public var location: Location
        /// The column's position in its table, 1-based, for column-level evidence.
        public var column: Int

        public init(value: Range<Int>, location: Location, column: Int) {
            self.value = value
            self.location = location
            self.column = column
        }
    }

    public var cells: [Cell]
    /// Which table of the file (or part) the row belongs to, so columns of two tables in one
    /// document are told apart; a sheet name does the same for spreadsheets.
    public var table: Int

    public init(cells: [Cell], table: Int = 0) {
        self.cells = cells
        self.table = table
    }

    /// The cell whose value holds byte `offset`, found by binary search (cells are in text order).
    public func cell(containing offset: Int) -> Int? {
        var low = 0, high = cells.count
        while low < high {
            let middle = (low + high) / 2
            if cells[middle].value.upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low < cells.count && cells[low].value.contains(offset) ? low : nil
    }
}
