/// What a scan row records about the run itself.
public struct ScanInfo: Sendable {
    public var roots: [String]
    /// The options as `name=value` pairs, stored as JSON for the record.
    public var options: [(String, String)]
    public var toolVersion: String
    public var storeValues: Bool

    public init(roots: [String], options: [(String, String)], toolVersion: String, storeValues: Bool) {
        self.roots = roots
        self.options = options
        self.toolVersion = toolVersion
        self.storeValues = storeValues
    }
}

/// Running totals of a scan, kept by the writer and stored on the scan row.
/// `files` counts files on disk; scanned/skipped/failed count rows, container members included.
public struct ScanTotals: Sendable, Equatable {
    public var files = 0
    public var scanned = 0
    public var skipped = 0
    public var failed = 0
    public var findings = 0
    public var bytes: Int64 = 0

    public init() {}
}
