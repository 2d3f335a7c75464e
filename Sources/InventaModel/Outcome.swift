/// What happened to one file: scanned (with or without findings), skipped (why)
/// or failed (why). Every file the crawler sees ends as exactly one outcome, so
/// "not examined" is never confused with "examined, nothing found".
public enum Outcome: Sendable, Equatable {
    case scanned
    /// Scanned, but a limit stopped extraction early; the text read so far was examined.
    case partial(String)
    case skipped(SkipReason)
    case failed(String)

    /// The `status` column of the report: `scanned`, `skipped` or `failed`.
    public var status: String {
        switch self {
        case .scanned, .partial: return "scanned"
        case .skipped: return "skipped"
        case .failed: return "failed"
        }
    }

    /// The `reason` column: nil for scanned files.
    public var reason: String? {
        switch self {
        case .scanned: return nil
        case .partial(let why): return why
        case .skipped(let why): return why.description
        case .failed(let why): return why
        }
    }
}

/// Why a file was not examined. The string forms are stable report values.
public enum SkipReason: Sendable, Equatable {
    case excluded(pattern: String)
    case hidden
    case tooLarge(limit: Int64)
    case notRegularFile(kind: String)
    case symlink
    case otherFileSystem
    case notIncluded
    case alreadyVisited
    case unsupported(format: String)
    /// Password-protected; the empty user password was tried.
    case encrypted
    /// No text layer (e.g. a scanned PDF); listed so OCR can be planned.
    case needsOCR
    /// A `__MACOSX/` member of a zip: the AppleDouble copy of a file's Finder attributes
    /// and resource fork that macOS adds when it zips; the document itself is its own member.
    case macOSMetadata
    /// What was opened is not what the listing saw: a file or folder swapped for a link, a
    /// FIFO or another file between listing and opening (a race, or a share in use).
    case changedType

    public var description: String {
        switch self {
        case .excluded(let pattern): return "excluded: \(pattern)"
        case .hidden: return "hidden"
        case .tooLarge(let limit): return "too_large: over \(limit) bytes"
        case .notRegularFile(let kind): return "not_regular_file: \(kind)"
        case .symlink: return "symlink_not_followed"
        case .otherFileSystem: return "other_file_system"
        case .notIncluded: return "not_included"
        case .alreadyVisited: return "already_visited"
        case .unsupported(let format): return "unsupported: \(format)"
        case .encrypted: return "encrypted"
        case .needsOCR: return "needs_ocr"
        case .changedType: return "changed_type: changed type while scanning (swapped for a link, FIFO or another file; rescanned next time)"
        case .macOSMetadata: return "macos_metadata: Finder attributes copied by macOS (__MACOSX/), not a document"
        }
    }
}
