import InventaModel

/// Reads the pages of one document that have no text by OCR, within the file's OCR
/// budget: one text unit per page, located by page and marked with tesseract's mean
/// confidence (`TextUnit.ocrConfidence`), its digit-like tokens repaired by
/// `OCRDigitRepair` and misread at-signs by `OCRAtSignRepair`. Shared by the image extractor and the PDF extractor's page-without-
/// text path, so both count pages, defer, time out and judge confidence the same way.
///
/// Owned by one extractor call; not Sendable.
struct OCRPageReader {
    let options: OCROptions
    let context: ExtractionContext

    init(context: ExtractionContext) {
        self.options = context.limits.ocr
        self.context = context
    }

    /// What became of one page.
    enum PageResult: Equatable {
        /// Read; a unit was emitted unless the page was blank.
        case read
        /// Not read: OCR is off or tesseract's language data is not installed.
        case off
        /// Not read: `--max-ocr-pages` was used up.
        case overBudget
    }

    /// Reads the page that `render` produces (called only when the page will be read).
    /// Throws `needsOCR` when OCR is deferred (the pipeline reads the file again later),
    /// and the budget's limit once the per-file timeout has passed.
    func read(page: Int, render: () throws(ExtractionError) -> OCRImage, emit: (TextUnit) -> Void) throws(ExtractionError) -> PageResult {
        switch options.mode {
        case .off: return .off
        case .deferred:
            context.budget.ocr.deferred = true
            throw ExtractionError.needsOCR
        case .inline: break
        }
        try context.checkBudget()
        guard let engine = OCREngineCache.engine(for: options) else { return .off }
        guard context.budget.ocr.claimPage(limit: options.maxPagesPerFile) else { return .overBudget }
        let image = try render()
        let seconds = Double((context.budget.deadline - .now).components.seconds) + 0.5
        let result = engine.read(image, seconds: max(0.5, seconds))
        let text = OCRAtSignRepair.repair(OCRDigitRepair.repair(result.text))
        if text.utf8.contains(where: { $0 > 0x20 }) {
            var unit = TextUnit(text: text, location: Location(page: page))
            unit.ocrConfidence = result.confidence
            emit(unit)
            if result.confidence < options.minConfidence { context.budget.ocr.recordUnreadable() }
        }
        if result.timedOut { try context.checkBudget() }
        return .read
    }

    /// The `limit_exceeded` for pages the budget left unread, if any.
    func budgetError() -> ExtractionError? {
        let skipped = context.budget.ocr.counts.skipped
        guard skipped > 0 else { return nil }
        return .limitExceeded("\(skipped) page(s) not read by OCR over --max-ocr-pages \(options.maxPagesPerFile); raise it to read them all")
    }
}
