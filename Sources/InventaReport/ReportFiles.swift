#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The report's own files — the database, SQLite's `-wal`, `-shm` and `-journal`, the crash
/// log and the lock — checked before a scan writes any of them. The report folder may be
/// writable by others (a shared scan host, a department's folder): a link planted at one of
/// these names would make the scan, often running as root, truncate or fill the link's target,
/// and a report left 0644 by hand or by an older tool shows everyone who holds personal data.
///
/// So: a symbolic link, a FIFO or device, or a file owned by another user at any of these
/// names is refused with a one-line error, and an existing file readable or writable by
/// group or others is tightened to 0600 (a notice says so). The opens themselves use
/// `O_NOFOLLOW` too (SQLite's with `SQLITE_OPEN_NOFOLLOW`; its own side files always), so a
/// link that appears after this check is still not followed. What it is not: a check of the
/// folders above the report (the user chose that path) nor of the key file (see `KeyedHasher`).
public enum ReportFiles {
    /// The report and every file Inventa or SQLite keeps beside it.
    public static func all(report: String) -> [String] {
        [report, report + "-wal", report + "-shm", report + "-journal", CrashLog.path(forReport: report),
         ReportLock.path(forReport: report)]
    }

    /// Refuses links, non-regular files and files of other users at the report's names, and
    /// tightens existing ones to 0600. Returns one notice per file tightened.
    public static func secure(report: String) throws(ReportError) -> [String] {
        var notices: [String] = []
        for path in all(report: report) {
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            try check(st, path: path)
            let mode = st.st_mode & 0o777
            guard mode & 0o077 != 0 else { continue }
            let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else { throw error(opening: path) }
            defer { close(fd) }
            // Checked again on what was opened: the name may have been swapped since `lstat`.
            var opened = stat()
            guard fstat(fd, &opened) == 0 else { throw error(opening: path) }
            try check(opened, path: path)
            guard fchmod(fd, 0o600) == 0 else {
                throw ReportError.cannotOpen(path: path, message: "mode \(String(mode, radix: 8)) is too wide and chmod failed: \(String(cString: strerror(errno)))")
            }
            notices.append("\(path) was readable by others (mode \(String(mode, radix: 8))); tightened to 600")
        }
        return notices
    }

    /// The error for a failed open of one of the report's files: a link gets its own message.
    static func error(opening path: String) -> ReportError {
        let code = errno
        if code == ELOOP { return .unsafeReportFile(path: path, what: "a symbolic link") }
        return .cannotOpen(path: path, message: String(cString: strerror(code)))
    }

    private static func check(_ st: stat, path: String) throws(ReportError) {
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: throw ReportError.unsafeReportFile(path: path, what: "a symbolic link")
        default: throw ReportError.unsafeReportFile(path: path, what: "not a regular file")
        }
        if st.st_uid != geteuid() {
            throw ReportError.unsafeReportFile(path: path, what: "owned by uid \(st.st_uid), not by the scanning user (uid \(geteuid()))")
        }
    }
}
