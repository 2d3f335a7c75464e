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

    public var megabytesPerSecond: Double { seconds > 0 ? Double(totals.bytes) / 1_000_000 / seconds : 0 }
    public var filesPerSecond: Double { seconds > 0 ? Double(totals.files) / seconds : 0 }
}
