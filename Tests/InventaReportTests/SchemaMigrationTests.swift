import Foundation
import Testing
@testable import InventaReport

/// A report written by schema v1 (two scans, a container member, findings) opens in
/// this Inventa: nothing is lost, and each v1 scan still shows exactly its own rows.
@Suite struct SchemaMigrationTests {
    static func makeV1Report() throws -> String {
        let path = NSTemporaryDirectory() + "inventa-v1-\(UUID().uuidString).sqlite"
        let db = try SQLiteDatabase(path: path)
        try db.execute(Schema.migrations[0])
        try db.execute("PRAGMA user_version = 1")
        try db.execute("""
            INSERT INTO scans (id, started_at, finished_at, status, roots, options, tool_version, store_values, files_total)
            VALUES (1, '2025-01-01T00:00:00Z', '2025-01-01T00:01:00Z', 'completed', '["/srv"]', '{}', '0.1.0', 0, 2),
                   (2, '2025-02-01T00:00:00Z', '2025-02-01T00:01:00Z', 'completed', '["/srv"]', '{}', '0.1.0', 0, 1);
            INSERT INTO files (id, scan_id, root, path, size, mtime, device, inode, format, status, reason, risk, findings)
            VALUES (1, 1, '/srv', 'a.zip', 100, 1000, 1, 11, 'zip', 'scanned', NULL, 'medium', 1),
                   (2, 1, '/srv', 'a.zip!b.txt', 10, 1000, 1, 11, 'text', 'scanned', NULL, 'medium', 1),
                   (3, 1, '/srv', 'old.txt', 5, 900, 1, 12, 'text', 'failed', 'unreadable', 'none', 0),
                   (4, 2, '/srv', 'a.zip', 100, 1000, 1, 11, 'zip', 'scanned', NULL, 'medium', 1);
            INSERT INTO findings (scan_id, file_id, member, category, value, masked, value_hash, confidence, level, location, rule, evidence)
            VALUES (1, 2, 'b.txt', 'personnummer', NULL, '900101-****', 'h1', 0.9, 'high', '{"line":1}', 'pnr', '{}'),
                   (2, 4, NULL, 'personnummer', NULL, '900101-****', 'h1', 0.9, 'high', '{"line":1}', 'pnr', '{}');
            """)
        return path
    }

    @Test func v1ReportIsMigratedAndKeepsItsData() throws {
        let path = try Self.makeV1Report()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let scan1 = try ReportReader(path: path, scanID: 1)
        #expect(try scan1.files().rows.map { $0[0] } == [.text("a.zip"), .text("a.zip!b.txt"), .text("old.txt")])
        #expect(try scan1.findings().rows.count == 1)
        let latest = try ReportReader(path: path)
        #expect(latest.scanID == 2)
        #expect(try latest.files().rows.map { $0[0] } == [.text("a.zip")])
        let db = try SQLiteDatabase(path: path, readOnly: true)
        #expect(try db.scalar("PRAGMA user_version") == Int64(Schema.currentVersion))
        #expect(try db.scalar("SELECT count(*) FROM files") == 4)
        #expect(try db.scalar("SELECT count(*) FROM findings") == 2)
        #expect(try db.scalar("SELECT parent_id FROM files WHERE id = 2") == 1)
        #expect(try db.scalar("SELECT ended_scan FROM files WHERE id = 3") == 2)
        #expect(try db.scalar("SELECT count(*) FROM files WHERE ended_scan IS NULL") == 1)
        #expect(try db.scalar("SELECT count(*) FROM current_findings") == 1)
        #expect(try db.scalar("SELECT files FROM department_summary WHERE department = 'Okänd'") == 1)
        #expect(try db.scalar("SELECT count(*) FROM problems") == 0)
        #expect(try db.scalar("SELECT count(*) FROM retention_candidates") == 1)
        // v3: the OCR counts start at 0 for rows written before OCR existed.
        #expect(try db.scalar("SELECT sum(ocr_pages + ocr_skipped + ocr_unreadable) FROM files") == 0)
        #expect(try db.scalar("SELECT count(ocr_unreadable) FROM problems") == 0)
    }

    @Test func newerSchemaIsRefused() throws {
        let path = try Self.makeV1Report()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try SQLiteDatabase(path: path).execute("PRAGMA user_version = 99")
        #expect(throws: ReportError.self) { try ReportReader(path: path) }
    }
}
