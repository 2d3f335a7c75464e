import InventaModel

/// Turns the characters of a Word 97–2003 story into lines of text (MS-DOC 2.8.24–2.8.27):
/// paragraph marks, line and page breaks end lines; a table cell mark (0x07) becomes a
/// tab, and the second of two marks in a row (the row-end mark after the last cell)
/// ends the line, so a table row reads as one line of tab-separated cells. Fields
/// (0x13 code 0x14 result 0x15) keep only their result, as Word shows them; a field
/// without a separator shows nothing. Anchors for pictures, footnote references and
/// other control characters are dropped.
///
/// An empty cell before the row end looks like a row end here (telling them apart needs
/// the paragraph properties); the row then breaks one cell early, which keeps the text.
struct WordText {
    private var collector: TextCollector
    private var line: [UInt16] = []
    /// One entry per open field: true while its code is being read (not shown).
    private var fields: [Bool] = []
    private var previous: UInt16 = 0

    init(location: Location) {
        collector = TextCollector(location: location)
    }

    mutating func add(_ units: [UInt16], emit: (TextUnit) -> Void) {
        for unit in units {
            defer { previous = unit }
            switch unit {
            case 0x13: fields.append(true); continue
            case 0x14: if !fields.isEmpty { fields[fields.count - 1] = false }; continue
            case 0x15: _ = fields.popLast(); continue
            default: break
            }
            if fields.contains(true) { continue }
            switch unit {
            case 0x0D, 0x0B, 0x0C: endLine(emit: emit)
            case 0x07:
                if previous == 0x07 { endLine(emit: emit) } else { line.append(0x09) }
            case 0x09: line.append(0x09)
            case 0x1E: line.append(0x2D) // non-breaking hyphen
            case 0xA0: line.append(0x20)
            case 0..<0x20: break // optional hyphen, anchors, separators
            default: line.append(unit)
            }
        }
    }

    private mutating func endLine(emit: (TextUnit) -> Void) {
        collector.append(String(decoding: line, as: UTF16.self))
        line.removeAll(keepingCapacity: true)
        collector.endLine(emit: emit)
    }

    mutating func finish(emit: (TextUnit) -> Void) {
        if !line.isEmpty { endLine(emit: emit) }
        collector.flush(emit: emit)
    }
}
