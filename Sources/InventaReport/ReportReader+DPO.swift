import Foundation

/// The DPO's questions, answered from the file rows valid in the chosen scan:
/// per department, problems, retention candidates, what changed between two scans,
/// and where one data subject occurs. Masked values only; nothing here reads `value`.
extension ReportReader {
    private var valid: String { "f.scan_id <= \(scanID) AND (f.ended_scan IS NULL OR f.ended_scan > \(scanID))" }

    /// Files (and container members) matching `filter`, with department, owner and modification time.
    public func files(filter: FileFilter, now: Double = Date().timeIntervalSince1970) throws(ReportError) -> ReportTable {
        // `counts` (category → findings) is part of the JSON Lines contract (README).
        var table = ReportTable(columns: ["department", "root", "path", "format", "status", "reason", "risk", "findings",
                                          "counts", "size", "owner", "modified"])
        let (conditions, values) = filter.sql(now: now)
        let statement = try db.prepare("""
            SELECT f.department, f.root, f.path, f.format, f.status, f.reason, f.risk, f.findings,
                   (SELECT group_concat(category || '=' || n, ' ') FROM
                       (SELECT category, count(*) AS n FROM findings x WHERE x.file_id = f.id GROUP BY category ORDER BY category)),
                   f.size, f.owner, f.mtime,
                   (SELECT json_group_object(category, n) FROM
                       (SELECT category, count(*) AS n FROM findings x WHERE x.file_id = f.id GROUP BY category ORDER BY category))
            FROM files f WHERE \(([valid] + conditions).joined(separator: " AND "))
            ORDER BY f.department, f.root, f.path
            """)
        for (index, value) in values.enumerated() { statement.bind(Int32(index + 1), value) }
        while try statement.step() {
            table.rows.append([.text(statement.text(0)), .text(statement.text(1)), .text(statement.text(2)),
                               .text(statement.text(3)), .text(statement.text(4)), .text(statement.text(5)),
                               .text(statement.text(6)), .integer(statement.int(7)),
                               .json(statement.text(12) ?? "{}", display: statement.text(8) ?? ""),
                               .integer(statement.int(9)), .text(statement.text(10)),
                               .text(Timestamp.format(seconds: statement.double(11)))])
        }
        return table
    }

    /// Per department: files, files with personal data, high-risk files, problems, bytes,
    /// the oldest file with personal data, and findings per category.
    public func departments() throws(ReportError) -> ReportTable {
        var table = ReportTable(columns: ["department", "files", "with_personal_data", "high_risk", "medium_risk",
                                          "problems", "bytes", "oldest_with_personal_data", "categories"])
        let statement = try db.prepare("""
            SELECT f.department, count(*), sum(f.findings > 0), sum(f.risk = 'high'), sum(f.risk = 'medium'),
                   sum(f.status <> 'scanned'), sum(f.size), min(CASE WHEN f.findings > 0 THEN f.mtime END)
            FROM files f WHERE \(valid) AND f.parent_id IS NULL
            GROUP BY f.department ORDER BY sum(f.risk = 'high') DESC, sum(f.findings > 0) DESC, f.department
            """)
        let categories = try db.prepare("""
            SELECT x.category, count(*) FROM findings x JOIN files f ON f.id = x.file_id
            WHERE \(valid) AND f.department = ? GROUP BY x.category ORDER BY count(*) DESC, x.category
            """)
        while try statement.step() {
            let department = statement.text(0) ?? ""
            categories.bind(1, department)
            var pairs: [(String, Int64)] = []
            while try categories.step() { pairs.append((categories.text(0) ?? "", categories.int(1))) }
            categories.reset()
            let oldest = statement.isNull(7) ? nil : Timestamp.format(seconds: statement.double(7))
            table.rows.append([.text(department), .integer(statement.int(1)), .integer(statement.int(2)),
                               .integer(statement.int(3)), .integer(statement.int(4)), .integer(statement.int(5)),
                               .integer(statement.int(6)), .text(oldest),
                               .json(JSONText.object(pairs.map { ($0.0, String($0.1)) }),
                                     display: pairs.map { "\($0.0)=\($0.1)" }.joined(separator: " "))])
        }
        return table
    }

    /// Everything not fully scanned, and why; also files with OCR pages too poor to trust
    /// (scanned, but their findings may be incomplete). Each row carries the file's OCR page
    /// counts; the table's footnote (terminal only) gives the scan's OCR totals.
    public func problems() throws(ReportError) -> ReportTable {
        var table = ReportTable(columns: ["department", "root", "path", "status", "reason",
                                          "ocr_pages", "ocr_skipped", "ocr_unreadable"])
        let statement = try db.prepare("""
            SELECT f.department, f.root, f.path, f.status, f.reason, f.ocr_pages, f.ocr_skipped, f.ocr_unreadable
            FROM files f WHERE \(valid) AND (f.status <> 'scanned' OR f.reason IS NOT NULL OR f.ocr_unreadable > 0)
            ORDER BY f.status, f.reason, f.path
            """)
        while try statement.step() {
            let unreadable = statement.int(7)
            let reason = statement.text(4)
                ?? "ocr: \(unreadable) page(s) too poor to trust: read it by hand or rescan the paper more clearly"
            table.rows.append([.text(statement.text(0)), .text(statement.text(1)), .text(statement.text(2)),
                               .text(statement.text(3)), .text(reason), .integer(statement.int(5)),
                               .integer(statement.int(6)), .integer(unreadable)])
        }
        let totals = try db.prepare(ReportReader.ocrTotals(valid: valid))
        var counts: [Int64] = []
        while try totals.step() { counts.append(totals.int(1)) }
        if counts.count == 5, counts.contains(where: { $0 > 0 }) {
            table.footnote = "OCR: \(counts[0]) page(s) read in \(counts[3]) file(s), \(counts[1]) not read (budget), "
                + "\(counts[2]) too poor to trust; \(counts[4]) file(s) need OCR (needs_ocr: scanned with --no-ocr or without language data)"
        }
        return table
    }

    /// Files with personal data not modified for `olderThan` seconds (gallring), oldest first.
    public func retention(olderThan: Double, filter: FileFilter = FileFilter(),
                          now: Double = Date().timeIntervalSince1970) throws(ReportError) -> ReportTable {
        var table = ReportTable(columns: ["department", "root", "path", "modified", "age_years", "risk", "findings", "owner"])
        var filter = filter
        filter.olderThan = olderThan
        filter.withFindings = true
        let (conditions, values) = filter.sql(now: now)
        let statement = try db.prepare("""
            SELECT f.department, f.root, f.path, f.mtime, f.risk, f.findings, f.owner FROM files f
            WHERE \(([valid, "f.parent_id IS NULL"] + conditions).joined(separator: " AND ")) ORDER BY f.mtime, f.path
            """)
        for (index, value) in values.enumerated() { statement.bind(Int32(index + 1), value) }
        while try statement.step() {
            let mtime = statement.double(3)
            table.rows.append([.text(statement.text(0)), .text(statement.text(1)), .text(statement.text(2)),
                               .text(Timestamp.format(seconds: mtime)),
                               .number(((now - mtime) / (365.25 * 86400) * 10).rounded(.down) / 10),
                               .text(statement.text(4)), .integer(statement.int(5)), .text(statement.text(6))])
        }
        return table
    }

    /// Files with personal data that are new, resolved or changed in this scan compared
    /// with scan `previous` (default: the scan before this one).
    public func diff(from previous: Int64? = nil) throws(ReportError) -> ReportTable {
        var table = ReportTable(columns: ["change", "department", "root", "path", "findings_before", "findings_after",
                                          "risk_before", "risk_after"])
        var from: Int64 = 0
        if let previous { from = previous } else if let before = try db.scalar("SELECT max(id) FROM scans WHERE id < \(scanID)") {
            from = before
        }
        func state(_ scan: Int64) -> String {
            """
            SELECT id, root, path, findings, risk, department FROM files
            WHERE parent_id IS NULL AND scan_id <= \(scan) AND (ended_scan IS NULL OR ended_scan > \(scan))
            """
        }
        let statement = try db.prepare("""
            WITH a AS (\(state(from))), b AS (\(state(scanID)))
            SELECT 'new', b.department, b.root, b.path, coalesce(a.findings, 0), b.findings, a.risk, b.risk
                FROM b LEFT JOIN a ON a.root = b.root AND a.path = b.path
                WHERE b.findings > 0 AND coalesce(a.findings, 0) = 0
            UNION ALL
            SELECT CASE WHEN b.id IS NULL THEN 'resolved (removed)' ELSE 'resolved' END, a.department, a.root, a.path,
                   a.findings, coalesce(b.findings, 0), a.risk, b.risk
                FROM a LEFT JOIN b ON a.root = b.root AND a.path = b.path
                WHERE a.findings > 0 AND coalesce(b.findings, 0) = 0
            UNION ALL
            SELECT 'changed', b.department, b.root, b.path, a.findings, b.findings, a.risk, b.risk
                FROM a JOIN b ON a.root = b.root AND a.path = b.path
                WHERE a.findings > 0 AND b.findings > 0 AND a.id <> b.id AND (a.findings <> b.findings OR a.risk <> b.risk)
            ORDER BY 1, 3, 4
            """)
        while try statement.step() {
            table.rows.append([.text(statement.text(0)), .text(statement.text(1)), .text(statement.text(2)),
                               .text(statement.text(3)), .integer(statement.int(4)), .integer(statement.int(5)),
                               .text(statement.text(6)), .text(statement.text(7))])
        }
        return table
    }

    /// Every place a value with keyed hash `hash` occurs in this scan's files, with
    /// the other categories found in the same file. Masked values only.
    public func subject(hash: String) throws(ReportError) -> ReportTable {
        var table = ReportTable(columns: ["department", "root", "path", "category", "masked", "location", "also_in_file"])
        let statement = try db.prepare("""
            SELECT f.department, f.root, f.path, x.category, x.masked, x.location, f.id
            FROM findings x JOIN files f ON f.id = x.file_id
            WHERE x.value_hash = ? AND \(valid) ORDER BY f.department, f.path, x.id
            """)
        statement.bind(1, hash)
        let others = try db.prepare("""
            SELECT category, count(*) FROM findings WHERE file_id = ? AND value_hash <> ? GROUP BY category ORDER BY category
            """)
        while try statement.step() {
            others.bind(1, statement.int(6))
            others.bind(2, hash)
            var pairs: [(String, Int64)] = []
            while try others.step() { pairs.append((others.text(0) ?? "", others.int(1))) }
            others.reset()
            let location = statement.text(5) ?? "{}"
            table.rows.append([.text(statement.text(0)), .text(statement.text(1)), .text(statement.text(2)),
                               .text(statement.text(3)), .text(statement.text(4)), .json(location, display: ReportReader.describe(location: location)),
                               .json(JSONText.object(pairs.map { ($0.0, String($0.1)) }),
                                     display: pairs.map { "\($0.0)=\($0.1)" }.joined(separator: " "))])
        }
        return table
    }
}
