import InventaModel

/// Excel workbooks (XLSX): every sheet, under the name the user sees (from
/// `workbook.xml` and its relationships), one unit per non-empty cell located as
/// `Blad1!C7` (see `SpreadsheetRow`). Shared strings, inline strings and formula
/// results are read; numbers are rendered as the digits a user sees (`NumberText`),
/// so `1.98501012382E11` reads as `198501012382`, and date-formatted numbers as ISO
/// dates (`XlsxStyles`), so the serial 31048 reads as `1985-01-01`.
///
/// Cell comments are read with their cell (part `comment`); embedded files
/// (`xl/embeddings/`) are extracted as members.
///
/// Sheets are streamed row by row, never built as a tree; only the shared-strings
/// table is held in memory (cells refer to it by index), capped by `maxMemberBytes`.
public struct XlsxExtractor: Extractor {
    public init() {}

    public func extract(_ input: ExtractionInput, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        let package = try OOXMLPackage(input, budget: context.budget)
        let workbook = "xl/workbook.xml"
        guard let reader = try package.reader(workbook) else { throw ExtractionError.corrupt("xlsx: no xl/workbook.xml") }
        let relationships = try package.relationships(of: workbook)
        var sheets: [(name: String, part: String)] = []
        var date1904 = false
        while try reader.read() {
            if reader.nodeType == .element && reader.localName == "workbookPr" {
                date1904 = ["1", "true"].contains(reader.attribute("date1904") ?? "")
            }
            guard reader.nodeType == .element, reader.localName == "sheet", let name = reader.attribute("name"),
                  let id = reader.attribute("id", namespaced: true), let part = relationships[id]?.target else { continue }
            sheets.append((name, part))
        }
        let sharedPart = relationships.values.first { $0.type.hasSuffix("/sharedStrings") }?.target ?? "xl/sharedStrings.xml"
        let shared = try XlsxExtractor.sharedStrings(package, part: sharedPart, limit: context.limits.maxMemberBytes)
        let stylesPart = relationships.values.first { $0.type.hasSuffix("/styles") }?.target ?? "xl/styles.xml"
        var styles = try XlsxStyles.read(package, part: stylesPart)
        styles.date1904 = date1904
        for sheet in sheets {
            guard let reader = try package.reader(sheet.part) else { continue }
            try XlsxExtractor.readSheet(reader, name: sheet.name, shared: shared, styles: styles, emit: emit)
            let comments = try package.relationships(of: sheet.part).values.filter { $0.type.hasSuffix("/comments") }
            for part in comments {
                guard let reader = try package.reader(part.target) else { continue }
                try XlsxExtractor.readComments(reader, sheet: sheet.name, emit: emit)
            }
        }
        try package.extractEmbeddings(under: "xl/embeddings/", context: context, emit: emit)
    }

    /// The shared-strings table: the text of each `si`, without phonetic runs.
    static func sharedStrings(_ package: OOXMLPackage, part: String, limit: Int64) throws(ExtractionError) -> [String] {
        guard let reader = try package.reader(part) else { return [] }
        var strings: [String] = []
        var current = ""
        var inText = false
        var total: Int64 = 0
        while try reader.read() {
            switch reader.nodeType {
            case .element:
                switch reader.localName {
                case "si": current = ""
                case "t": inText = !reader.isEmptyElement
                case "rPh": try reader.skipSubtree()
                default: break
                }
            case .text, .significantWhitespace, .whitespace:
                if inText { current += reader.value }
            case .endElement:
                if reader.localName == "t" { inText = false }
                if reader.localName == "si" {
                    total += Int64(current.utf8.count)
                    guard total <= limit else { throw ExtractionError.limitExceeded("xlsx: shared strings larger than \(limit) bytes") }
                    strings.append(current)
                }
            default: break
            }
        }
        return strings
    }

    /// Cell comments (notes), one unit per comment at its cell with part `comment`.
    static func readComments(_ reader: XMLStreamReader, sheet: String, emit: (TextUnit) -> Void) throws(ExtractionError) {
        var reference: String?
        var text = ""
        var inText = false
        while try reader.read() {
            switch (reader.nodeType, reader.localName) {
            case (.element, "comment"):
                reference = reader.attribute("ref")
                text = ""
            case (.element, "t"): inText = !reader.isEmptyElement
            case (.element, "rPh"): try reader.skipSubtree()
            case (.endElement, "t"): inText = false
            case (.text, _), (.significantWhitespace, _), (.whitespace, _):
                if inText { text += reader.value }
            case (.endElement, "comment"):
                if text.utf8.contains(where: { $0 > 0x20 }) {
                    emit(TextUnit(text: text, location: Location(sheet: sheet, cell: reference, part: "comment")))
                }
            default: break
            }
        }
    }

    /// Streams one worksheet, emitting each row's cells as it ends.
    static func readSheet(_ reader: XMLStreamReader, name: String, shared: [String], styles: XlsxStyles,
                          emit: (TextUnit) -> Void) throws(ExtractionError) {
        var row = SpreadsheetRow()
        var rowNumber = 0
        var column = -1
        var cell = XlsxCell(type: "n", style: 0)
        var capture: XlsxCell.Capture = .none
        while try reader.read() {
            switch reader.nodeType {
            case .element:
                switch reader.localName {
                case "row":
                    rowNumber = reader.attribute("r").flatMap { Int($0) } ?? rowNumber + 1
                    column = -1
                case "c":
                    let written = reader.attribute("r")
                    let reference = written.flatMap(CellReference.parse)
                    column = reference?.column ?? column + 1
                    cell = XlsxCell(type: reader.attribute("t") ?? "n", style: reader.attribute("s").flatMap { Int($0) } ?? 0)
                    if reference != nil { cell.reference = written } // as written (`C7`), no need to rebuild it
                case "v": capture = reader.isEmptyElement ? .none : .value
                case "is": capture = .inline
                case "rPh": try reader.skipSubtree()
                default: break
                }
            case .text, .significantWhitespace, .whitespace:
                switch capture {
                case .value: cell.value += reader.value
                case .inline: cell.inline += reader.value
                case .none: break
                }
            case .endElement:
                switch reader.localName {
                case "v", "is": capture = .none
                case "c":
                    if let text = cell.text(shared: shared, styles: styles) {
                        row.add(reference: cell.reference ?? CellReference.cell(column: max(column, 0), row: max(rowNumber, 1)), text: text)
                    }
                case "row": row.flush(sheet: name, emit: emit)
                default: break
                }
            default: break
            }
        }
        row.flush(sheet: name, emit: emit)
    }
}

/// One `<c>` element being read: its type and raw value or inline text.
struct XlsxCell {
    enum Capture { case none, value, inline }
    var type: String
    var style = 0
    var reference: String?
    var value = ""
    var inline = ""

    /// The text the cell shows: shared or inline string, formula string, or the number in
    /// plain digits (or a date, for date-formatted cells). Booleans and errors carry no
    /// personal data and are left out.
    func text(shared: [String], styles: XlsxStyles) -> String? {
        switch type {
        case "s":
            guard let index = Int(value), shared.indices.contains(index) else { return nil }
            return shared[index]
        case "inlineStr": return inline
        case "str", "d": return value
        case "b", "e": return nil
        default:
            if value.isEmpty { return nil }
            if styles.dateStyles.contains(style), let date = styles.dateText(value) { return date }
            return NumberText.display(value)
        }
    }
}
