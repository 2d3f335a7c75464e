import InventaModel

/// Word documents (DOCX): the body (with tables and text boxes), then headers,
/// footers, footnotes, endnotes and comments, each unit tagged with its part
/// (`header`, `footnotes`, …; none for the body) and its paragraph number as `line`.
///
/// Tracked insertions are kept (they are in the document as the user sees it) and
/// tracked deletions (`w:delText`) dropped; field codes (`w:instrText`) and the
/// VML fallback copy of text boxes (`mc:Fallback`) are skipped so text is not doubled.
/// Tables are emitted row by row with cell locations (`DocumentTable`); their paragraphs
/// do not count in the `line` numbers of the text around them. With OCR on, pictures in
/// the body (a scanned page pasted into a letter) are read as members `word/media/…`.
public struct DocxExtractor: Extractor {
    public init() {}

    static let extraParts: [(prefix: String, label: String)] = [
        ("word/header", "header"), ("word/footer", "footer"), ("word/footnotes", "footnotes"),
        ("word/endnotes", "endnotes"), ("word/comments", "comments"),
    ]

    public func extract(_ input: ExtractionInput, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        let package = try OOXMLPackage(input, budget: context.budget)
        guard let body = try package.reader("word/document.xml") else { throw ExtractionError.corrupt("docx: no word/document.xml") }
        try DocxExtractor.read(body, location: Location(), emit: emit)
        for (prefix, label) in DocxExtractor.extraParts {
            for part in package.parts(prefix: prefix) where !part.hasPrefix("word/footnotesExtended") {
                guard let reader = try package.reader(part) else { continue }
                try DocxExtractor.read(reader, location: Location(part: label), emit: emit)
            }
        }
        try package.extractEmbeddings(under: "word/embeddings/", context: context, emit: emit)
        if context.limits.ocr.isEnabled {
            try package.extractPictures(package.pictures(of: "word/document.xml"), context: context, emit: emit)
        }
    }

    /// Reads one WordprocessingML part: text of `w:t`, breaks for paragraphs, `w:br`, `w:tab`.
    /// A top-level table (`w:tbl`) is read as rows (`DocumentTable`); a table nested in a
    /// cell is text of that cell.
    static func read(_ reader: XMLStreamReader, location: Location, emit: (TextUnit) -> Void) throws(ExtractionError) {
        var collector = TextCollector(location: location)
        var table = DocumentTable()
        var depth = 0 // open w:tbl elements
        var span = 1
        var inText = false
        func append(_ piece: String) {
            if depth > 0 { table.append(piece) } else { collector.append(piece) }
        }
        while try reader.read() {
            switch reader.nodeType {
            case .element:
                switch reader.localName {
                case "t": inText = !reader.isEmptyElement
                case "tab", "ptab": append(depth > 0 ? " " : "\t")
                case "br", "cr": if depth > 0 { table.append("\n") } else { collector.endLine(emit: emit) }
                case "noBreakHyphen": append("-")
                case "p" where reader.isEmptyElement: if depth == 0 { collector.endLine(emit: emit) }
                case "Fallback": try reader.skipSubtree()
                case "tbl" where !reader.isEmptyElement:
                    depth += 1
                    if depth == 1 {
                        collector.flush(emit: emit)
                        table.start(at: location)
                    }
                case "tr" where depth == 1: table.startRow()
                case "tc" where depth == 1:
                    table.startCell()
                    span = 1
                case "gridSpan" where depth == 1: span = reader.attribute("val").flatMap { Int($0) } ?? 1
                default: break
                }
            case .text, .significantWhitespace, .whitespace:
                if inText { append(reader.value) }
            case .endElement:
                switch reader.localName {
                case "t": inText = false
                case "p": if depth > 0 { table.append("\n") } else { collector.endLine(emit: emit) }
                case "tc" where depth == 1: table.endCell(span: min(span, 64))
                case "tc" where depth > 1: table.append(" ")
                case "tr" where depth == 1: table.endRow(emit: emit)
                case "tbl" where depth > 0:
                    depth -= 1
                    if depth == 0 { table.end(emit: emit) }
                default: break
                }
            default: break
            }
        }
        if table.isOpen { table.end(emit: emit) }
        collector.flush(emit: emit)
    }
}
