import InventaModel

/// The PDF extractor's path for a page without a text layer (a scanned page, also one
/// inside an otherwise digital PDF): render it (`PDFPageRenderer`) and read it by OCR
/// (`OCRPageReader`). Kept out of `PDFExtractor` so page-text layout and OCR change apart.
enum PDFPageOCR {
    /// Reads page `index` (0-based) by OCR; true when it gave text. OCR off, unavailable
    /// or over `--max-ocr-pages`: false, and the page stays without text (`needs_ocr`
    /// when no page of the file has any).
    static func read(_ document: PDFDocument, page index: Int, context: ExtractionContext,
                     emit: (TextUnit) -> Void) throws(ExtractionError) -> Bool {
        let reader = OCRPageReader(context: context)
        var gaveText = false
        let result = try reader.read(page: index + 1, render: { () throws(ExtractionError) -> OCRImage in
            try PDFPageRenderer.render(document, page: index, dpi: reader.options.dpi, maxPixels: reader.options.maxImagePixels)
        }, emit: { unit in
            gaveText = true
            emit(unit)
        })
        return result == .read && gaveText
    }

    /// The outcome for pages `--max-ocr-pages` left unread, if any; checked when the file ends.
    static func budgetError(_ context: ExtractionContext) -> ExtractionError? {
        OCRPageReader(context: context).budgetError()
    }
}
