import Foundation
import InventaModel

/// The single writer of a report: owns the SQLite connection on its own thread and
/// batches inserts in transactions. Workers never touch SQLite; they `submit` results,
/// and a bounded inbox makes them wait when the writer falls behind.
///
/// Privacy: a finding's cleartext value is stored only when the scan runs with
/// `storeValues` (meant for synthetic corpora); otherwise only its mask and its
/// keyed hash are written. The report file is created mode 0600.
///
/// Durability: WAL journal, one transaction per batch, totals on the scan row updated
/// with every batch, so a killed scan leaves a consistent report of committed work.
public final class ReportWriter: @unchecked Sendable {
    public let path: String
    public let scanID: Int64
    private let db: SQLiteDatabase
    private let hasher: KeyedHasher
    private let storeValues: Bool
    private let risk: RiskPolicy
    private let inbox = BoundedQueue<FileResult>(capacity: 512)
    private let done = DispatchSemaphore(value: 0)
    private var totals = ScanTotals()
    private var failure: ReportError?
    private let insertFile: Statement
    private let insertFinding: Statement
    private let updateTotals: Statement

    public init(path: String, hasher: KeyedHasher, info: ScanInfo, risk: RiskPolicy = RiskPolicy()) throws(ReportError) {
        self.path = path
        self.hasher = hasher
        self.storeValues = info.storeValues
        self.risk = risk
        db = try SQLiteDatabase(path: path)
        try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
        try Schema.migrate(db)
        scanID = try ReportWriter.insertScan(db, info: info)
        insertFile = try db.prepare("""
            INSERT INTO files (scan_id, root, path, size, mtime, device, inode, format, status, reason, risk, findings)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertFinding = try db.prepare("""
            INSERT INTO findings (scan_id, file_id, member, category, value, masked, value_hash, confidence, level,
                                  location, rule, evidence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        updateTotals = try db.prepare("""
            UPDATE scans SET files_total = ?, files_scanned = ?, files_skipped = ?, files_failed = ?, findings = ?, bytes = ?
            WHERE id = ?
            """)
        let thread = Thread { [self] in
            run()
            done.signal()
        }
        thread.start()
    }

    /// Queues one file's result for writing; waits while the inbox is full.
    public func submit(_ result: FileResult) {
        inbox.push(result)
    }

    /// Writes what is queued, marks the scan `completed` (or `interrupted`) and returns its totals.
    public func finish(interrupted: Bool = false) throws(ReportError) -> ScanTotals {
        inbox.close()
        done.wait()
        if let failure { throw failure }
        let status = interrupted ? "interrupted" : "completed"
        try db.execute("UPDATE scans SET finished_at = '\(Timestamp.now())', status = '\(status)' WHERE id = \(scanID)")
        try? db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return totals
    }

    /// The first write error, if any: the scan should stop, because nothing more can be recorded.
    public var hasFailed: Bool { failure != nil }

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
                try saveTotals()
                try db.execute("COMMIT")
            } catch {
                try? db.execute("ROLLBACK")
                failure = error
                inbox.close()
                while inbox.pop() != nil {}
                return
            }
        }
    }

    private func write(_ result: FileResult) throws(ReportError) {
        let byMember = Dictionary(grouping: result.findings, by: \.member)
        let fileID = try insertRow(file: result.file, path: result.file.relativePath, size: result.file.size,
                                   format: result.format, outcome: result.outcome, findings: result.findings)
        var rowIDs: [[String]: Int64] = [[]: fileID]
        for member in result.members {
            let own = byMember[member.member] ?? []
            rowIDs[member.member] = try insertRow(file: result.file, path: member.path(in: result.file.relativePath),
                                                  size: member.size, format: member.format, outcome: member.outcome,
                                                  findings: own)
            count(member.outcome, findings: 0, bytes: member.size)
        }
        for finding in result.findings { try write(finding, fileID: rowIDs[finding.member] ?? fileID) }
        totals.files += 1
        count(result.outcome, findings: result.findings.count, bytes: result.file.size)
    }

    /// Inserts one row of `files`; a container's row counts and rates all findings in it.
    private func insertRow(file: FileRef, path: String, size: Int64, format: FileFormat?, outcome: Outcome,
                           findings: [Finding]) throws(ReportError) -> Int64 {
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

    private func count(_ outcome: Outcome, findings: Int, bytes: Int64) {
        switch outcome {
        case .scanned, .partial:
            totals.scanned += 1
            totals.bytes += bytes
        case .skipped: totals.skipped += 1
        case .failed: totals.failed += 1
        }
        totals.findings += findings
    }

    private func saveTotals() throws(ReportError) {
        updateTotals.bind(1, Int64(totals.files))
        updateTotals.bind(2, Int64(totals.scanned))
        updateTotals.bind(3, Int64(totals.skipped))
        updateTotals.bind(4, Int64(totals.failed))
        updateTotals.bind(5, Int64(totals.findings))
        updateTotals.bind(6, totals.bytes)
        updateTotals.bind(7, scanID)
        try updateTotals.run()
    }

    private static func insertScan(_ db: SQLiteDatabase, info: ScanInfo) throws(ReportError) -> Int64 {
        let statement = try db.prepare("""
            INSERT INTO scans (started_at, roots, options, tool_version, store_values) VALUES (?, ?, ?, ?, ?)
            """)
        statement.bind(1, Timestamp.now())
        statement.bind(2, JSONText.array(info.roots.map(JSONText.string)))
        statement.bind(3, JSONText.object(info.options.map { ($0.0, JSONText.string($0.1)) }))
        statement.bind(4, info.toolVersion)
        statement.bind(5, Int64(info.storeValues ? 1 : 0))
        try statement.run()
        return db.lastInsertID
    }
}
