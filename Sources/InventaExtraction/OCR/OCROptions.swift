/// How scans and images are read: by tesseract, in `languages`, at most `maxPagesPerFile`
/// pages per file (all members together), PDF pages rendered at `dpi`. A page whose mean
/// confidence is under `minConfidence` still gives its text to detection but is counted
/// unreadable (a problem row: the scan is too poor to trust). Images larger than
/// `maxImagePixels` (per page, read from the header before decoding) are not decoded.
///
/// `inventa scan --no-ocr / --max-ocr-pages / --ocr-languages`, or `[ocr]` in a profile.
/// See docs/decisions/0230-ocr.md.
public struct OCROptions: Sendable, Equatable {
    /// How a document that needs OCR is handled.
    public enum Mode: Sendable, Equatable {
        /// Not at all: image-only pages and images end as `needs_ocr`.
        case off
        /// Read at once, in the calling worker (`inventa extract`, tests, the deferred pass).
        case inline
        /// Not now: the file is marked so the scan pipeline reads it again, with `inline`,
        /// after the text files (OCR never holds up the rest of the scan).
        case deferred
    }

    public var mode: Mode
    /// Tesseract language codes joined by `+`; the first is the main language. `swe` alone
    /// by default: with `swe+eng` tesseract reads å/ä/ö as a/a/o on Swedish scans (measured,
    /// docs/decisions/0230-ocr.md), which breaks town names, streets and names.
    public var languages: String
    public var maxPagesPerFile: Int
    public var dpi: Int
    public var minConfidence: Int
    public var maxImagePixels: Int
    /// Where the `.traineddata` files are; nil: tesseract's own default (`TESSDATA_PREFIX`).
    public var dataPath: String?

    public init(mode: Mode = .inline, languages: String = "swe", maxPagesPerFile: Int = 100, dpi: Int = 300,
                minConfidence: Int = 40, maxImagePixels: Int = 120_000_000, dataPath: String? = nil) {
        self.mode = mode
        self.languages = languages
        self.maxPagesPerFile = max(0, maxPagesPerFile)
        self.dpi = min(600, max(72, dpi))
        self.minConfidence = minConfidence
        self.maxImagePixels = max(1, maxImagePixels)
        self.dataPath = dataPath
    }

    public var isEnabled: Bool { mode != .off }
}
