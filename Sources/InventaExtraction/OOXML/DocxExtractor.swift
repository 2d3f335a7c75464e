import InventaModel

/// Word documents (DOCX): the body (with tables and text boxes), then headers,
/// footers, footnotes, endnotes and comments, each unit tagged with its part
/// (`header`, `footnotes`, …; none for the body) and its paragraph number as `line`.
///
/// Tracked insertions are kept (they are in the document as the user sees it) and
/// tracked deletions (`w:delText`) dropped; field codes (`w:instrText`) and the
/// VML fallback copy of text boxes (`mc:Fallback`) are skipped so text is not doubled.
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
    }

    /// Reads one WordprocessingML part: text of `w:t`, breaks for paragraphs, `w:br`, `w:tab`.
    static func read(_ reader: XMLStreamReader, location: Location, emit: (TextUnit) -> Void) throws(ExtractionError) {
        var collector = TextCollector(location: location)
        var inText = false
        while try reader.read() {
            switch reader.nodeType {
            case .element:
                switch reader.localName {
                case "t": inText = !reader.isEmptyElement
                case "tab", "ptab": collector.append("\t")
                case "br", "cr": collector.endLine(emit: emit)
                case "noBreakHyphen": collector.append("-")
                case "p" where reader.isEmptyElement: collector.endLine(emit: emit)
                case "Fallback": try reader.skipSubtree()
                default: break
                }
            case .text, .significantWhitespace, .whitespace:
                if inText { collector.append(reader.value) }
            case .endElement:
                switch reader.localName {
                case "t": inText = false
                case "p": collector.endLine(emit: emit)
                default: break
                }
            default: break
            }
        }
        collector.flush(emit: emit)
    }
}
