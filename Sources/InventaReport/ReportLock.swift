#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One writer per report: a scan holds an exclusive `flock` on `<report>.lock` for its
/// whole run, so a second scan of the same report (a cron job overlapping a manual run)
/// is refused at once instead of interleaving its rows with the first one's.
///
/// The lock file holds the holder's pid, host and start time, so the refusal can say
/// who holds it. The kernel drops a `flock` when its process dies, however it dies, so
/// a lock left by a killed scan is stale by construction: the next scan takes it over
/// (and says so). What it is not: a guard against writers that do not take it (an
/// `sqlite3` shell), nor a lock across hosts on file systems without `flock`. See
/// docs/decisions/0604-one-writer-per-report.md.
public final class ReportLock: Sendable {
    /// Who holds, or held, a lock: read from the lock file.
    public struct Holder: Sendable, Equatable, CustomStringConvertible {
        public var pid: Int32
        public var host: String
        public var started: String

        public var description: String { "pid \(pid) on \(host), started \(started)" }
    }

    public let path: String
    /// The holder of a stale lock this one replaced (a scan that was killed), if any.
    public let tookOver: Holder?
    private let fd: Int32

    /// `<report>.lock`.
    public static func path(forReport report: String) -> String { report + ".lock" }

    /// Takes the lock of `report` or throws `ReportError.locked` naming the running scan.
    public init(report: String) throws(ReportError) {
        path = ReportLock.path(forReport: report)
        for _ in 0..<8 {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
            guard fd >= 0 else {
                if errno == ELOOP { throw ReportFiles.error(opening: path) }
                // The report's folder is missing or not writable: the report could not be written either.
                throw ReportError.cannotOpen(path: report, message: String(cString: strerror(errno)))
            }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                let error = errno
                let holder = ReportLock.holder(fd)
                close(fd)
                if error == EWOULDBLOCK { throw ReportError.locked(report: report, holder: holder?.description) }
                throw ReportError.cannotLock(path: path, message: String(cString: strerror(error)))
            }
            // A scan that released its lock unlinked the file first: if the file we locked is
            // no longer the one at the path, another scan may lock the new one; start again.
            guard ReportLock.isCurrent(fd, path: path) else {
                close(fd)
                continue
            }
            tookOver = ReportLock.holder(fd)
            let me = "pid=\(getpid())\nhost=\(ReportLock.hostName())\nstarted=\(Timestamp.now())\n"
            ftruncate(fd, 0)
            _ = Array(me.utf8).withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
            self.fd = fd
            return
        }
        throw ReportError.cannotLock(path: path, message: "the lock file keeps being replaced")
    }

    deinit {
        // Unlinked while still held, so no other scan can lock the file being removed.
        unlink(path)
        close(fd)
    }

    /// What the lock file at `path` says, if it names a holder.
    static func holder(_ fd: Int32) -> Holder? {
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        var fields: [Substring: Substring] = [:]
        for line in String(decoding: buffer[0..<count], as: UTF8.self).split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields[line[..<equals]] = line[line.index(after: equals)...]
        }
        guard let pid = fields["pid"].flatMap({ Int32($0) }) else { return nil }
        return Holder(pid: pid, host: String(fields["host"] ?? "?"), started: String(fields["started"] ?? "?"))
    }

    private static func isCurrent(_ fd: Int32, path: String) -> Bool {
        var held = stat(), named = stat()
        guard fstat(fd, &held) == 0, lstat(path, &named) == 0 else { return false }
        return held.st_dev == named.st_dev && held.st_ino == named.st_ino
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "?" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
