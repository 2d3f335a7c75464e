import InventaModel

/// The OCR pages one file has used so far, shared by all its members through the file's
/// `ExtractionBudget`, so `--max-ocr-pages` bounds a zip of scans as a whole. Also
/// remembers that a page was met while OCR was deferred, so the pipeline reads the file
/// again later. Owned by one worker for one file; not Sendable and never shared.
public final class OCRTally {
    public private(set) var counts = OCRCounts()
    /// A page or image needed OCR while the mode was `deferred`.
    public internal(set) var deferred = false

    /// Claims one page of the budget; false (and the page counted skipped) once it is used up.
    func claimPage(limit: Int) -> Bool {
        guard counts.pages < limit else {
            counts.skipped += 1
            return false
        }
        counts.pages += 1
        return true
    }

    func recordSkipped() { counts.skipped += 1 }
    func recordUnreadable() { counts.unreadable += 1 }
}
