/// A fatal report problem: the report or key file cannot be used. Each message
/// is one line that says what to do.
public enum ReportError: Error, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, message: String)
    case sql(String)
    case newerSchema(found: Int, supported: Int)
    case notAReport(path: String)
    case keyFile(path: String, message: String)
    case noScan(path: String)
    case nothingToResume(path: String, status: String?)
    /// Another scan holds the report's lock.
    case locked(report: String, holder: String?)
    case cannotLock(path: String, message: String)
    /// The key file is gone but the report holds hashes made with a key.
    case keyMissing(path: String, report: String, fingerprint: String?)
    /// The key is not the one the report's hashes were made with.
    case keyMismatch(path: String, report: String, expected: String, found: String)
    /// One of the report's own files is a link, not a regular file, or someone else's.
    case unsafeReportFile(path: String, what: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let message):
            return "cannot open report \(path): \(message) (check the directory exists and is writable, or pass --report)"
        case .sql(let message):
            return "report database error: \(message)"
        case .newerSchema(let found, let supported):
            return "report schema v\(found) is newer than this Inventa supports (v\(supported)): upgrade Inventa"
        case .notAReport(let path):
            return "\(path) is not an Inventa report: pass the file written by 'inventa scan --report'"
        case .keyFile(let path, let message):
            return "key file \(path): \(message)"
        case .nothingToResume(let path, let status):
            let what = status.map { "its latest scan is \($0)" } ?? "it holds no scan"
            return "nothing to resume in \(path): \(what); run 'inventa scan' without --resume (unchanged files are skipped)"
        case .locked(let report, let holder):
            return "report \(report) is being written by another scan (\(holder ?? "holder unknown")); wait for it to finish, or stop that process"
        case .cannotLock(let path, let message):
            return "cannot lock \(path): \(message) (check the report's folder is writable and supports file locks, or pass --report)"
        case .keyMissing(let path, let report, let fingerprint):
            let which = fingerprint.map { " (fingerprint \($0))" } ?? ""
            return "key file \(path) not found, but report \(report) holds hashes made with a key\(which): restore the key there or pass --key-file; a new key would make every earlier finding unsearchable"
        case .keyMismatch(let path, let report, let expected, let found):
            return "key file \(path) (fingerprint \(found)) is not the key report \(report) was written with (fingerprint \(expected)): pass --key-file with that key, or --config with the profile the scans used"
        case .unsafeReportFile(let path, let what):
            return "refusing to write \(path): it is \(what); remove it (a report's files are never written through links), or pass --report with another path"
        case .noScan(let path):
            return "report \(path) holds no scan yet: run 'inventa scan PATH --report \(path)' first"
        }
    }
}
