/// Where in a file a piece of text came from. Only the fields that make sense
/// for the format are set: a line for plain text, a page for PDF, a sheet and
/// cell for spreadsheets, a slide for presentations, a row and column for CSV.
public struct Location: Sendable, Hashable, Codable {
    public var line: Int?
    public var page: Int?
    public var sheet: String?
    public var cell: String?
    public var slide: Int?
    public var row: Int?
    public var column: Int?
    /// A free-form part such as `header`, `footnotes` or `subject`.
    public var part: String?
    /// The column header of a table cell (`Personnummer`), when the table has a header row.
    public var header: String?

    public init(line: Int? = nil, page: Int? = nil, sheet: String? = nil, cell: String? = nil,
                slide: Int? = nil, row: Int? = nil, column: Int? = nil, part: String? = nil, header: String? = nil) {
        self.line = line
        self.page = page
        self.sheet = sheet
        self.cell = cell
        self.slide = slide
        self.row = row
        self.column = column
        self.part = part
        self.header = header
    }

    /// A short human-readable form: `line 12`, `page 3`, `Blad1!C7`, `slide 2`, `row 4, column 2`;
    /// a table cell's header follows in parentheses: `Blad1!C7 (Personnummer)`.
    public var description: String {
        var parts: [String] = []
        if let part { parts.append(part) }
        if let sheet, let cell { parts.append("\(sheet)!\(cell)") } else if let sheet { parts.append(sheet) }
        if let page { parts.append("page \(page)") }
        if let slide { parts.append("slide \(slide)") }
        if let row { parts.append(column.map { "row \(row), column \($0)" } ?? "row \(row)") }
        if let line { parts.append("line \(line)") }
        let place = parts.joined(separator: ", ")
        guard let header else { return place }
        return place.isEmpty ? header : "\(place) (\(header))"

    }

    /// The same location with the line moved by `offset` lines.
    public func addingLines(_ offset: Int) -> Location {
        var copy = self
        copy.line = (line ?? 1) + offset
        return copy
    }
}
