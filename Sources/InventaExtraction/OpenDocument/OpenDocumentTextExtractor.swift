import InventaModel

/// OpenDocument text and presentations (ODT, ODP). Reads `content.xml` as a stream:
/// paragraphs and headings become lines, `text:tab`, `text:s` and `text:line-break`
/// keep words apart; tracked deletions (`text:tracked-changes`) are skipped. In a
/// presentation each `draw:page` is a slide (location slide number) and its speaker
/// notes follow with part `notes`. An ODT's page headers and footers come from
/// `styles.xml` with part `header`/`footer`. Tables are emitted row by row with cell
/// locations (`DocumentTable`). With OCR on, pictures placed in the content (not the page
/// styles' logos) are read as members `Pictures/…`.
public struct OpenDocumentTextExtractor: Extractor {
    public init() {}

    public func extract(_ input: ExtractionInput, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        let package = try OOXMLPackage(input, budget: context.budget)
        if try package.isEncryptedOpenDocument() { throw ExtractionError.encrypted }
        guard let content = try package.reader("content.xml") else { throw ExtractionError.corrupt("opendocument: no content.xml") }
        let pictures = try OpenDocumentTextExtractor.readContent(content, emit: emit)
        if let styles = try package.reader("styles.xml") {
            try OpenDocumentTextExtractor.readHeadersAndFooters(styles, emit: emit)
        }
        try package.extractPictures(pictures, context: context, emit: emit)
    }

    /// Returns the pictures the content places (`draw:image xlink:href`, `Pictures/…`), for OCR.
    @discardableResult
    static func readContent(_ reader: XMLStreamReader, emit: (TextUnit) -> Void) throws(ExtractionError) -> [String] {
        var pictures: [String] = []
        var collector = TextCollector()
        var table = DocumentTable()
        var depth = 0 // open table:table elements; a nested table is text of its cell
        var span = 1
        var slide = 0
        var paragraphs = 0 // open text:p/text:h elements: text outside them is layout whitespace
        while try reader.read() {
            switch reader.nodeType {
            case .element:
                if (reader.localName == "p" || reader.localName == "h") && !reader.isEmptyElement { paragraphs += 1 }
                switch reader.localName {
                case "page":
                    slide += 1
                    collector.restart(at: Location(slide: slide), emit: emit)
                case "notes": collector.restart(at: Location(slide: slide, part: "notes"), emit: emit)
                case "tracked-changes", "note-citation": try reader.skipSubtree()
                case "image": if let href = reader.attribute("href", namespaced: true) { pictures.append(href) }
                case "table" where !reader.isEmptyElement:
                    depth += 1
                    if depth == 1 {
                        collector.flush(emit: emit)
                        table.start(at: collector.location)
                    }
                case "table-row" where depth == 1: table.startRow()
                case "table-cell" where depth == 1, "covered-table-cell" where depth == 1:
                    table.startCell()
                    span = OdsExtractor.repeatCount(reader.attribute("number-columns-spanned"))
                        * OdsExtractor.repeatCount(reader.attribute("number-columns-repeated"))
                    if reader.isEmptyElement { table.endCell(span: min(span, 64)) }
                case "tab" where depth > 0, "s" where depth > 0: table.append(" ")
                case "line-break" where depth > 0: table.append("\n")
                default: if depth == 0 { appendInline(reader, to: &collector, emit: emit) }
                }
            case .text, .significantWhitespace:
                guard paragraphs > 0 else { break }
                let piece = reader.nodeType == .text ? reader.value : " "
                if depth > 0 { table.append(piece) } else { collector.append(piece) }
            case .endElement:
                switch reader.localName {
                case "p", "h":
                    paragraphs -= 1
                    if depth > 0 { table.append("\n") } else { collector.endLine(emit: emit) }
                case "notes": collector.restart(at: Location(slide: slide), emit: emit)
                case "table-cell" where depth == 1, "covered-table-cell" where depth == 1: table.endCell(span: min(span, 64))
                case "table-cell" where depth > 1: table.append(" ")
                case "table-row" where depth == 1: table.endRow(emit: emit)
                case "table" where depth > 0:
                    depth -= 1
                    if depth == 0 { table.end(emit: emit) }
                default: break
                }
            default: break
            }
        }
        if table.isOpen { table.end(emit: emit) }
        collector.flush(emit: emit)
        return pictures
    }

    /// Collects only the text inside `style:header*` and `style:footer*` elements.
    static func readHeadersAndFooters(_ reader: XMLStreamReader, emit: (TextUnit) -> Void) throws(ExtractionError) {
        var collector = TextCollector()
        var inside = false
        var paragraphs = 0
        while try reader.read() {
            let name = reader.localName
            switch reader.nodeType {
            case .element where name.hasPrefix("header") || name.hasPrefix("footer"):
                guard !reader.isEmptyElement else { continue }
                inside = true
                collector.restart(at: Location(part: name.hasPrefix("header") ? "header" : "footer"), emit: emit)
            case .element where inside:
                if (name == "p" || name == "h") && !reader.isEmptyElement { paragraphs += 1 }
                appendInline(reader, to: &collector, emit: emit)
            case .text, .significantWhitespace:
                if inside && paragraphs > 0 { collector.append(reader.nodeType == .text ? reader.value : " ") }
            case .endElement where name.hasPrefix("header") || name.hasPrefix("footer"):
                inside = false
                collector.flush(emit: emit)
            case .endElement where inside && (name == "p" || name == "h"):
                paragraphs -= 1
                collector.endLine(emit: emit)
            default: break
            }
        }
        collector.flush(emit: emit)
    }

    /// Inline elements that stand for characters: tabs, runs of spaces, line breaks, empty paragraphs.
    static func appendInline(_ reader: XMLStreamReader, to collector: inout TextCollector, emit: (TextUnit) -> Void) {
        switch reader.localName {
        case "tab": collector.append("\t")
        case "s": collector.append(String(repeating: " ", count: min(max(reader.attribute("c").flatMap { Int($0) } ?? 1, 1), 100)))
        case "line-break": collector.endLine(emit: emit)
        // A footnote's or comment's text sits inside its paragraph; give it lines of its own so it
        // does not run into the words around it (`19850101-2382` + citation `1` would be a new number).
        case "note-body", "annotation": collector.endLine(emit: emit)
        case "p", "h": if reader.isEmptyElement { collector.endLine(emit: emit) }
        default: break
        }
    }
}
