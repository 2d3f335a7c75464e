import InventaModel

/// What a scan row records about the run itself.
public struct ScanInfo: Sendable {
    public var roots: [String]
    /// The options as `name=value` pairs, stored as JSON for the record.
    public var options: [(String, String)]
    public var toolVersion: String
    public var storeValues: Bool
    /// The scan profile the scan was started from, if any.
    public var profile: String?

    public init(roots: [String], options: [(String, String)], toolVersion: String, storeValues: Bool,
                profile: String? = nil) {
        self.roots = roots
        self.options = options
        self.toolVersion = toolVersion
        self.storeValues = storeValues
        self.profile = profile
    }
}

/// Totals of a scan as stored on its scan row, computed from the file rows valid
/// in the scan when it ends (so a resumed scan counts every file once).
/// `files` counts files on disk (unchanged ones included); scanned/skipped/failed
/// count rows, container members included; `new` counts files (re)scanned by this
/// scan, `unchanged` those carried forward from an earlier scan.
public struct ScanTotals: Sendable, Equatable {
    public var files = 0
    public var scanned = 0
    public var skipped = 0
    public var failed = 0
    public var findings = 0
    public var bytes: Int64 = 0
    public var new = 0
    public var unchanged = 0
    public var removed = 0
    /// Top-level files of high and of medium risk, and with any finding (for `--fail-on`).
    public var highRisk = 0
    public var mediumRisk = 0
    public var withFindings = 0
    /// Top-level files not scanned, by `status: reason` with the reason's details cut at
    /// its first ':' (`failed: unreadable directory`, `skipped: excluded`), for monitoring.
    public var problems: [String: Int] = [:]

    public init() {}

    static func problemKind(status: String, reason: String?) -> String {
        guard let reason, !reason.isEmpty else { return status }
        let kind = reason.split(separator: ":", maxSplits: 1).first.map(String.init) ?? reason
        let head = kind.split(separator: "(", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? kind
        return status + ": " + head.trimmingTrailingSpaces()
    }
}

/// One file to record: its result, department, and the current row it replaces
/// when it changed since the last scan.
public struct FileEntry: Sendable {
    public var result: FileResult
    public var department: String
    public var replaces: Int64?
    /// SHA-256 of the content, when the scan runs with `--verify-content`.
    public var contentHash: String?

    public init(result: FileResult, department: String, replaces: Int64? = nil, contentHash: String? = nil) {
        self.result = result
        self.department = department
        self.replaces = replaces
        self.contentHash = contentHash
    }
}
