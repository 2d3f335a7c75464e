/// Plain text (UTF-8, Windows-1252, UTF-16 LE with BOM), CSV, HTML and RTF.
enum TextWriters {
    static func txt(_ document: Document, encoding: TextEncodingVariant) -> [UInt8] {
        let text = Markup.lines(document).joined(separator: "\r\n") + "\r\n"
        switch encoding {
        case .utf8:
            return Array(text.utf8)
        case .windows1252:
            // Generated text only holds Latin-1 letters, which Windows-1252 encodes as their code points.
            return text.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?") }
        case .utf16LE:
            var bytes: [UInt8] = [0xFF, 0xFE]
            for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            return bytes
        }
    }

    /// Semicolon-separated (Swedish Excel), cells quoted when needed; tables only,
    /// other blocks become one-cell rows above them as in a report export.
    static func csv(_ document: Document) -> [UInt8] {
        func quote(_ cell: String) -> String {
            guard cell.contains(where: { ";\"\n".contains($0) }) else { return cell }
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var rows: [String] = []
        for block in document.blocks {
            switch block {
            case .heading(let text): rows.append(quote(text))
            case .paragraph(let lines): rows += lines.map(quote)
            case .table(let header, let cells):
                rows.append(header.map(quote).joined(separator: ";"))
                rows += cells.map { $0.map { quote($0.text) }.joined(separator: ";") }
            }
        }
        return Array((rows.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func html(_ document: Document, namedEntities: Bool) -> [UInt8] {
        func esc(_ text: String) -> String {
            let escaped = Markup.xml(text)
            guard namedEntities else { return escaped }
            let named: [Character: String] = ["å": "&aring;", "ä": "&auml;", "ö": "&ouml;", "Å": "&Aring;", "Ä": "&Auml;", "Ö": "&Ouml;", "é": "&eacute;"]
            return escaped.map { named[$0] ?? String($0) }.joined()
        }
        var out = "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n<title>\(esc(document.title))</title>\n"
        out += "<style>body{font-family:sans-serif} td,th{border:1px solid #999;padding:2px 6px}</style>\n</head>\n<body>\n"
        for block in document.blocks {
            switch block {
            case .heading(let text): out += "<h2>\(esc(text))</h2>\n"
            case .paragraph(let lines): out += "<p>" + lines.map(esc).joined(separator: "<br>\n") + "</p>\n"
            case .table(let header, let rows):
                out += "<table>\n<tr>" + header.map { "<th>\(esc($0))</th>" }.joined() + "</tr>\n"
                for row in rows {
                    out += "<tr>" + row.map { "<td>" + esc($0.text).replacingOccurrences(of: "\n", with: "<br>") + "</td>" }.joined() + "</tr>\n"
                }
                out += "</table>\n"
            }
        }
        return Array((out + "</body>\n</html>\n").utf8)
    }

    /// RTF as Word writes it: Windows-1252 with `\'hh` escapes, `\par`, `\line`, table rows with `\cell`.
    static func rtf(_ document: Document) -> [UInt8] {
        func esc(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\\", "{", "}": out += "\\" + String(scalar)
                case "\n": out += "\\line "
                case _ where scalar.value < 128: out.unicodeScalars.append(scalar)
                case _ where scalar.value < 256: out += "\\'" + String(scalar.value, radix: 16)
                default: out += "\\u\(Int16(truncatingIfNeeded: scalar.value))?"
                }
            }
            return out
        }
        var out = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\\f0\\fs22\n"
        for block in document.blocks {
            switch block {
            case .heading(let text): out += "{\\pard\\b\\fs28 \(esc(text))\\par}\n"
            case .paragraph(let lines): out += "{\\pard " + lines.map(esc).joined(separator: "\\line\n") + "\\par}\n"
            case .table(let header, let rows):
                for row in [header.map { Cell($0) }] + rows {
                    out += "\\trowd" + row.indices.map { "\\cellx\(($0 + 1) * 2200)" }.joined()
                    out += "\n" + row.map { "\\pard\\intbl " + esc($0.text) + "\\cell" }.joined(separator: " ") + "\\row\n"
                }
                out += "\\pard\\par\n"
            }
        }
        return Array((out + "}\n").utf8)
    }
}
