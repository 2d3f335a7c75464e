/// Rows and columns ready for output as an aligned terminal table, CSV or JSON Lines.
/// Cells know their JSON type, so `--format jsonl` keeps numbers as numbers and
/// nested JSON (locations, counts) as objects.
public struct ReportTable: Sendable {
    public enum Cell: Sendable, Hashable {
        case text(String?)
        case integer(Int64)
        case number(Double)
        /// Already-encoded JSON; shown as-is in a table or CSV.
        case json(String, display: String)

        public var display: String {
            switch self {
            case .text(let text): return text ?? ""
            case .integer(let value): return String(value)
            case .number(let value): return JSONText.number(value)
            case .json(_, let display): return display
            }
        }

        var jsonValue: String {
            switch self {
            case .text(let text): return JSONText.stringOrNull(text)
            case .integer(let value): return String(value)
            case .number(let value): return JSONText.number(value)
            case .json(let json, _): return json
            }
        }
    }

    public var columns: [String]
    public var rows: [[Cell]]
    /// A line under the table for a reader at a terminal (totals the rows do not show); left
    /// out of CSV and JSON Lines, whose rows are a contract.
    public var footnote: String?

    public init(columns: [String], rows: [[Cell]] = [], footnote: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.footnote = footnote
    }
}

/// How a table is drawn: fitted to a terminal's width (long cells elided in the middle,
/// so both the start and the file name of a path stay visible) or in full (`width` nil:
/// piped output must never lose text), and with the risk column coloured or plain.
public struct TableStyle: Sendable {
    public var width: Int?
    public var color: Bool

    public init(width: Int? = nil, color: Bool = false) {
        self.width = width
        self.color = color
    }

    /// Full width, no colour: what pipes, files and tests get.
    public static let plain = TableStyle()
}

/// Output formats for `inventa report`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, jsonl

    public func render(_ table: ReportTable, style: TableStyle = .plain) -> String {
        switch self {
        case .jsonl:
            return table.rows.map { row in
                JSONText.object(zip(table.columns, row).map { ($0, $1.jsonValue) })
            }.map { $0 + "\n" }.joined()
        case .csv:
            let lines = [table.columns.map(csvField)] + table.rows.map { $0.map(csvCell) }
            return lines.map { $0.joined(separator: ",") + "\r\n" }.joined()
        case .table:
            return renderTable(table, style: style)
        }
    }

    /// A text cell that a spreadsheet would read as a formula (a file named `=HYPERLINK(…).txt`,
    /// `+cmd|…`, `@SUM(…)`) gets a leading apostrophe, as OWASP recommends for CSV injection:
    /// Excel and LibreOffice then show it as text, and a reader still sees the name. Numbers
    /// are left alone (a negative count is not a formula).
    private func csvCell(_ cell: ReportTable.Cell) -> String {
        guard case .text(let text?) = cell, OutputFormat.startsLikeFormula(text) else { return csvField(cell.display) }
        return csvField("'" + text)
    }

    /// Whether a spreadsheet would take `text` for a formula (OWASP's list of first characters).
    static func startsLikeFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first == "=" || first == "+" || first == "-" || first == "@" || first == "\t" || first == "\r"
    }

    private func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private func renderTable(_ table: ReportTable, style: TableStyle) -> String {
        // A table is for people at a terminal: control characters in cells (file names) are escaped.
        let cells = table.rows.map { $0.map { TerminalText.escaped($0.display) } }
        var widths = table.columns.map(\.count)
        for row in cells {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        if let width = style.width { widths = OutputFormat.fit(widths, into: width) }
        let riskColumn = table.columns.firstIndex(of: "risk")
        func line(_ values: [String], paint: Bool) -> String {
            zip(values, widths).enumerated().map { index, pair in
                let (value, width) = pair
                let shown = value.count > width ? OutputFormat.elide(value, to: width) : value
                let padded = shown + String(repeating: " ", count: max(width - shown.count, 0))
                guard paint, index == riskColumn, let code = OutputFormat.riskColor[value] else { return padded }
                return "\u{1B}[\(code)m" + padded + "\u{1B}[0m"
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        let rule = widths.map { String(repeating: "─", count: $0) }
        let note = table.footnote.map { "\n" + $0 + "\n" } ?? ""
        return line(table.columns, paint: false) + line(rule, paint: false) + cells.map { line($0, paint: style.color) }.joined() + note
    }

    private static let riskColor = ["high": "31", "medium": "33"]

    /// Column widths that fit `total` characters with two spaces between columns: the widest
    /// column gives up a character until the line fits, and no column goes below 4 (or its
    /// natural width, if narrower).
    static func fit(_ natural: [Int], into total: Int) -> [Int] {
        var widths = natural
        let gaps = 2 * max(widths.count - 1, 0)
        var excess = widths.reduce(0, +) + gaps - total
        while excess > 0, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 4 {
            widths[widest] -= 1
            excess -= 1
        }
        return widths
    }

    /// `text` shortened to `width` characters with "…" in the middle.
    public static func elide(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return String(text.prefix(width)) }
        let tail = (width - 1) / 2
        return String(text.prefix(width - 1 - tail)) + "…" + String(text.suffix(tail))
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }

    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
