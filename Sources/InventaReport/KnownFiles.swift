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
        roots.flatMap { unseen(root: $0, seen: seen) }
    }

    /// The ids of `root`'s current rows not in `seen`, except those under a folder in
    /// `keeping` (relative paths ending in '/'): a folder that could not be read this time
    /// says nothing about whether its files still exist.
    public func unseen(root: String, seen: Set<Int64>, keeping: [String] = []) -> [Int64] {
        (byRoot[root] ?? [:]).compactMap { path, entry in
            guard !seen.contains(entry.id), !keeping.contains(where: { path.hasPrefix($0) }) else { return nil }
            return entry.id
        }
    }

    /// How many current top-level rows `root` has.
    public func count(root: String) -> Int { byRoot[root]?.count ?? 0 }

    static func key(root: String, path: String) -> String { root + "\u{0}" + path }

    static func load(_ db: SQLiteDatabase) throws(ReportError) -> KnownFiles {
        // NOT INDEXED: nearly every row qualifies, and one sequential pass beats an index lookup
        // per row. Rows of one root mostly come together; the root string is built once per run, and each
        // root's table is sized up front from the last scan's file count (growing a dictionary of
        // 100 000 entries rehashes it many times).
        let expected = Int(try db.scalar("SELECT coalesce(max(files_total), 0) FROM scans") ?? 0)
        let statement = try db.prepare("""
            SELECT id, scan_id, root, path, size, mtime, device, inode, status, reason, content_hash
            FROM files NOT INDEXED WHERE ended_scan IS NULL AND parent_id IS NULL
            """)
        var byRoot: [String: [String: Entry]] = [:]
        var root: String?
        var rootBytes: [UInt8] = []
        var entries: [String: Entry] = [:]
        while try statement.step() {
            if root == nil || !statement.textEquals(2, rootBytes) {
                if let root { byRoot[root] = entries }
                let next = statement.text(2) ?? ""
                // Taken out, not copied: the table stays uniquely referenced while it grows.
                entries = byRoot.removeValue(forKey: next) ?? Dictionary(minimumCapacity: expected)
                root = next
                rootBytes = Array(next.utf8)
            }
            entries[statement.text(3) ?? ""] = Entry(
                id: statement.int(0), scanID: statement.int(1), size: statement.int(4), mtime: statement.double(5),
                device: UInt64(bitPattern: statement.int(6)), inode: UInt64(bitPattern: statement.int(7)),
                status: statement.text(8) ?? "", reason: statement.text(9), contentHash: statement.text(10))
        }
        if let root { byRoot[root] = entries }
        return KnownFiles(byRoot)
    }
}
