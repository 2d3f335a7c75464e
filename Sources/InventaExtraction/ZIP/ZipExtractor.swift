import InventaModel

/// Opens a zip archive and hands each member to `context.extractMember`, which sniffs
/// it and recurses (zip in zip, documents in zip). Members are inflated one at a time,
/// so memory holds one member plus the archive's directory.
///
/// A member that is encrypted, over a limit or damaged gets that outcome as its own
/// member row and the archive goes on; the archive itself ends `partial` when a
/// member was left unread (or read only in part, at any depth) for a limit, and
/// `encrypted` when every member is encrypted. macOS metadata members (`__MACOSX/`) are
/// recorded as skipped and not read.
/// Running out of the file's total byte or member budget stops the archive there.
public struct ZipExtractor: Extractor {
    public init() {}

    public func extract(_ input: ExtractionInput, context: ExtractionContext, emit: (TextUnit) -> Void) throws(ExtractionError) {
        let archive = try ZipArchive(input)
        let files = archive.entries.filter { !$0.isDirectory }
        var limited: [String] = []
        var encrypted = 0
        for entry in files {
            if ZipExtractor.isMacOSMetadata(entry.name) {
                context.recordMember(name: entry.name, outcome: .skipped(.macOSMetadata), size: entry.uncompressedSize)
                continue
            }
            try context.budget.openMember()
            do {
                let bytes = try archive.read(entry, budget: context.budget)
                if case .partial(let why) = context.extractMember(name: entry.name, bytes: bytes, emit: emit) {
                    limited.append(String(why.dropFirst(why.hasPrefix("limit_exceeded: ") ? 16 : 0)))
                }
            } catch {
                context.recordMember(name: entry.name, outcome: error.outcome, size: entry.uncompressedSize)
                switch error {
                case .encrypted: encrypted += 1
                case .limitExceeded(let why):
                    if context.budget.uncompressedBytes >= context.limits.maxUncompressedBytes { throw error }
                    limited.append(why)
                default: break
                }
            }
        }
        if encrypted > 0 && encrypted == files.count(where: { !ZipExtractor.isMacOSMetadata($0.name) }) {
            throw ExtractionError.encrypted
        }
        if let first = limited.first {
            throw ExtractionError.limitExceeded(limited.count == 1 ? first : "\(first) (and \(limited.count - 1) more members)")
        }
    }

    /// Members under a top-level `__MACOSX/` folder: macOS's Archive Utility stores each
    /// file's AppleDouble metadata (`__MACOSX/dir/._name`) beside the file itself. They are
    /// listed as skipped (why), not read as rows of unsupported binary.
    static func isMacOSMetadata(_ name: String) -> Bool {
        name.hasPrefix("__MACOSX/")
    }
}
