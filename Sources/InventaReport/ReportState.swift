/// What a scan must know about a report before it writes anything: whether it holds
/// hashes (then only the key that made them may be used), that key's fingerprint, how
/// many current files each root had, and the latest scan (for `--resume`). Read from a
/// read-only connection that is closed again, while the scan holds the `ReportLock`, so
/// nothing changes between this look and the writer opening the report.
public struct ReportState: Sendable {
    public var path: String
    public var exists = false
    /// The fingerprint of the key the report's hashes were made with (nil: older report or none yet).
    public var fingerprint: String?
    /// True when some finding carries a keyed hash, or a key was recorded.
    public var holdsHashes = false
    /// Current top-level file rows per root, as the root was recorded.
    public var knownFiles: [String: Int] = [:]
    /// The latest scan's status and roots.
    public var latestStatus: String?
    public var latestRoots: [String] = []

    public init(path: String) { self.path = path }

    /// The report's state; an absent file is a new, empty report. A file that is not a report
    /// is left for the writer to refuse with its own message.
    public static func read(path: String) throws(ReportError) -> ReportState {
        var state = ReportState(path: path)
        guard SecureFile.mode(of: path) != nil else { return state }
        state.exists = true
        let db = try SQLiteDatabase(path: path, readOnly: true)
        let version = Int(try db.scalar("PRAGMA user_version") ?? 0)
        guard version > 0 else { return state }
        state.fingerprint = try KeyFingerprint.recorded(db)
        let findings = try db.scalar("SELECT EXISTS (SELECT 1 FROM findings)") ?? 0
        state.holdsHashes = state.fingerprint != nil || findings == 1
        // v1 reports have no `ended_scan`: every row of the latest scan is current.
        let current = version >= 2 ? "ended_scan IS NULL AND parent_id IS NULL"
                                   : "scan_id = (SELECT max(id) FROM scans) AND instr(path, '!') = 0"
        let counts = try db.prepare("SELECT root, count(*) FROM files WHERE \(current) GROUP BY root")
        while try counts.step() { state.knownFiles[counts.text(0) ?? ""] = Int(counts.int(1)) }
        let latest = try db.prepare("SELECT status, roots FROM scans ORDER BY id DESC LIMIT 1")
        if try latest.step() {
            state.latestStatus = latest.text(0)
            state.latestRoots = JSONText.parseStringArray(latest.text(1) ?? "[]")
        }
        return state
    }
}
