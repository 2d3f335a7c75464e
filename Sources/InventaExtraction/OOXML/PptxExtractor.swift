import InventaModel

/// PowerPoint presentations (PPTX): slides in presentation order, each followed by its
/// speaker notes, located by slide number (notes with part `notes`). Text comes from
/// DrawingML runs (`a:t`), with a line per paragraph and `a:br`. With OCR on, pictures
/// placed on slides (not the masters' logos) are read as members `ppt/media/…`.
public struct PptxExtractor: Extractor {
    public init() {}

    public func extract(_ input: ExtractionInput, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        let package = try OOXMLPackage(input, budget: context.budget)
        let presentation = "ppt/presentation.xml"
        guard let reader = try package.reader(presentation) else { throw ExtractionError.corrupt("pptx: no ppt/presentation.xml") }
        let relationships = try package.relationships(of: presentation)
        var slides: [String] = []
        while try reader.read() {
            guard reader.nodeType == .element, reader.localName == "sldId",
                  let id = reader.attribute("id", namespaced: true), let part = relationships[id]?.target else { continue }
            slides.append(part)
        }
        var pictures: [String] = []
        for (index, slide) in slides.enumerated() {
            guard let reader = try package.reader(slide) else { continue }
            if context.limits.ocr.isEnabled { pictures += try package.pictures(of: slide) }
            try PptxExtractor.read(reader, location: Location(slide: index + 1), emit: emit)
            let notes = try package.relationships(of: slide).values.first { $0.type.hasSuffix("/notesSlide") }
            if let notes, let reader = try package.reader(notes.target) {
                try PptxExtractor.read(reader, location: Location(slide: index + 1, part: "notes"), emit: emit)
            }
        }
        try package.extractEmbeddings(under: "ppt/embeddings/", context: context, emit: emit)
        try package.extractPictures(pictures, context: context, emit: emit)
    }

    /// Reads one slide or notes part.
    static func read(_ reader: XMLStreamReader, location: Location, emit: (TextUnit) -> Void) throws(ExtractionError) {
        var collector = TextCollector(location: location)
        var inText = false
        while try reader.read() {
            switch reader.nodeType {
            case .element:
                switch reader.localName {
                case "t": inText = !reader.isEmptyElement
                case "br": collector.endLine(emit: emit)
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
