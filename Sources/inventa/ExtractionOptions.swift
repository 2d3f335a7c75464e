import ArgumentParser
import InventaPipeline
import InventaExtraction

/// The per-file extraction limits, shared by `scan` and `extract`.
struct ExtractionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Open containers (zip, e-mail) nested at most this deep.", valueName: "n"))
    var maxDepth: Int = ExtractionLimits().maxDepth

    @Option(name: .long, help: ArgumentHelp("Stop reading a file after this much text, e.g. 64M (default: 256M); the file is marked limit_exceeded.", valueName: "size"))
    var maxTextPerFile: String?

    @Option(name: .long, help: ArgumentHelp("Read at most this many pages of a PDF.", valueName: "n"))
    var maxPages: Int = ExtractionLimits().maxPages

    @Option(name: .long, help: ArgumentHelp("Stop reading a file after this many seconds (checked between pages and parts; one PDF page is not interrupted).", valueName: "seconds"))
    var timeoutPerFile: Double = ExtractionLimits().timeoutSeconds

    func validate() throws {
        guard maxDepth >= 0 && maxDepth <= 100 else { throw ValidationError("--max-depth must be between 0 and 100") }
        guard maxPages >= 1 else { throw ValidationError("--max-pages must be at least 1") }
        guard timeoutPerFile > 0 else { throw ValidationError("--timeout-per-file must be more than 0 seconds") }
        if let maxTextPerFile, ByteSize.parse(maxTextPerFile).map({ $0 > 0 }) != true {
            throw ValidationError("--max-text-per-file '\(maxTextPerFile)' is not a size; use e.g. 500K, 64M or 1G")
        }
    }

    var limits: ExtractionLimits {
        var limits = ExtractionLimits()
        limits.maxDepth = maxDepth
        limits.maxPages = maxPages
        limits.timeoutSeconds = timeoutPerFile
        if let text = maxTextPerFile.flatMap(ByteSize.parse) { limits.maxTextBytes = Int(clamping: text) }
        return limits
    }
}
