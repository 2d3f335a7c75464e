#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates files that hold personal data (reports, key files) with mode 0600,
/// and directories for them with mode 0700, so nothing is readable by others
/// even for a moment. SQLite creates its `-wal` and `-shm` files with the
/// database file's permissions, so they inherit 0600.
enum SecureFile {
    static func createIfMissing(path: String) throws(ReportError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ReportError.cannotOpen(path: path, message: String(cString: strerror(errno)))
        }
        close(fd)
    }

    /// Creates `directory` and its parents with mode 0700 where missing.
    static func makeDirectories(_ directory: String) {
        var current = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            current += "/" + component
            mkdir(current, 0o700)
        }
    }

    /// The permission bits of an existing file, or nil.
    static func mode(of path: String) -> mode_t? {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & 0o777 : nil
    }
}
