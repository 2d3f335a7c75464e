import ArgumentParser
import InventaPipeline
import InventaExtraction

/// The per-file extraction limits, shared by `scan` and `extract`. Each is optional here so
/// that a scan profile's `[limits]` apply where the command line says nothing.
struct ExtractionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Open containers (zip, e-mail) nested at most this deep (default: \(ExtractionLimits().maxDepth)).", valueName: "n"))
    var maxDepth: Int?

    @Option(name: .long, help: ArgumentHelp("Stop reading a file after this much text, e.g. 64M (default: 256M); the file is marked limit_exceeded.", valueName: "size"))
    var maxTextPerFile: String?

    @Option(name: .long, help: ArgumentHelp("Read at most this many pages of a PDF (default: \(ExtractionLimits().maxPages)).", valueName: "n"))
    var maxPages: Int?

    @Option(name: .long, help: ArgumentHelp("Stop reading a file after this many seconds (default: \(Int(ExtractionLimits().timeoutSeconds)); checked between pages and parts; one PDF page is not interrupted).", valueName: "seconds"))
    var timeoutPerFile: Double?

    @Flag(name: .customLong("no-ocr"), help: "Do not read scans and images by OCR; image-only PDF pages and images stay needs_ocr.")
    var noOCR = false

    @Option(name: .customLong("max-ocr-pages"), help: ArgumentHelp("Read at most this many pages per file by OCR (default: \(OCROptions().maxPagesPerFile)); the file is marked limit_exceeded.", valueName: "n"))
    var maxOCRPages: Int?

    @Option(name: .long, help: ArgumentHelp("Tesseract languages for OCR, joined by + (default: \(OCROptions().languages)).", valueName: "langs"))
    var ocrLanguages: String?

    func validate() throws {
        if let maxOCRPages, maxOCRPages < 0 { throw ValidationError("--max-ocr-pages must be 0 or more") }
        if let ocrLanguages, ocrLanguages.isEmpty || ocrLanguages.contains(where: { !($0.isLetter || $0.isNumber || $0 == "+" || $0 == "_") }) {
            throw ValidationError("--ocr-languages '\(ocrLanguages)' is not a tesseract language list; write e.g. swe+eng")
        }
        if let maxDepth, !(0...100).contains(maxDepth) { throw ValidationError("--max-depth must be between 0 and 100") }
        if let maxPages, maxPages < 1 { throw ValidationError("--max-pages must be at least 1") }
        if let timeoutPerFile, timeoutPerFile <= 0 { throw ValidationError("--timeout-per-file must be more than 0 seconds") }
        if let maxTextPerFile, ByteSize.parse(maxTextPerFile).map({ $0 > 0 }) != true {
            throw ValidationError("--max-text-per-file '\(maxTextPerFile)' is not a size; use e.g. 500K, 64M or 1G")
        }
    }

    /// The limits to use: the command line's, else the profile's, else the defaults.
    func limits(profile: ScanProfile? = nil) -> ExtractionLimits {
        var limits = ExtractionLimits()
        if let depth = maxDepth ?? profile?.maxDepth { limits.maxDepth = depth }
        if let pages = maxPages ?? profile?.maxPages { limits.maxPages = pages }
        if let seconds = timeoutPerFile ?? profile?.timeoutPerFile { limits.timeoutSeconds = seconds }
        if let text = maxTextPerFile.flatMap(ByteSize.parse) ?? profile?.maxTextPerFile { limits.maxTextBytes = Int(clamping: text) }
        if noOCR || profile?.ocrEnabled == false { limits.ocr.mode = .off }
        if let pages = maxOCRPages ?? profile?.ocrMaxPages { limits.ocr.maxPagesPerFile = pages }
        if let languages = ocrLanguages ?? profile?.ocrLanguages { limits.ocr.languages = languages }
        return limits
    }
}
