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
        // O_NOFOLLOW: a link planted at the report's name is refused, never written through.
        let fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ReportFiles.error(opening: path) }
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

    enum Published { case written, existed, failed(String) }

    /// Writes `bytes` to a new 0600 file at `path` without ever showing a partial file there:
    /// a temporary file beside it is written and synced, then hard-linked into place (which,
    /// unlike rename, fails when `path` appeared meanwhile) and removed.
    static func publish(_ bytes: [UInt8], at path: String) -> Published {
        let temporary = path + ".tmp-\(getpid())"
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return .failed(String(cString: strerror(errno))) }
        defer { unlink(temporary) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        let error = errno
        close(fd)
        guard written == bytes.count, synced else { return .failed(String(cString: strerror(written < 0 || !synced ? error : ENOSPC))) }
        if link(temporary, path) == 0 { return .written }
        if errno == EEXIST { return .existed }
        // File systems without hard links: rename, which is still atomic.
        return rename(temporary, path) == 0 ? .written : .failed(String(cString: strerror(errno)))
    }
}
