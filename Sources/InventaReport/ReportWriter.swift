import Foundation
import InventaModel

/// The single writer of a report: owns the SQLite connection on its own thread and
/// batches inserts in transactions. Workers never touch SQLite; they `submit` entries,
/// and a bounded inbox makes them wait when the writer falls behind.
///
/// History: a file row is one version of a file, produced by one scan and valid until
/// a later scan ends it (`changed` or `removed`). Unchanged files are not written at
/// all: their current row carries forward, which is what makes rescans fast.
///
/// Privacy: a finding's cleartext value is stored only when the scan runs with
/// `storeValues` (meant for synthetic corpora); otherwise only its mask and its
/// keyed hash are written. The report file is created mode 0600.
///
/// Durability: WAL journal, one transaction per batch; a new version of a file and the
/// end of its old one commit together, so a killed scan leaves a consistent report and
/// `resume` redoes exactly the files that were not committed.
///
/// Keys: the first scan records the key's fingerprint (`KeyFingerprint`); a later one
/// with another key is refused before its scan row is written.
///
/// Concurrency: `@unchecked Sendable` because it holds the SQLite connection and its
/// statements, which are not Sendable. They are used by one thread at a time: `init` on
/// the caller's thread, then only the writer thread (`run`) until `done` is signalled,
/// then only `finish` (after `done.wait()`, which orders the writes before it). Workers
/// only call `submit` (a thread-safe queue), `crashCount` and `known` (immutable after
/// `init`), and `hasFailed` (behind a mutex).
public final class ReportWriter: @unchecked Sendable {
    public let path: String
    public let scanID: Int64
    /// The roots recorded on the scan row (for a resumed scan, the interrupted scan's roots).
    public let roots: [String]
    /// Current file rows when the scan started; see `KnownFiles`.
    public let known: KnownFiles
    /// Files that crashed the scanner, with how often: `root \0 path` → (size, mtime, count).
    private let crashes: [String: (size: Int64, mtime: Double, count: Int)]
    private let db: SQLiteDatabase
    private let hasher: KeyedHasher
    private let storeValues: Bool
    private let risk: RiskPolicy
    private let inbox = BoundedQueue<FileEntry>(capacity: 512)
    private let done = DispatchSemaphore(value: 0)
    private let owners = OwnerNames()
    /// The writer thread's first error; read by every worker through `hasFailed`.
    private let failure = Locked<ReportError?>(nil)
    private let insertFile: Statement
    private let insertFinding: Statement
    private let endFile: Statement

    /// Opens (creating or migrating) the report and starts a scan row, or with `resume`
    /// reopens the latest scan if it did not complete.
    /// A key other than the one the report recorded is refused (`keyPath` names it in the error).
    public init(path: String, hasher: KeyedHasher, info: ScanInfo, risk: RiskPolicy = RiskPolicy(),
                resume: Bool = false, keyPath: String = "the key file") throws(ReportError) {
        self.path = path
        self.hasher = hasher
        self.storeValues = info.storeValues
        self.risk = risk
        db = try SQLiteDatabase(path: path)
        try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
        try Schema.migrate(db)
        try KeyFingerprint.adopt(db, hasher: hasher, keyPath: keyPath, report: path)
        if resume {
            (scanID, roots) = try ReportWriter.reopenScan(db, path: path)
        } else {
            scanID = try ReportWriter.insertScan(db, info: info)
            roots = info.roots
        }
        crashes = try ReportWriter.absorbCrashLog(db, path: CrashLog.path(forReport: path), scanID: scanID)
        known = try KnownFiles.load(db)
        insertFile = try db.prepare("""
            INSERT INTO files (scan_id, root, path, size, mtime, device, inode, format, status, reason, risk, findings,
                               parent_id, department, uid, gid, owner, owner_group, ctime, atime, content_hash,
                               ocr_pages, ocr_skipped, ocr_unreadable)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertFinding = try db.prepare("""
            INSERT INTO findings (scan_id, file_id, member, category, value, masked, value_hash, confidence, level,
                                  location, rule, evidence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        endFile = try db.prepare("""
            UPDATE files SET ended_scan = ?, ended_reason = ? WHERE (id = ? OR parent_id = ?) AND ended_scan IS NULL
            """)
        let thread = Thread { [self] in
            run()
            done.signal()
        }
        thread.start()
    }

    /// How often this version of a file (same size and mtime) crashed the scanner.
    public func crashCount(_ file: FileRef) -> Int {
        guard let crash = crashes[KnownFiles.key(root: file.root, path: file.relativePath)],
              crash.size == file.size, crash.mtime == file.mtime else { return 0 }
        return crash.count
    }

    /// Queues one file's entry for writing; waits while the inbox is full.
    public func submit(_ entry: FileEntry) {
        inbox.push(entry)
    }

    /// Writes what is queued; when the scan completed, ends the rows of `removed` files;
    /// marks the scan `completed` (or `interrupted`) and returns its totals.
    public func finish(interrupted: Bool = false, removed: [Int64] = []) throws(ReportError) -> ScanTotals {
        inbox.close()
        done.wait()
        if let failure = failure.withLock({ $0 }) { throw failure }
        if !interrupted && !removed.isEmpty {
            try db.execute("BEGIN")
            for id in removed { try end(id, reason: "removed") }
            try db.execute("COMMIT")
        }
        let totals = try computeTotals()
        let status = interrupted ? "interrupted" : "completed"
        let update = try db.prepare("""
            UPDATE scans SET finished_at = ?, status = ?, files_total = ?, files_scanned = ?, files_skipped = ?,
                   files_failed = ?, findings = ?, bytes = ?, files_new = ?, files_unchanged = ?, files_removed = ?
            WHERE id = ?
            """)
        update.bind(1, Timestamp.now())
        update.bind(2, status)
        for (index, value) in [totals.files, totals.scanned, totals.skipped, totals.failed, totals.findings].enumerated() {
            update.bind(Int32(index + 3), Int64(value))
        }
        update.bind(8, totals.bytes)
        update.bind(9, Int64(totals.new))
        update.bind(10, Int64(totals.unchanged))
        update.bind(11, Int64(totals.removed))
        update.bind(12, scanID)
        try update.run()
        try? db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return totals
    }

    /// The first write error, if any: the scan should stop, because nothing more can be recorded.
    public var hasFailed: Bool { failure.withLock { $0 != nil } }

    private func run() {
        while let first = inbox.pop() {
            do {
                try db.execute("BEGIN")
                try write(first)
                var count = 1
                while count < 4096, let next = inbox.tryPop() {
                    try write(next)
                    count += 1
                }
                try db.execute("COMMIT")
            } catch {
                try? db.execute("ROLLBACK")
                failure.withLock { $0 = error }
                inbox.close()
                while inbox.pop() != nil {}
                return
            }
        }
    }

    private func write(_ entry: FileEntry) throws(ReportError) {
        let result = entry.result
        if let replaced = entry.replaces { try end(replaced, reason: "changed") }
        let byMember = Dictionary(grouping: result.findings, by: \.member)
        let fileID = try insertRow(entry, path: result.file.relativePath, size: result.file.size, format: result.format,
                                   outcome: result.outcome, findings: result.findings, parent: nil)
        var rowIDs: [[String]: Int64] = [[]: fileID]
        let held = Self.findingsHeld(byMember: byMember)
        for member in result.members {
            rowIDs[member.member] = try insertRow(entry, path: member.path(in: result.file.relativePath), size: member.size,
                                                  format: member.format, outcome: member.outcome,
                                                  findings: held[member.member] ?? [], parent: fileID)
        }
        for finding in result.findings { try write(finding, fileID: rowIDs[finding.member] ?? fileID) }
    }

    /// For every member path, the findings in it and in everything nested in it: a zip inside a
    /// zip, or an e-mail attached to an e-mail, is as risky as what it holds, like the file on
    /// disk is. One pass that hands each member's findings to its ancestors (nesting is at most
    /// a few levels deep), so a container with thousands of members costs no more than its findings.
    static func findingsHeld(byMember: [[String]: [Finding]]) -> [[String]: [Finding]] {
        var held: [[String]: [Finding]] = [:]
        for (path, findings) in byMember where !path.isEmpty {
            for depth in 1...path.count { held[Array(path.prefix(depth)), default: []] += findings }
        }
        return held
    }

    private func end(_ id: Int64, reason: String) throws(ReportError) {
        endFile.bind(1, scanID)
        endFile.bind(2, reason)
        endFile.bind(3, id)
        endFile.bind(4, id)
        try endFile.run()
    }

    /// Inserts one row of `files`; a container's row counts and rates all findings in it.
    private func insertRow(_ entry: FileEntry, path: String, size: Int64, format: FileFormat?, outcome: Outcome,
                           findings: [Finding], parent: Int64?) throws(ReportError) -> Int64 {
        let file = entry.result.file
        insertFile.bind(1, scanID)
        insertFile.bind(2, file.root)
        insertFile.bind(3, path)
        insertFile.bind(4, size)
        insertFile.bind(5, file.mtime)
        insertFile.bind(6, Int64(bitPattern: file.device))
        insertFile.bind(7, Int64(bitPattern: file.inode))
        insertFile.bind(8, format?.rawValue)
        insertFile.bind(9, outcome.status)
        insertFile.bind(10, outcome.reason)
        insertFile.bind(11, risk.risk(of: findings).rawValue)
        insertFile.bind(12, Int64(findings.count))
        insertFile.bind(13, parent)
        insertFile.bind(14, entry.department)
        insertFile.bind(15, file.uid.map(Int64.init))
        insertFile.bind(16, file.gid.map(Int64.init))
        insertFile.bind(17, owners.userName(file.uid))
        insertFile.bind(18, owners.groupName(file.gid))
        insertFile.bind(19, file.ctime)
        insertFile.bind(20, file.atime)
        insertFile.bind(21, parent == nil ? entry.contentHash : nil)
        let ocr = parent == nil ? entry.result.ocr : OCRCounts()
        insertFile.bind(22, Int64(ocr.pages))
        insertFile.bind(23, Int64(ocr.skipped))
        insertFile.bind(24, Int64(ocr.unreadable))
        try insertFile.run()
        return db.lastInsertID
    }

    private func write(_ finding: Finding, fileID: Int64) throws(ReportError) {
        insertFinding.bind(1, scanID)
        insertFinding.bind(2, fileID)
        insertFinding.bind(3, finding.member.isEmpty ? nil : finding.member.joined(separator: "!"))
        insertFinding.bind(4, finding.category.rawValue)
        insertFinding.bind(5, storeValues ? finding.value : nil)
        insertFinding.bind(6, finding.masked)
        insertFinding.bind(7, hasher.hash(finding.normalized))
        insertFinding.bind(8, finding.confidence)
        insertFinding.bind(9, finding.level.rawValue)
        insertFinding.bind(10, JSONText.location(finding.location))
        insertFinding.bind(11, finding.rule)
        insertFinding.bind(12, JSONText.evidence(finding.evidence))
        try insertFinding.run()
    }

    /// Totals over the file rows valid in this scan.
    private func computeTotals() throws(ReportError) -> ScanTotals {
        let statement = try db.prepare("""
            SELECT sum(parent_id IS NULL), sum(status = 'scanned'), sum(status = 'skipped'), sum(status = 'failed'),
                   sum(CASE WHEN parent_id IS NULL THEN findings ELSE 0 END),
                   sum(CASE WHEN status = 'scanned' THEN size ELSE 0 END),
                   sum(parent_id IS NULL AND scan_id = ?1), sum(parent_id IS NULL AND scan_id < ?1),
                   sum(parent_id IS NULL AND risk = 'high'), sum(parent_id IS NULL AND risk = 'medium'),
                   sum(parent_id IS NULL AND findings > 0)
            FROM files NOT INDEXED WHERE scan_id <= ?1 AND (ended_scan IS NULL OR ended_scan > ?1)
            """)
        statement.bind(1, scanID)
        var totals = ScanTotals()
        if try statement.step() {
            totals.files = Int(statement.int(0))
            totals.scanned = Int(statement.int(1))
            totals.skipped = Int(statement.int(2))
            totals.failed = Int(statement.int(3))
            totals.findings = Int(statement.int(4))
            totals.bytes = statement.int(5)
            totals.new = Int(statement.int(6))
            totals.unchanged = Int(statement.int(7))
            totals.highRisk = Int(statement.int(8))
            totals.mediumRisk = Int(statement.int(9))
            totals.withFindings = Int(statement.int(10))
        }
        totals.removed = Int(try db.scalar("""
            SELECT count(*) FROM files WHERE ended_scan = \(scanID) AND ended_reason = 'removed' AND parent_id IS NULL
            """) ?? 0)
        let problems = try db.prepare("""
            SELECT status, reason FROM files NOT INDEXED
            WHERE scan_id <= ?1 AND (ended_scan IS NULL OR ended_scan > ?1) AND parent_id IS NULL AND status <> 'scanned'
            """)
        problems.bind(1, scanID)
        while try problems.step() {
            totals.problems[ScanTotals.problemKind(status: problems.text(0) ?? "", reason: problems.text(1)), default: 0] += 1
        }
        return totals
    }

    private static func insertScan(_ db: SQLiteDatabase, info: ScanInfo) throws(ReportError) -> Int64 {
        let statement = try db.prepare("""
            INSERT INTO scans (started_at, roots, options, tool_version, store_values, profile) VALUES (?, ?, ?, ?, ?, ?)
            """)
        statement.bind(1, Timestamp.now())
        statement.bind(2, JSONText.array(info.roots.map(JSONText.string)))
        statement.bind(3, JSONText.object(info.options.map { ($0.0, JSONText.string($0.1)) }))
        statement.bind(4, info.toolVersion)
        statement.bind(5, Int64(info.storeValues ? 1 : 0))
        statement.bind(6, info.profile)
        try statement.run()
        return db.lastInsertID
    }

    /// The latest scan, if it did not complete, marked running again; its recorded roots.
    private static func reopenScan(_ db: SQLiteDatabase, path: String) throws(ReportError) -> (Int64, [String]) {
        let statement = try db.prepare("SELECT id, status, roots FROM scans ORDER BY id DESC LIMIT 1")
        guard try statement.step() else { throw ReportError.nothingToResume(path: path, status: nil) }
        let id = statement.int(0)
        let status = statement.text(1) ?? ""
        guard status == "running" || status == "interrupted" else {
            throw ReportError.nothingToResume(path: path, status: status)
        }
        let roots = JSONText.parseStringArray(statement.text(2) ?? "[]")
        try db.execute("UPDATE scans SET status = 'running', finished_at = NULL, resumes = resumes + 1 WHERE id = \(id)")
        return (id, roots)
    }

    /// Folds `<report>.crashes` into the `crashes` table; returns every recorded crash.
    private static func absorbCrashLog(_ db: SQLiteDatabase, path: String, scanID: Int64) throws(ReportError)
        -> [String: (size: Int64, mtime: Double, count: Int)] {
        let entries = CrashLog.drain(path: path)
        if !entries.isEmpty {
            let upsert = try db.prepare("""
                INSERT INTO crashes (root, path, size, mtime, count, last_scan) VALUES (?1, ?2, ?3, ?4, 1, ?5)
                ON CONFLICT (root, path) DO UPDATE SET
                    count = CASE WHEN size = ?3 AND mtime = ?4 THEN count + 1 ELSE 1 END,
                    size = ?3, mtime = ?4, last_scan = ?5
                """)
            for entry in entries {
                upsert.bind(1, entry.root)
                upsert.bind(2, entry.path)
                upsert.bind(3, entry.size)
                upsert.bind(4, entry.mtime)
                upsert.bind(5, scanID)
                try upsert.run()
            }
        }
        var crashes: [String: (size: Int64, mtime: Double, count: Int)] = [:]
        let statement = try db.prepare("SELECT root, path, size, mtime, count FROM crashes")
        while try statement.step() {
            crashes[KnownFiles.key(root: statement.text(0) ?? "", path: statement.text(1) ?? "")] =
                (statement.int(2), statement.double(3), Int(statement.int(4)))
        }
        return crashes
    }
}
