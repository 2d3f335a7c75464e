import InventaReport

/// What a finished scan tells the user: totals, time and where the report is.
public struct ScanSummary: Sendable {
    public var reportPath: String
    public var scanID: Int64
    public var totals: ScanTotals
    public var textBytes: Int64
    public var seconds: Double
    public var interrupted: Bool
    /// True when this run continued an interrupted scan.
    public var resumed = false
    /// What this run itself did: files read, written, carried forward, bytes read.
    public var run = ScanProgress.Snapshot()
    /// The key's short fingerprint (`KeyedHasher.short`), as recorded in the report.
    public var keyFingerprint = ""
    /// The holder of a stale lock this scan took over (a killed scan), if any.
    public var tookOverLock: String?
    /// Notes on the report's own files (one tightened to 0600), for the end of the scan.
    public var notices: [String] = []
    public var startedAt = ""

    /// Bytes this run actually read, per second: an unchanged rescan reads almost nothing.
    public var megabytesPerSecond: Double { seconds > 0 ? Double(run.bytes) / 1_000_000 / seconds : 0 }
    /// Files this run looked at (read or found unchanged), per second.
    public var filesPerSecond: Double { seconds > 0 ? Double(run.files) / seconds : 0 }
}
