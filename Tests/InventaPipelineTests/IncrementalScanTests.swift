import Foundation
import Testing
import InventaCrawl
import InventaPipeline
import InventaReport

/// Rescans into the same report: unchanged files are carried forward without being
/// read, changed and new files are scanned, vanished files are marked removed.
@Suite struct IncrementalScanTests {
    /// Skatteverket test numbers (see /work/shared/data/pnr-testdata).
    static let pnr = ["189001019802", "189001029819", "189001039800"]

    final class Tree {
        let dir = NSTemporaryDirectory() + "inventa-incr-\(UUID().uuidString)"
        var root: String { dir + "/tree" }
        var report: String { dir + "/r.sqlite" }

        init() throws {
            try FileManager.default.createDirectory(atPath: root + "/soc", withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(atPath: dir) }

        func write(_ name: String, _ text: String) throws {
            try text.write(toFile: root + "/" + name, atomically: false, encoding: .utf8)
        }

        func scan(verifyContent: Bool = false, full: Bool = false) throws -> ScanSummary {
            var options = ScanOptions(roots: [root], policy: CrawlPolicy(jobs: 2), reportPath: report, keyPath: dir + "/k.key")
            options.verifyContent = verifyContent
            options.incremental = !full
            options.departments = DepartmentMap(rules: [.init(pattern: root + "/soc", department: "Socialförvaltningen")])
            return try ScanPipeline(options: options, detection: BundledDetection.detection).run(toolVersion: "test")
        }

        func files() throws -> [String] {
            try ReportReader(path: report).files().rows.map { row in
                guard case .text(let path) = row[0] else { return "" }
                return path ?? ""
            }
        }
    }

    @Test func unchangedChangedNewAndRemoved() throws {
        let tree = try Tree()
        try tree.write("soc/a.txt", "Klient \(Self.pnr[0])\n")
        try tree.write("b.txt", "Kund \(Self.pnr[1])\n")
        try tree.write("c.txt", "inget\n")
        let first = try tree.scan()
        #expect(first.totals.files == 3 && first.totals.new == 3 && first.totals.findings == 2)

        let second = try tree.scan()
        #expect(second.totals.files == 3 && second.totals.unchanged == 3 && second.totals.new == 0)
        #expect(second.totals.findings == 2, "findings of unchanged files carry forward")

        try tree.write("b.txt", "Kund \(Self.pnr[1]) och \(Self.pnr[2])\n")
        try FileManager.default.removeItem(atPath: tree.root + "/c.txt")
        try tree.write("d.txt", "ny\n")
        let third = try tree.scan()
        #expect(third.totals.files == 3)
        #expect(third.totals.new == 2)
        #expect(third.totals.unchanged == 1)
        #expect(third.totals.removed == 1)
        #expect(third.totals.findings == 3)
        #expect(try tree.files() == ["b.txt", "d.txt", "soc/a.txt"])
        #expect(try ReportReader(path: tree.report, scanID: first.scanID).files().rows.count == 3, "history is kept")
    }

    /// Two roots in one scan; a later scan of one root leaves the other root's files alone.
    @Test func rootsAreKeptApart() throws {
        let tree = try Tree()
        let other = tree.dir + "/other"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        for index in 0..<20 {
            try tree.write("a\(index).txt", "x\(index)\n")
            try "y\(index)\n".write(toFile: other + "/a\(index).txt", atomically: false, encoding: .utf8)
        }
        func scan(_ roots: [String]) throws -> ScanTotals {
            let options = ScanOptions(roots: roots, policy: CrawlPolicy(jobs: 2), reportPath: tree.report, keyPath: tree.dir + "/k.key")
            return try ScanPipeline(options: options, detection: BundledDetection.detection).run(toolVersion: "test").totals
        }
        #expect(try scan([tree.root, other]).new == 40)
        let again = try scan([other, tree.root])
        #expect(again.unchanged == 40 && again.new == 0)
        let one = try scan([other])
        #expect(one.removed == 0, "files of a root not scanned are not removed")
        #expect(one.files == 40 && one.unchanged == 40)
    }

    @Test func fullRescanReadsEverything() throws {
        let tree = try Tree()
        try tree.write("a.txt", "Klient \(Self.pnr[0])\n")
        _ = try tree.scan()
        let again = try tree.scan(full: true)
        #expect(again.totals.new == 1 && again.totals.unchanged == 0 && again.totals.findings == 1)
    }

    /// Same size and mtime, different content: only --verify-content notices.
    @Test func verifyContentCatchesASameSizeEdit() throws {
        let tree = try Tree()
        let path = tree.root + "/a.txt"
        try tree.write("a.txt", "Klient \(Self.pnr[0])\n")
        _ = try tree.scan(verifyContent: true)
        var before = stat()
        #expect(stat(path, &before) == 0)
        // Overwrite in place (same inode and size) and put the exact mtime back.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: Data("Klient \(Self.pnr[1])\n".utf8))
        try handle.close()
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let trusting = try tree.scan()
        #expect(trusting.totals.unchanged == 1)
        let verifying = try tree.scan(verifyContent: true)
        #expect(verifying.totals.new == 1 && verifying.totals.unchanged == 0)
        let again = try tree.scan(verifyContent: true)
        #expect(again.totals.unchanged == 1)
    }

    @Test func departmentsAreRecorded() throws {
        let tree = try Tree()
        try tree.write("soc/a.txt", "Klient \(Self.pnr[0])\n")
        try tree.write("b.txt", "x\n")
        _ = try tree.scan()
        let rows = try ReportReader(path: tree.report).departments().rows
        let names = rows.compactMap { row -> String? in if case .text(let name) = row[0] { return name } else { return nil } }
        #expect(Set(names) == ["Socialförvaltningen", "Okänd"])
    }
}
