import InventaModel

/// The extraction stage's front door: opens a file read-only, sniffs its format by
/// content and runs the extractor for it, recursing into container members.
/// Never throws: every problem becomes the file's (or the member's) outcome.
public struct Extraction: Sendable {
    public var limits: ExtractionLimits

    public init(limits: ExtractionLimits = ExtractionLimits()) {
        self.limits = limits
    }

    /// Extracts `file`, passing each text unit to `emit`.
    public func extract(_ file: FileRef, emit: (TextUnit) -> Void) -> ExtractionResult {
        let source: FileSource
        do {
            source = try FileSource(path: file.pathBytes)
        } catch {
            return ExtractionResult(format: nil, outcome: .failed(error.message), members: [])
        }
        let registry = ExtractorRegistry(limits: limits)
        let context = ExtractionContext(limits: limits, registry: registry)
        let name = file.relativePath.split(separator: "/").last.map(String.init) ?? file.relativePath
        let (format, outcome) = registry.extract(source, name: name, context: context, emit: emit)
        return ExtractionResult(format: format, outcome: outcome, members: context.members)
    }
}

/// A file's format, outcome and the outcomes of its container members.
public struct ExtractionResult: Sendable {
    public var format: FileFormat?
    public var outcome: Outcome
    public var members: [MemberResult]
}

/// Per-file limits. Defaults suit a municipal share; all are configurable.
public struct ExtractionLimits: Sendable {
    /// Plain text is read in units of this many bytes…
    public var chunkSize: Int
    /// …each carrying this many bytes of its neighbours, so a match across an edge is found once.
    public var chunkOverlap: Int
    /// Containers inside containers deeper than this are not opened.
    public var maxDepth: Int

    public init(chunkSize: Int = 1 << 20, chunkOverlap: Int = 256, maxDepth: Int = 5) {
        self.chunkSize = chunkSize
        self.chunkOverlap = chunkOverlap
        self.maxDepth = maxDepth
    }
}
