/// Escaping and plain-text layout shared by the writers.
enum Markup {
    static func xml(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for char in text {
            switch char {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(char)
            }
        }
        return out
    }

    /// The document as lines of plain text: headings and paragraph lines as they
    /// are, table rows with cells separated by `separator` and cell line breaks
    /// kept as ` / ` (so no entity is split).
    static func lines(_ document: Document, separator: String = "\t") -> [String] {
        var lines: [String] = []
        for block in document.blocks {
            switch block {
            case .heading(let text):
                lines.append(text)
            case .paragraph(let paragraph):
                lines += paragraph
                lines.append("")
            case .table(let header, let rows):
                lines.append(header.joined(separator: separator))
                for row in rows {
                    lines.append(row.map { $0.text.replacingOccurrences(of: "\n", with: " / ") }.joined(separator: separator))
                }
                lines.append("")
            }
        }
        return lines
    }

    /// Spreadsheet column letters: 0 → A, 26 → AA.
    static func column(_ index: Int) -> String {
        var index = index
        var name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }
}
