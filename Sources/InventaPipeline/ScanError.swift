import InventaReport

/// Why a scan could not start or finish. Each message is one line that names the root or
/// file and says what to do; each ends the scan with exit code 1 (the command's mapping).
public enum ScanError: Error, Sendable, CustomStringConvertible {
    case report(ReportError)
    /// A root that is missing, unreadable or neither a folder nor a file.
    case rootUnusable(root: String, why: String, knownFiles: Int)
    /// An empty folder where the last scan found files: most likely an unmounted share.
    case rootEmpty(root: String, knownFiles: Int)
    /// More of a root's known files vanished than `--max-removed-share` allows.
    case tooManyRemoved(root: String, removed: Int, known: Int, allowed: Double)
    case noRoots

    public var description: String {
        switch self {
        case .report(let error):
            return error.description
        case .rootUnusable(let root, let why, let known):
            let last = known > 0 ? " (the last scan found \(Count.spaced(known)) files there)" : ""
            return "root \(root) \(why)\(last); check the path, that the share is mounted, and that this user may read it"
        case .rootEmpty(let root, let known):
            return "root \(root) is empty but the last scan found \(Count.spaced(known)) files there; is the share mounted? (--allow-empty-root to scan anyway)"
        case .tooManyRemoved(let root, let removed, let known, let allowed):
            let share = Int((Double(removed) / Double(max(known, 1)) * 100).rounded())
            return "\(Count.spaced(removed)) of \(Count.spaced(known)) known files under \(root) (\(share) %) are gone, more than --max-removed-share \(allowed) allows; nothing was marked removed. If they were really deleted, run: inventa scan --resume --max-removed-share 1 (same --report)"
        case .noRoots:
            return "the profile names no roots: add roots = [\"…\"] or give folders"
        }
    }
}

/// Thousands separated by a space, as in Swedish: 2 574, 1 204 331.
public enum Count {
    public static func spaced(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(" ") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }
}
