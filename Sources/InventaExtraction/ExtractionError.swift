#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import InventaModel

/// Why extraction of one file stopped. Each case becomes a one-line reason in the
/// report that says what happened and, where there is something to do, what.
public enum ExtractionError: Error, Sendable, Equatable {
    case unreadable(errno: Int32)
    case notRegularFile
    /// The opened object is not the one the listing saw (another device and inode, or a link
    /// where a file was): the file was swapped between listing and reading.
    case changedType
    case corrupt(String)
    case limitExceeded(String)
    case encrypted
    case needsOCR
    case unsupported(String)

    public var message: String {
        switch self {
        case .unreadable(let code):
            let text = String(cString: strerror(code))
            if code == EACCES || code == EPERM { return "unreadable: \(text): run as a user with read access, or --exclude it" }
            return "unreadable: \(text)"
        case .notRegularFile: return "not a regular file when opened (changed while scanning)"
        case .changedType: return SkipReason.changedType.description
        case .corrupt(let why): return "corrupt: \(why)"
        case .limitExceeded(let why): return "limit_exceeded: \(why)"
        case .encrypted: return "encrypted"
        case .needsOCR: return "needs_ocr"
        case .unsupported(let format): return "unsupported: \(format)"
        }
    }

    /// The outcome a document ends with when its extractor stops with this error.
    /// A limit keeps the text read so far, so the document counts as (partly) scanned.
    public var outcome: Outcome {
        switch self {
        case .encrypted: return .skipped(.encrypted)
        case .changedType, .notRegularFile: return .skipped(.changedType)
        case .needsOCR: return .skipped(.needsOCR)
        case .unsupported(let format): return .skipped(.unsupported(format: format))
        case .limitExceeded: return .partial(message)
        default: return .failed(message)
        }
    }
}
