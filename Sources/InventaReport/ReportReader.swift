import InventaModel

/// Reads a report for `inventa report …`: the latest scan by default, or a chosen one.
/// A scan's files are the file rows valid in it (`scan_files` view): the ones it
/// (re)scanned and the unchanged ones carried forward. Opens the database read-only;
/// a report written by an older Inventa is first upgraded in place (numbered
/// migrations, one transaction). Values are shown as stored: cleartext only exists
/// for scans run with `--store-values`.
public final class ReportReader {
    public let path: String
    public let scanID: Int64
    let db: SQLiteDatabase

    public init(path: String, scanID: Int64? = nil) throws(ReportError) {
        guard SecureFile.mode(of: path) != nil else {
            throw ReportError.cannotOpen(path: path, message: "no such file (run 'inventa scan PATH --report \(path)' first)")
        }
        self.path = path
        var db = try SQLiteDatabase(path: path, readOnly: true)
        let version = Int(try db.scalar("PRAGMA user_version") ?? 0)
        guard version > 0 else { throw ReportError.notAReport(path: path) }
        guard version <= Schema.currentVersion else { throw ReportError.newerSchema(found: version, supported: Schema.currentVersion) }
        if version < Schema.currentVersion {
            do {
                let writable = try SQLiteDatabase(path: path)
                try Schema.migrate(writable)
            }
            db = try SQLiteDatabase(path: path, readOnly: true)
        }
        self.db = db
        if let scanID {
            self.scanID = scanID
        } else {
            guard let latest = try db.scalar("SELECT max(id) FROM scans"), latest > 0 else { throw ReportError.noScan(path: path) }
            self.scanID = latest
        }
    }

    /// The fingerprint of the key the report's hashes were made with; nil for a report
    /// from before fingerprints were recorded.
    public var keyFingerprint: String? { try? KeyFingerprint.recorded(db) }

    /// Refuses `hasher` when the report was written with another key: a search with it
    /// would silently find nothing.
    public func checkKey(_ hasher: KeyedHasher, keyPath: String) throws(ReportError) {
        try KeyFingerprint.check(db, hasher: hasher, keyPath: keyPath, report: path)
    }

    /// True when the scan ran with `--store-values`: its findings hold cleartext values.
    public var storesValues: Bool {
        (try? db.scalar("SELECT store_values FROM scans WHERE id = \(scanID)")) == 1
    }

    /// One row per file: path, format, status, reason, risk, size and finding counts per category.
    public func files() throws(ReportError) -> ReportTable {
        var table = ReportTable(columns: ["path", "format", "status", "reason", "risk", "size", "counts"])
        let statement = try db.prepare("""
            SELECT id, path, format, status, reason, risk, size FROM files
            WHERE scan_id <= ?1 AND (ended_scan IS NULL OR ended_scan > ?1) ORDER BY path
            """)
        statement.bind(1, scanID)
        let counts = try db.prepare("SELECT category, count(*) FROM findings WHERE file_id = ? GROUP BY category ORDER BY category")
        while try statement.step() {
            counts.bind(1, statement.int(0))
            var pairs: [(String, Int64)] = []
            while try counts.step() { pairs.append((counts.text(0) ?? "", counts.int(1))) }
            counts.reset()
            let json = JSONText.object(pairs.map { ($0.0, String($0.1)) })
            let display = pairs.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
            table.rows.append([.text(statement.text(1)), .text(statement.text(2)), .text(statement.text(3)),
                               .text(statement.text(4)), .text(statement.text(5)), .integer(statement.int(6)),
                               .json(json, display: display)])
        }
        return table
    }

    /// One row per finding; a finding in a container member has the member's path (`a.zip!b.docx`).
    public func findings() throws(ReportError) -> ReportTable {
        var table = ReportTable(columns: ["path", "category", "value", "masked", "confidence", "level", "rule", "location", "evidence"])
        let statement = try db.prepare("""
            SELECT f.path, x.category, x.value, x.masked, x.confidence, x.level, x.rule, x.location, x.evidence
            FROM findings x JOIN files f ON f.id = x.file_id
            WHERE f.scan_id <= ?1 AND (f.ended_scan IS NULL OR f.ended_scan > ?1) ORDER BY f.path, x.id
            """)
        statement.bind(1, scanID)
        while try statement.step() {
            let location = statement.text(7) ?? "{}"
            table.rows.append([.text(statement.text(0)), .text(statement.text(1)), .text(statement.text(2)), .text(statement.text(3)),
                               .number(statement.double(4)), .text(statement.text(5)), .text(statement.text(6)),
                               .json(location, display: ReportReader.describe(location: location)),
                               .json(statement.text(8) ?? "{}", display: "")])
        }
        return table
    }

    /// Totals of the scan: files by status, findings by category and level, files by risk, reasons for problems.
    public func summary() throws(ReportError) -> ReportTable {
        var table = ReportTable(columns: ["section", "key", "count"])
        let scan = try db.prepare("""
            SELECT started_at, coalesce(finished_at, ''), status, roots, files_total, findings, bytes FROM scans WHERE id = ?
            """)
        scan.bind(1, scanID)
        guard try scan.step() else { throw ReportError.noScan(path: path) }
        table.rows.append([.text("scan"), .text("id \(scanID), \(scan.text(2) ?? "") \(scan.text(0) ?? "")–\(scan.text(1) ?? "")"), .integer(scanID)])
        table.rows.append([.text("scan"), .text("bytes scanned"), .integer(scan.int(6))])
        if let fingerprint = keyFingerprint {
            table.rows.append([.text("key"), .text("fingerprint \(KeyedHasher.short(fingerprint))"), .integer(1)])
        }
        let valid = "f.scan_id <= ?1 AND (f.ended_scan IS NULL OR f.ended_scan > ?1)"
        let sections: [(String, String)] = [
            ("status", "SELECT status, count(*) FROM files f WHERE \(valid) GROUP BY status ORDER BY status"),
            ("change", """
                SELECT CASE WHEN scan_id = ?1 THEN 'new or changed' ELSE 'unchanged' END, count(*)
                FROM files f WHERE \(valid) AND parent_id IS NULL GROUP BY 1
                UNION ALL SELECT 'removed', count(*) FROM files WHERE ended_scan = ?1 AND ended_reason = 'removed'
                    AND parent_id IS NULL
                """),
            ("category", "SELECT x.category, count(*) FROM findings x JOIN files f ON f.id = x.file_id WHERE \(valid) GROUP BY x.category ORDER BY count(*) DESC"),
            ("level", "SELECT x.level, count(*) FROM findings x JOIN files f ON f.id = x.file_id WHERE \(valid) GROUP BY x.level ORDER BY x.level"),
            ("risk", "SELECT risk, count(*) FROM files f WHERE \(valid) GROUP BY risk ORDER BY risk"),
            ("department", "SELECT department, count(*) FROM files f WHERE \(valid) AND parent_id IS NULL AND findings > 0 GROUP BY department ORDER BY count(*) DESC"),
            ("format", "SELECT coalesce(format, '-'), count(*) FROM files f WHERE \(valid) AND status = 'scanned' GROUP BY format ORDER BY count(*) DESC"),
            ("problem", "SELECT status || ': ' || reason, count(*) FROM files f WHERE \(valid) AND status <> 'scanned' GROUP BY 1 ORDER BY count(*) DESC LIMIT 20"),
            ("ocr", Self.ocrTotals(valid: valid)),
        ]
        for (section, sql) in sections {
            let statement = try db.prepare(sql)
            statement.bind(1, scanID)
            while try statement.step() {
                table.rows.append([.text(section), .text(statement.text(0)), .integer(statement.int(1))])
            }
        }
        return table
    }

    /// How much was read from scans, and how much of it could not be: pages read by OCR, left
    /// unread by its budget, too poor to trust; files read by OCR; files and members that still
    /// need it (`needs_ocr`: OCR off, or no language data). Always listed, zeros included, so a
    /// DPO sees that scans were looked for. `valid` selects the scan's rows (alias `f`, `?1`).
    static func ocrTotals(valid: String) -> String {
        """
        WITH t AS (SELECT coalesce(sum(ocr_pages), 0) AS pages, coalesce(sum(ocr_skipped), 0) AS skipped,
                          coalesce(sum(ocr_unreadable), 0) AS unreadable, coalesce(sum(ocr_pages > 0), 0) AS files,
                          coalesce(sum(status = 'skipped' AND reason LIKE 'needs_ocr%'), 0) AS needing
                   FROM files f WHERE \(valid))
        SELECT 'pages read', pages FROM t
        UNION ALL SELECT 'pages not read (--max-ocr-pages or timeout)', skipped FROM t
        UNION ALL SELECT 'pages too poor to trust', unreadable FROM t
        UNION ALL SELECT 'files read by OCR', files FROM t
        UNION ALL SELECT 'files needing OCR (needs_ocr)', needing FROM t
        """
    }

    /// `{"line":3}` → `line 3`; `{"sheet":"Blad1","cell":"C7"}` → `sheet Blad1 cell C7`.
    static func describe(location json: String) -> String {
        json.filter { !"{}\"".contains($0) }.replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: ":", with: " ")
    }
}
