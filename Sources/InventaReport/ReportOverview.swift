import Foundation

/// The headline facts of one scan, for the HTML report and the XLSX summary sheet.
public struct ReportOverview: Sendable {
    public var scanID: Int64
    public var status: String
    public var startedAt: String
    public var finishedAt: String?
    public var roots: [String]
    public var storeValues: Bool
    public var files = 0
    public var withPersonalData = 0
    public var highRisk = 0
    public var problems = 0
    public var findings = 0
    public var retentionFiveYears = 0
    public var categories: [(name: String, count: Int)] = []
    public var departments: [(name: String, withPersonalData: Int, highRisk: Int)] = []
}

extension ReportReader {
    public func overview(now: Double = Date().timeIntervalSince1970) throws(ReportError) -> ReportOverview {
        let scan = try db.prepare("SELECT status, started_at, finished_at, roots, store_values FROM scans WHERE id = ?")
        scan.bind(1, scanID)
        guard try scan.step() else { throw ReportError.noScan(path: path) }
        var overview = ReportOverview(scanID: scanID, status: scan.text(0) ?? "", startedAt: scan.text(1) ?? "",
                                      finishedAt: scan.text(2), roots: JSONText.parseStringArray(scan.text(3) ?? "[]"),
                                      storeValues: scan.int(4) != 0)
        let valid = "f.scan_id <= \(scanID) AND (f.ended_scan IS NULL OR f.ended_scan > \(scanID))"
        let totals = try db.prepare("""
            SELECT sum(parent_id IS NULL), sum(parent_id IS NULL AND findings > 0), sum(parent_id IS NULL AND risk = 'high'),
                   sum(status <> 'scanned' OR reason IS NOT NULL), sum(CASE WHEN parent_id IS NULL THEN findings ELSE 0 END),
                   sum(parent_id IS NULL AND findings > 0 AND mtime < ?)
            FROM files f WHERE \(valid)
            """)
        totals.bind(1, now - 5 * 365.25 * 86400)
        if try totals.step() {
            overview.files = Int(totals.int(0))
            overview.withPersonalData = Int(totals.int(1))
            overview.highRisk = Int(totals.int(2))
            overview.problems = Int(totals.int(3))
            overview.findings = Int(totals.int(4))
            overview.retentionFiveYears = Int(totals.int(5))
        }
        let categories = try db.prepare("""
            SELECT x.category, count(*) FROM findings x JOIN files f ON f.id = x.file_id WHERE \(valid)
            GROUP BY x.category ORDER BY count(*) DESC, x.category
            """)
        while try categories.step() { overview.categories.append((categories.text(0) ?? "", Int(categories.int(1)))) }
        let departments = try db.prepare("""
            SELECT department, sum(findings > 0), sum(risk = 'high') FROM files f WHERE \(valid) AND parent_id IS NULL
            GROUP BY department ORDER BY sum(findings > 0) DESC, department
            """)
        while try departments.step() {
            overview.departments.append((departments.text(0) ?? "", Int(departments.int(1)), Int(departments.int(2))))
        }
        return overview
    }
}
