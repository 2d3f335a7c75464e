import CLibXML2
import InventaModel

/// The extraction stage's front door: opens a file read-only, sniffs its format by
/// content and runs the extractor for it, recursing into container members.
/// Never throws: every problem becomes the file's (or the member's) outcome.
public struct Extraction: Sendable {
    public var limits: ExtractionLimits

    public init(limits: ExtractionLimits = ExtractionLimits()) {
        self.limits = limits
    }

    /// Initialises the C libraries' global state. Call once, on the main thread, before
    /// any worker extracts: libxml2 wants `xmlInitParser()` before threads use it, and
    /// poppler builds some global tables lazily on the first page it reads.
    public static func prepareLibraries() {
        xmlInitParser()
        PopplerWarmUp.run()
        OCREngine.prepareLibrary()
    }

    /// Extracts `file`, passing each text unit to `emit`.
    public func extract(_ file: FileRef, emit: (TextUnit) -> Void) -> ExtractionResult {
        let source: FileSource
        do {
            // A crawled file carries the identity its listing saw; a path given by hand does not.
            let listed = file.inode != 0 ? (device: file.device, inode: file.inode) : nil
            source = try FileSource(path: file.pathBytes, expecting: listed, followLink: listed == nil || file.throughLink)
        } catch {
            return ExtractionResult(format: nil, outcome: error.outcome, members: [])
        }
        let registry = ExtractorRegistry(limits: limits)
        let context = ExtractionContext(limits: limits, registry: registry)
        let name = file.relativePath.split(separator: "/").last.map(String.init) ?? file.relativePath
        var (format, outcome) = registry.extract(source, name: name, context: context, emit: emit)
        // What was read may mix two versions of the file: keep the findings, do not trust them
        // as complete. The next run sees the new size or mtime and reads the file again.
        if source.changedSinceOpen, outcome.status != "failed" { outcome = .partial("changed while scanned") }
        return ExtractionResult(format: format, outcome: outcome, members: context.members,
                                ocr: context.budget.ocr.counts, ocrDeferred: context.budget.ocr.deferred)
    }
}

extension Extraction {
    /// Extracts a document held in memory, named `name` (for the extension tie-breaks), as a
    /// member would be read: for fuzzing and tools that have bytes, not files.
    public func extract(bytes: [UInt8], name: String, emit: (TextUnit) -> Void) -> ExtractionResult {
        let registry = ExtractorRegistry(limits: limits)
        let context = ExtractionContext(limits: limits, registry: registry)
        let (format, outcome) = registry.extract(MemorySource(bytes), name: name, context: context, emit: emit)
        return ExtractionResult(format: format, outcome: outcome, members: context.members)
    }
}

/// A file's format, outcome and the outcomes of its container members.
public struct ExtractionResult: Sendable {
    public var format: FileFormat?
    public var outcome: Outcome
    public var members: [MemberResult]
    /// Pages read by OCR, skipped by its budget, or too poor to trust.
    public var ocr = OCRCounts()
    /// OCR was deferred (`OCROptions.Mode.deferred`) and the file needs it: read it again later.
    public var ocrDeferred = false
}

/// Per-file limits. Defaults suit a municipal share; all are configurable
/// (`inventa scan --max-depth/--max-text-per-file/--max-pages/--timeout-per-file`).
/// Hitting one ends the file as `limit_exceeded: …` and keeps the text read so far.
/// The byte and member limits count a file and everything inside it together, so a
/// zip bomb is stopped however its members are nested.
public struct ExtractionLimits: Sendable {
    /// Plain text is read in units of this many bytes…
    public var chunkSize: Int
    /// …each carrying this many bytes of its neighbours, so a match across an edge is found once.
    public var chunkOverlap: Int
    /// Containers inside containers deeper than this are not opened.
    public var maxDepth: Int
    /// Extracted text per file (all members together), in UTF-8 bytes.
    public var maxTextBytes: Int
    /// Pages read per PDF; later pages are not read.
    public var maxPages: Int
    /// HTML files are read up to this size (HTML is parsed into a tree in memory).
    public var maxMarkupBytes: Int
    /// Wall-clock time per file (all members together), in seconds. Checked between pages,
    /// units and members: a single call into a C library (one PDF page) is not interrupted.
    public var timeoutSeconds: Double
    /// Bytes decompressed from one file, all members at all depths together.
    public var maxUncompressedBytes: Int64
    /// A compressed member may expand at most this many times…
    public var maxCompressionRatio: Int64
    /// …once it is larger than this many bytes (small, highly repetitive files are normal).
    public var compressionRatioFloor: Int64
    /// Container members opened per file, all depths together.
    public var maxMembers: Int
    /// One member is held in memory while it is extracted; larger members are not opened.
    public var maxMemberBytes: Int64
    /// Scans and images: tesseract, on by default (docs/decisions/0230-ocr.md).
    public var ocr = OCROptions()

    public init(chunkSize: Int = 1 << 20, chunkOverlap: Int = 256, maxDepth: Int = 5,
                maxTextBytes: Int = 256 << 20, maxPages: Int = 10_000, maxMarkupBytes: Int = 256 << 20,
                timeoutSeconds: Double = 300, maxUncompressedBytes: Int64 = 1 << 30, maxCompressionRatio: Int64 = 100,
                compressionRatioFloor: Int64 = 1 << 20, maxMembers: Int = 10_000, maxMemberBytes: Int64 = 256 << 20) {
        self.chunkSize = chunkSize
        self.chunkOverlap = chunkOverlap
        self.maxDepth = maxDepth
        self.maxTextBytes = maxTextBytes
        self.maxPages = maxPages
        self.maxMarkupBytes = maxMarkupBytes
        self.timeoutSeconds = timeoutSeconds
        self.maxUncompressedBytes = maxUncompressedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.compressionRatioFloor = compressionRatioFloor
        self.maxMembers = maxMembers
        self.maxMemberBytes = maxMemberBytes
    }
}
