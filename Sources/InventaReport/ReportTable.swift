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

    public init(columns: [String], rows: [[Cell]] = []) {
        self.columns = columns
        self.rows = rows
    }
}

/// Output formats for `inventa report`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, jsonl

    public func render(_ table: ReportTable) -> String {
        switch self {
        case .jsonl:
            return table.rows.map { row in
                JSONText.object(zip(table.columns, row).map { ($0, $1.jsonValue) })
            }.map { $0 + "\n" }.joined()
        case .csv:
            let lines = [table.columns.map(csvField)] + table.rows.map { $0.map { csvField($0.display) } }
            return lines.map { $0.joined(separator: ",") + "\r\n" }.joined()
        case .table:
            return renderTable(table)
        }
    }

    private func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private func renderTable(_ table: ReportTable) -> String {
        let cells = table.rows.map { $0.map(\.display) }
        var widths = table.columns.map(\.count)
        for row in cells {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = min(max(widths[index], cell.count), 80)
            }
        }
        func line(_ values: [String]) -> String {
            zip(values, widths).map { value, width in
                let shown = value.count > width ? String(value.prefix(width - 1)) + "…" : value
                return shown + String(repeating: " ", count: width - shown.count)
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        let rule = widths.map { String(repeating: "─", count: $0) }
        return line(table.columns) + line(rule) + cells.map(line).joined()
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
