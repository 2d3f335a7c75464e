/// The report's SQLite schema as numbered migrations. `PRAGMA user_version` holds
/// the number applied; opening a report applies the missing ones in order inside
/// one transaction, so an older report opens in a newer Inventa. Never edit a
/// migration that has shipped: add the next one. Documented in `docs/report-schema.md`.
enum Schema {
    static let migrations: [String] = [
        // v1: scans, files, findings.
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE scans (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL DEFAULT 'running',
            roots TEXT NOT NULL,
            options TEXT NOT NULL,
            tool_version TEXT NOT NULL,
            store_values INTEGER NOT NULL,
            files_total INTEGER NOT NULL DEFAULT 0,
            files_scanned INTEGER NOT NULL DEFAULT 0,
            files_skipped INTEGER NOT NULL DEFAULT 0,
            files_failed INTEGER NOT NULL DEFAULT 0,
            findings INTEGER NOT NULL DEFAULT 0,
            bytes INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE files (
            id INTEGER PRIMARY KEY,
            scan_id INTEGER NOT NULL REFERENCES scans(id),
            root TEXT NOT NULL,
            path TEXT NOT NULL,
            size INTEGER NOT NULL,
            mtime REAL NOT NULL,
            device INTEGER,
            inode INTEGER,
            format TEXT,
            status TEXT NOT NULL CHECK (status IN ('scanned', 'skipped', 'failed')),
            reason TEXT,
            risk TEXT NOT NULL,
            findings INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX files_by_scan ON files(scan_id, path);
        CREATE TABLE findings (
            id INTEGER PRIMARY KEY,
            scan_id INTEGER NOT NULL REFERENCES scans(id),
            file_id INTEGER NOT NULL REFERENCES files(id),
            member TEXT,
            category TEXT NOT NULL,
            value TEXT,
            masked TEXT NOT NULL,
            value_hash TEXT NOT NULL,
            confidence REAL NOT NULL,
            level TEXT NOT NULL,
            location TEXT NOT NULL,
            rule TEXT NOT NULL,
            evidence TEXT NOT NULL
        );
        CREATE INDEX findings_by_file ON findings(file_id);
        CREATE INDEX findings_by_hash ON findings(value_hash);
        """,
        // v2: incremental and resumable scans, departments, owners, timestamps, views.
        // A file row is one version of a file: produced by `scan_id`, valid until
        // `ended_scan` (NULL: still current) ends it as 'changed', 'removed' or, for v1
        // rows, 'superseded' (every v1 scan held a full copy, valid until the next scan).
        """
        ALTER TABLE scans ADD COLUMN resumes INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE scans ADD COLUMN files_new INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE scans ADD COLUMN files_unchanged INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE scans ADD COLUMN files_removed INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE scans ADD COLUMN profile TEXT;
        ALTER TABLE files ADD COLUMN parent_id INTEGER REFERENCES files(id);
        ALTER TABLE files ADD COLUMN ended_scan INTEGER REFERENCES scans(id);
        ALTER TABLE files ADD COLUMN ended_reason TEXT;
        ALTER TABLE files ADD COLUMN department TEXT NOT NULL DEFAULT 'Okänd';
        ALTER TABLE files ADD COLUMN uid INTEGER;
        ALTER TABLE files ADD COLUMN gid INTEGER;
        ALTER TABLE files ADD COLUMN owner TEXT;
        ALTER TABLE files ADD COLUMN owner_group TEXT;
        ALTER TABLE files ADD COLUMN ctime REAL;
        ALTER TABLE files ADD COLUMN atime REAL;
        ALTER TABLE files ADD COLUMN content_hash TEXT;
        UPDATE files SET parent_id = (
            SELECT p.id FROM files p
            WHERE p.scan_id = files.scan_id AND p.root = files.root
              AND p.path = substr(files.path, 1, instr(files.path, '!') - 1))
        WHERE instr(path, '!') > 0;
        UPDATE files SET ended_scan = (SELECT min(s.id) FROM scans s WHERE s.id > files.scan_id),
                         ended_reason = 'superseded'
        WHERE EXISTS (SELECT 1 FROM scans s WHERE s.id > files.scan_id);
        CREATE INDEX files_current ON files(root, path) WHERE ended_scan IS NULL;
        CREATE INDEX files_by_parent ON files(parent_id) WHERE parent_id IS NOT NULL;
        CREATE INDEX findings_by_scan ON findings(scan_id);
        CREATE TABLE crashes (
            root TEXT NOT NULL,
            path TEXT NOT NULL,
            size INTEGER NOT NULL,
            mtime REAL NOT NULL,
            count INTEGER NOT NULL,
            last_scan INTEGER REFERENCES scans(id),
            PRIMARY KEY (root, path)
        );
        CREATE VIEW scan_files AS
            SELECT s.id AS as_of_scan, f.* FROM scans s
            JOIN files f ON f.scan_id <= s.id AND (f.ended_scan IS NULL OR f.ended_scan > s.id);
        CREATE VIEW current_files AS SELECT * FROM files WHERE ended_scan IS NULL;
        CREATE VIEW current_findings AS
            SELECT x.*, f.root, f.path, f.department, f.risk, f.mtime
            FROM findings x JOIN files f ON f.id = x.file_id WHERE f.ended_scan IS NULL;
        CREATE VIEW department_summary AS
            SELECT f.department,
                   count(*) AS files,
                   sum(f.findings > 0) AS files_with_personal_data,
                   sum(f.risk = 'high') AS high_risk_files,
                   sum(f.risk = 'medium') AS medium_risk_files,
                   sum(f.status <> 'scanned') AS problems,
                   sum(f.size) AS bytes,
                   datetime(min(CASE WHEN f.findings > 0 THEN f.mtime END), 'unixepoch') AS oldest_with_personal_data,
                   (SELECT group_concat(category, ' ') FROM (
                        SELECT DISTINCT c.category FROM current_findings c
                        WHERE c.department = f.department ORDER BY c.category)) AS categories
            FROM current_files f WHERE f.parent_id IS NULL
            GROUP BY f.department;
        CREATE VIEW high_risk_files AS
            SELECT department, root, path, format, owner, datetime(mtime, 'unixepoch') AS modified, findings, scan_id
            FROM current_files WHERE risk = 'high';
        CREATE VIEW retention_candidates AS
            SELECT department, root, path, owner, risk, findings, datetime(mtime, 'unixepoch') AS modified,
                   round((julianday('now') - julianday(mtime, 'unixepoch')) / 365.25, 1) AS age_years
            FROM current_files WHERE findings > 0 AND parent_id IS NULL
            ORDER BY mtime;
        CREATE VIEW problems AS
            SELECT department, root, path, status, reason, size, scan_id
            FROM current_files WHERE status <> 'scanned' OR reason IS NOT NULL;
        """,
        // v3: OCR page counts (issue 17): pages read by OCR, left unread by `--max-ocr-pages` or
        // the timeout, and read but too poor to trust. Only a file's own row carries them (its
        // OCR budget covers all its members together); member rows keep 0. A file with pages
        // too poor to trust is a problem even when it was otherwise scanned.
        """
        ALTER TABLE files ADD COLUMN ocr_pages INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE files ADD COLUMN ocr_skipped INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE files ADD COLUMN ocr_unreadable INTEGER NOT NULL DEFAULT 0;
        DROP VIEW problems;
        CREATE VIEW problems AS
            SELECT department, root, path, status, reason, size, scan_id, ocr_pages, ocr_skipped, ocr_unreadable
            FROM current_files WHERE status <> 'scanned' OR reason IS NOT NULL OR ocr_unreadable > 0;
        """,
    ]

    static var currentVersion: Int { migrations.count }

    /// Brings `db` to the current version; refuses a report written by a newer Inventa.
    static func migrate(_ db: SQLiteDatabase) throws(ReportError) {
        let found = Int(try db.scalar("PRAGMA user_version") ?? 0)
        guard found <= currentVersion else { throw ReportError.newerSchema(found: found, supported: currentVersion) }
        guard found < currentVersion else { return }
        if found == 0, let tables = try db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table'"), tables > 0 {
            throw ReportError.notAReport(path: "this file")
        }
        try db.execute("BEGIN IMMEDIATE")
        do {
            for version in found..<currentVersion {
                try db.execute(migrations[version])
                try db.execute("PRAGMA user_version = \(version + 1)")
            }
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }
}
