/// The current version of every top-level file in a report, loaded once when a scan
/// starts, so workers can decide without touching SQLite whether a file is unchanged
/// since it was last recorded (incremental rescans) or already done (resume).
/// Immutable after loading; read concurrently by all workers.
public struct KnownFiles: Sendable {
    /// One current file row.
    public struct Entry: Sendable, Equatable {
        public var id: Int64
        public var scanID: Int64
        public var size: Int64
        public var mtime: Double
        public var device: UInt64
        public var inode: UInt64
        public var status: String
        public var reason: String?
        public var contentHash: String?
    }

    /// root → path → entry: a lookup hashes the path only, with no string built per file.
    private let byRoot: [String: [String: Entry]]

    init(_ byRoot: [String: [String: Entry]]) { self.byRoot = byRoot }

    public var count: Int { byRoot.values.reduce(0) { $0 + $1.count } }

    public func lookup(root: String, path: String) -> Entry? { byRoot[root]?[path] }

    /// The ids of current rows under `roots` (as recorded) that are not in `seen`: files that vanished.
    public func unseen(roots: Set<String>, seen: Set<Int64>) -> [Int64] {
        roots.flatMap { root in (byRoot[root] ?? [:]).values.filter { !seen.contains($0.id) }.map(\.id) }
    }

    static func key(root: String, path: String) -> String { root + "\u{0}" + path }

    static func load(_ db: SQLiteDatabase) throws(ReportError) -> KnownFiles {
        let statement = try db.prepare("""
            SELECT id, scan_id, root, path, size, mtime, device, inode, status, reason, content_hash
            FROM files WHERE ended_scan IS NULL AND parent_id IS NULL
            """)
        var byRoot: [String: [String: Entry]] = [:]
        while try statement.step() {
            let entry = Entry(id: statement.int(0), scanID: statement.int(1), size: statement.int(4),
                              mtime: statement.double(5), device: UInt64(bitPattern: statement.int(6)),
                              inode: UInt64(bitPattern: statement.int(7)), status: statement.text(8) ?? "",
                              reason: statement.text(9), contentHash: statement.text(10))
            byRoot[statement.text(2) ?? "", default: [:]][statement.text(3) ?? ""] = entry
        }
        return KnownFiles(byRoot)
    }
}
