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
