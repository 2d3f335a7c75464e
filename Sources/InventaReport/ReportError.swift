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
        case .noScan(let path):
            return "report \(path) holds no scan yet: run 'inventa scan PATH --report \(path)' first"
        }
    }
}
