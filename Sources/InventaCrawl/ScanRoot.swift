#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a scan root is before the walk starts: a readable folder (and whether it has any
/// entry at all), a single file, or something a scan cannot start from. The pipeline turns
/// the last kind, and an empty folder where the report knows files, into a fatal error
/// before anything is recorded: an unmounted share looks exactly like an empty folder, and
/// scanning it would mark every file of the last scan removed.
public enum ScanRoot: Sendable, Equatable {
    case directory(empty: Bool)
    case file
    /// Missing, unreadable, or neither a folder nor a regular file; the text says which.
    case unusable(String)

    /// Looks at `path` (following a symlink, as the walk does for roots) and, for a folder,
    /// reads its first entry.
    public static func inspect(_ path: String) -> ScanRoot {
        switch FileStatus.read(Array(path.utf8), follow: true) {
        case .failure(let error):
            return .unusable(error.errno == ENOENT ? "does not exist" : "cannot be read (\(String(cString: strerror(error.errno))))")
        case .success(let status) where status.kind == .regular:
            return .file
        case .success(let status) where status.kind != .directory:
            return .unusable("is a \(status.kind.rawValue.replacingUnderscores), not a folder")
        case .success:
            guard let handle = opendir(path) else {
                return .unusable("cannot be listed (\(String(cString: strerror(errno))))")
            }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let isDot = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                    raw[0] == 0x2E && (raw[1] == 0 || (raw[1] == 0x2E && raw[2] == 0))
                }
                if !isDot { return .directory(empty: false) }
            }
            return .directory(empty: true)
        }
    }
}

private extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
