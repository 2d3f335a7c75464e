import Foundation
import InventaCrawl
import InventaDetection
import InventaExtraction
import InventaModel
import InventaPipeline
import InventaReport
import Testing

/// The whole path crawl → extract → detect → report on temporary trees, checked by
/// reading the report back, and by reading the raw database bytes for cleartext.
@Suite struct ScanPipelineTests {
    final class Workspace {
        let directory: String
        var tree: String { directory + "/tree" }
        var report: String { directory + "/report.sqlite" }
        var key: String { directory + "/keys/hmac.key" }

        init() throws {
            directory = NSTemporaryDirectory() + "inventa-pipeline-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: directory + "/tree", withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(atPath: directory) }

        func write(_ relative: String, _ text: String) throws {
            let path = tree + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        }

        func scan(storeValues: Bool = false, limits: ExtractionLimits = ExtractionLimits(), runDetectors: Bool = true) throws -> ScanSummary {
            var options = ScanOptions(roots: [tree], policy: CrawlPolicy(jobs: 2), reportPath: report, keyPath: key,
                                      storeValues: storeValues, limits: limits)
            options.runDetectors = runDetectors
            return try ScanPipeline(options: options, detection: BundledDetection.detection).run(toolVersion: "test")
        }

        /// Every byte SQLite wrote: the database, its WAL and shared memory.
        func rawReport() -> Data {
            ["", "-wal", "-shm"].compactMap { FileManager.default.contents(atPath: report + $0) }.reduce(Data(), +)
        }
    }

    static let number = "830404-2388"
    static let spellings = ["830404-2388", "8304042388", "198304042388", "19830404-2388"]

    @Test func noCleartextWithoutStoreValues() throws {
        let workspace = try Workspace()
        try workspace.write("klient.txt", "Personnummer: \(Self.number)\nÄven 19830404-2388.\n")
        let summary = try workspace.scan()
        #expect(summary.totals.findings == 2)
        let raw = workspace.rawReport()
        for spelling in Self.spellings {
            #expect(raw.range(of: Data(spelling.utf8)) == nil, "cleartext \(spelling) in the report file")
        }
        let findings = try ReportReader(path: workspace.report).findings()
        #expect(findings.rows.allSatisfy { $0[2] == .text(nil) })
        #expect(findings.rows.map { $0[3] } == [.text("830404-****"), .text("19830404-****")])
    }

    @Test func cleartextOnlyWithStoreValues() throws {
        let workspace = try Workspace()
        try workspace.write("klient.txt", "Personnummer: \(Self.number)\n")
        _ = try workspace.scan(storeValues: true)
        #expect(workspace.rawReport().range(of: Data(Self.number.utf8)) != nil)
        let findings = try ReportReader(path: workspace.report).findings()
        #expect(findings.rows.first?[2] == .text(Self.number))
    }

    @Test func reportAndKeyAreOwnerOnly() throws {
        let workspace = try Workspace()
        try workspace.write("a.txt", "pnr \(Self.number)")
        _ = try workspace.scan()
        for path in [workspace.report, workspace.key, workspace.report + "-wal", workspace.report + "-shm"]
        where FileManager.default.fileExists(atPath: path) {
            let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
            #expect(mode == 0o600, "\(path) has mode \(String(mode, radix: 8))")
        }
    }

    /// A report (and its side files) left readable by others — by hand, or by an older tool —
    /// is tightened to 0600 by the next scan, which says so.
    @Test func aWideExistingReportEndsOwnerOnly() throws {
        let workspace = try Workspace()
        try workspace.write("a.txt", "pnr \(Self.number)")
        _ = try workspace.scan()
        let crashes = workspace.report + ".crashes"
        #expect(FileManager.default.createFile(atPath: crashes, contents: nil))
        for path in [workspace.report, crashes] { #expect(chmod(path, 0o644) == 0) }
        let summary = try workspace.scan()
        for path in [workspace.report, crashes, workspace.report + "-wal", workspace.report + "-shm"]
        where FileManager.default.fileExists(atPath: path) {
            let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
            #expect(mode == 0o600, "\(path) has mode \(String(mode, radix: 8))")
        }
        #expect(summary.notices == ["\(workspace.report) was readable by others (mode 644); tightened to 600",
                                    "\(crashes) was readable by others (mode 644); tightened to 600"])
    }

    /// Someone who can write to the report's folder plants a link at one of the report's names,
    /// pointing at a file the scan (often root) may write. The scan is refused with one line
    /// naming the link, and the target is neither truncated, filled nor re-moded.
    @Test("A link at one of the report's names is refused, not followed",
          arguments: ["", "-wal", "-shm", "-journal", ".crashes", ".lock"])
    func plantedLinksAreRefused(suffix: String) throws {
        let workspace = try Workspace()
        try workspace.write("a.txt", "pnr \(Self.number)")
        if !suffix.isEmpty { _ = try workspace.scan() }
        let target = workspace.directory + "/victim.conf"
        try "keep me\n".write(toFile: target, atomically: false, encoding: .utf8)
        #expect(chmod(target, 0o644) == 0)
        unlink(workspace.report + suffix) // a WAL or crash log the first scan left
        #expect(symlink(target, workspace.report + suffix) == 0)
        do {
            _ = try workspace.scan()
            Issue.record("a scan wrote through a link at \(workspace.report + suffix)")
        } catch let error as ScanError {
            #expect(error.description == "refusing to write \(workspace.report + suffix): it is a symbolic link; remove it "
                    + "(a report's files are never written through links), or pass --report with another path")
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me\n")
        let mode = try #require(FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int)
        #expect(mode == 0o644)
    }

    /// The layer under the start check: a link that appears at the report's own name after it
    /// is refused by the open itself (O_NOFOLLOW / SQLITE_OPEN_NOFOLLOW).
    @Test func theReportOpenItselfRefusesALink() throws {
        let workspace = try Workspace()
        let target = workspace.directory + "/victim.sqlite"
        #expect(FileManager.default.createFile(atPath: target, contents: nil))
        #expect(symlink(target, workspace.report) == 0)
        let hasher = try KeyedHasher.loadOrCreate(path: workspace.key)
        #expect(throws: ReportError.self) {
            _ = try ReportWriter(path: workspace.report, hasher: hasher, info: ScanInfo(roots: [workspace.tree], options: [], toolVersion: "test", storeValues: false))
        }
        #expect(FileManager.default.contents(atPath: target) == Data(), "nothing written through the link")
    }

    @Test func sameNumberHashesTheSameInEveryWrittenForm() throws {
        let workspace = try Workspace()
        try workspace.write("a.txt", Self.spellings.joined(separator: "\n"))
        _ = try workspace.scan()
        let output = OutputFormat.jsonl.render(try ReportReader(path: workspace.report).findings())
        #expect(output.split(separator: "\n").count == 4)
        let hasher = try KeyedHasher.loadOrCreate(path: workspace.key)
        #expect(hasher.hash("198304042388") == hasher.hash("198304042388"))
    }

    @Test func valueAcrossAChunkEdgeIsFoundOnce() throws {
        let workspace = try Workspace()
        // With 64-byte chunks the number straddles the first edge (bytes 58–69).
        let text = String(repeating: "x", count: 58) + " " + Self.number + " " + String(repeating: "y", count: 200)
        try workspace.write("edge.txt", text)
        let summary = try workspace.scan(limits: ExtractionLimits(chunkSize: 64, chunkOverlap: 32))
        #expect(summary.totals.findings == 1)
    }

    @Test func everyPathEndsWithAnOutcome() throws {
        let workspace = try Workspace()
        try workspace.write("a.txt", "pnr \(Self.number)")
        try workspace.write("b/c.bin", String(repeating: "\u{0}", count: 64))
        try workspace.write(".dold.txt", "x")
        let summary = try workspace.scan()
        #expect(summary.totals.files == 3)
        let files = try ReportReader(path: workspace.report).files()
        let statuses = Dictionary(uniqueKeysWithValues: files.rows.map { ($0[0], $0[2]) })
        #expect(statuses[.text("a.txt")] == .text("scanned"))
        #expect(statuses[.text("b/c.bin")] == .text("scanned")) // unknown binary: the strings pass read it (decision 0213)
        #expect(statuses[.text(".dold.txt")] == .text("skipped"))
    }

    /// The benchmark diagnostic extracts and records every file but runs no detector.
    @Test func diagnosticScanWithoutDetectionRecordsFilesButNoFindings() throws {
        let workspace = try Workspace()
        try workspace.write("a.txt", "pnr \(Self.number)")
        let summary = try workspace.scan(runDetectors: false)
        #expect(summary.totals.files == 1)
        #expect(summary.totals.findings == 0)
        #expect(summary.textBytes > 0)
        let files = try ReportReader(path: workspace.report).files()
        #expect(files.rows.map { $0[2] } == [.text("scanned")])
    }

    @Test func aSecondScanAddsHistory() throws {
        let workspace = try Workspace()
        try workspace.write("a.txt", "pnr \(Self.number)")
        let first = try workspace.scan()
        let second = try workspace.scan()
        #expect(second.scanID == first.scanID + 1)
        #expect(try ReportReader(path: workspace.report, scanID: first.scanID).findings().rows.count == 1)
    }
}
