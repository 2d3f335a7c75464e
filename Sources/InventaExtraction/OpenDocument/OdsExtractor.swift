import InventaModel

/// OpenDocument spreadsheets (ODS): every `table:table` is a sheet under its name; each
/// non-empty cell becomes a unit located as `Blad1!C7` (see `SpreadsheetRow`). Cell
/// positions follow `table:number-rows-repeated` and `table:number-columns-repeated`
/// (LibreOffice writes a million empty repeated rows; they cost one counter step). A
/// repeated non-empty cell is reported once, at its first position. The cell's text is
/// its displayed paragraphs (and any comment on it); a number without them falls back to `office:value`.
public struct OdsExtractor: Extractor {
    public init() {}

    public func extract(_ input: ExtractionInput, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        let package = try OOXMLPackage(input, budget: context.budget)
        if try package.isEncryptedOpenDocument() { throw ExtractionError.encrypted }
        guard let reader = try package.reader("content.xml") else { throw ExtractionError.corrupt("ods: no content.xml") }
        var sheet = ""
        var row = SpreadsheetRow()
        var rowNumber = 0, rowRepeat = 1, column = 0, columnRepeat = 1
        var cellText = "", cellValue: String?, inCell = false, cellLines = 0, paragraphs = 0
        while try reader.read() {
            switch reader.nodeType {
            case .element:
                switch reader.localName {
                case "table":
                    sheet = reader.attribute("name") ?? "Sheet"
                    row.startSheet()
                    rowNumber = 0
                case "table-row":
                    rowNumber += 1
                    rowRepeat = OdsExtractor.repeatCount(reader.attribute("number-rows-repeated"))
                    column = 0
                    if reader.isEmptyElement { rowNumber += rowRepeat - 1 }
                case "table-cell", "covered-table-cell":
                    columnRepeat = OdsExtractor.repeatCount(reader.attribute("number-columns-repeated"))
                    cellValue = reader.attribute("value")
                    cellText = ""
                    cellLines = 0
                    inCell = !reader.isEmptyElement
                    if !inCell {
                        row.add(reference: CellReference.cell(column: column, row: rowNumber), text: cellValue.map(NumberText.display) ?? "")
                        column += columnRepeat
                    }
                case "p", "h":
                    if inCell && cellLines > 0 { cellText += "\n" }
                    if inCell { cellLines += 1 }
                    if !reader.isEmptyElement { paragraphs += 1 }
                case "tab": if inCell { cellText += "\t" }
                case "s": if inCell { cellText += " " }
                case "line-break": if inCell { cellText += "\n" }
                default: break
                }
            case .text, .significantWhitespace:
                if inCell && paragraphs > 0 { cellText += reader.nodeType == .text ? reader.value : " " }
            case .endElement:
                switch reader.localName {
                case "p", "h": paragraphs -= 1
                case "table-cell", "covered-table-cell":
                    let text = cellLines == 0 ? cellValue.map(NumberText.display) ?? "" : cellText
                    row.add(reference: CellReference.cell(column: column, row: rowNumber), text: text)
                    column += columnRepeat
                    inCell = false
                case "table-row":
                    row.flush(sheet: sheet, emit: emit)
                    rowNumber += rowRepeat - 1
                default: break
                }
            default: break
            }
        }
        row.flush(sheet: sheet, emit: emit)
    }

    /// A repeat attribute, at least 1; absurd values are clamped rather than trusted.
    static func repeatCount(_ attribute: String?) -> Int {
        min(max(attribute.flatMap { Int($0) } ?? 1, 1), 1 << 24)
    }
}
