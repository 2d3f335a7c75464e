import Foundation
import Testing

/// Issue #18: a scheduled scan never reports success when it failed. Each test runs the
/// real binary against a report that already knows files, as a monthly cron job would.
@Suite(.serialized) struct UnattendedTests {
    static func text(_ pnr: String) -> String { "Ärende\nPersonnummer: \(pnr.prefix(8))-\(pnr.suffix(4))\n" }

    /// A workspace whose tree holds `count` files with one personnummer each, scanned once.
    static func scanned(_ count: Int = 4) throws -> CLI.Workspace {
        let ws = try CLI.Workspace()
        for (index, pnr) in TestNumbers.pnr.prefix(count).enumerated() { try ws.write("d\(index % 2)/f\(index).txt", text(pnr)) }
        let first = try ws.inventa(["scan", "tree", "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        return ws
    }

    static func removedCount(_ ws: CLI.Workspace) throws -> Int {
        try ws.report(["summary"]).first { $0["section"] as? String == "change" && $0["key"] as? String == "removed" }?["count"] as? Int ?? -1
    }

    /// Current file rows (path → status, risk, findings) and findings (path, category, masked, rule).
    static func contents(_ ws: CLI.Workspace, report: String = "r.sqlite") throws -> ([String: String], [String]) {
        func rows(_ section: String) throws -> [[String: Any]] {
            let output = try CLI.run(["report", section, "--report", report, "--format", "jsonl"], in: ws.dir)
            return output.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
        var files: [String: String] = [:]
        for row in try rows("files") {
            files[row["path"] as? String ?? ""] = "\(row["status"] ?? "") \(row["risk"] ?? "") \(row["findings"] ?? "")"
        }
        let findings = try rows("findings").map { "\($0["path"] ?? "") \($0["category"] ?? "") \($0["masked"] ?? "") \($0["rule"] ?? "")" }
        return (files, findings.sorted())
    }

    // MARK: 1. Roots are checked before anything is marked.

    @Test func aMissingRootIsFatalAndMarksNothingRemoved() throws {
        let ws = try Self.scanned()
        try FileManager.default.moveItem(atPath: ws.dir + "/tree", toPath: ws.dir + "/elsewhere")
        let run = try ws.inventa(["scan", "tree", "--quiet"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("root tree does not exist (the last scan found 4 files there)"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "one line")
        #expect(try ws.report(["files"]).count == 4)
        #expect(try Self.removedCount(ws) == 0)
        #expect(try ws.report(["summary"]).contains { ($0["key"] as? String)?.hasPrefix("id 1,") == true }, "no scan row added")
    }

    @Test func aMissingRootOnAFirstScanIsFatalToo() throws {
        let ws = try CLI.Workspace()
        let run = try ws.inventa(["scan", "nonexistent", "--quiet"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("root nonexistent does not exist"))
    }

    @Test func anEmptyRootWhereFilesWereIsFatalUnlessAllowed() throws {
        let ws = try Self.scanned()
        try FileManager.default.removeItem(atPath: ws.dir + "/tree")
        try FileManager.default.createDirectory(atPath: ws.dir + "/tree", withIntermediateDirectories: false)
        let refused = try ws.inventa(["scan", "tree", "--quiet"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "inventa: root tree is empty but the last scan found 4 files there; is the share mounted? (--allow-empty-root to scan anyway)\n")
        #expect(try ws.report(["files"]).count == 4)
        #expect(try Self.removedCount(ws) == 0)

        let allowed = try ws.inventa(["scan", "tree", "--quiet", "--allow-empty-root"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stdout.contains("Files: 0 (0 new or changed, 0 unchanged, 4 removed)"), "\(allowed.stdout)")
    }

    @Test func removingMoreThanTheShareIsRefusedThenResumable() throws {
        let ws = try Self.scanned(4)
        for index in 0..<3 { try FileManager.default.removeItem(atPath: ws.dir + "/tree/d\(index % 2)/f\(index).txt") }
        let refused = try ws.inventa(["scan", "tree", "--quiet"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("3 of 4 known files under tree (75 %) are gone"), "\(refused.stderr)")
        #expect(try Self.removedCount(ws) == 0)
        #expect(try ws.report(["files"]).count == 4, "nothing marked removed")

        let confirmed = try ws.inventa(["scan", "--resume", "--quiet", "--max-removed-share", "1"])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(try ws.report(["files"]).count == 1)
        #expect(try Self.removedCount(ws) == 3)
    }

    @Test func aShareBelowTheThresholdIsRemovedAsBefore() throws {
        let ws = try Self.scanned(4)
        try FileManager.default.removeItem(atPath: ws.dir + "/tree/d0/f0.txt")
        let run = try ws.inventa(["scan", "tree", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.removedCount(ws) == 1)
    }

    @Test func filesUnderAnUnreadableFolderAreNotMarkedRemoved() throws {
        guard getuid() != 0 else { return } // root reads every folder: nothing to test
        let ws = try Self.scanned(4)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: ws.dir + "/tree/d1")
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: ws.dir + "/tree/d1") }
        let run = try ws.inventa(["scan", "tree", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.removedCount(ws) == 0)
        #expect(try ws.report(["problems"]).contains { $0["path"] as? String == "d1/" })
    }

    // MARK: 2. One writer per report.

    @Test func aSecondScanOfTheSameReportIsRefusedAndTheFirstIsExact() throws {
        let ws = try CLI.Workspace()
        for (index, pnr) in TestNumbers.pnr.prefix(30).enumerated() { try ws.write("f\(index).txt", Self.text(pnr)) }
        // 30 files x 400 ms: the first scan holds the lock for 12 s, far longer than the second
        // one needs to load its rules and reach the lock, even in a sanitizer build.
        let (first, out, err) = try CLI.start(["scan", "tree", "--report", "r.sqlite", "--key-file", "k.key", "--jobs", "1", "--quiet"],
                                              environment: ["INVENTA_TEST_SLOW_MS": "400"], in: ws.dir)
        let lock = ws.dir + "/r.sqlite.lock"
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, (try? String(contentsOfFile: lock, encoding: .utf8))?.contains("started=") != true {
            Thread.sleep(forTimeInterval: 0.02)
        }
        let second = try ws.inventa(["scan", "tree", "--quiet"])
        #expect(second.status == 1)
        #expect(second.stderr.contains("report r.sqlite is being written by another scan (pid \(first.processIdentifier) on "), "\(second.stderr)")
        #expect(second.stderr.contains(", started 20"))
        let resumed = try ws.inventa(["scan", "--resume", "--quiet"])
        #expect(resumed.status == 1, "a concurrent --resume is refused too")
        _ = out.fileHandleForReading.readDataToEndOfFile()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        let (files, findings) = try Self.contents(ws)
        #expect(files.count == 30)
        #expect(findings.count == 30)
        #expect(!FileManager.default.fileExists(atPath: lock), "released at the end")
    }

    @Test func aStaleLockFromAKilledScanIsTakenOver() throws {
        let ws = try Self.scanned(2)
        try "pid=999999\nhost=elsewhere\nstarted=2026-01-01T00:00:00Z\n".write(toFile: ws.dir + "/r.sqlite.lock", atomically: false, encoding: .utf8)
        let run = try ws.inventa(["scan", "tree", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("took over the lock left by a scan that is no longer running (pid 999999 on elsewhere"))
    }

    // MARK: 3. Keys are checked.

    @Test func aDeletedKeyIsRefusedAndNoNewKeyIsMade() throws {
        let ws = try Self.scanned(2)
        try FileManager.default.removeItem(atPath: ws.dir + "/k.key")
        let run = try ws.inventa(["scan", "tree", "--quiet"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("key file k.key not found, but report r.sqlite holds hashes made with a key (fingerprint "), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: ws.dir + "/k.key"), "no new key")
    }

    @Test func anotherKeyIsRefusedBySubjectAndScan() throws {
        let ws = try Self.scanned(2)
        let other = try CLI.run(["scan", "tree", "--report", "other.sqlite", "--key-file", "other.key", "--quiet"], in: ws.dir)
        #expect(other.status == 0)
        let subject = try CLI.run(["subject", "18900101-9802", "--report", "r.sqlite", "--key-file", "other.key"], in: ws.dir)
        #expect(subject.status == 1)
        #expect(subject.stderr.contains("key file other.key (fingerprint "), "\(subject.stderr)")
        #expect(subject.stderr.contains("is not the key report r.sqlite was written with"))
        let scan = try CLI.run(["scan", "tree", "--report", "r.sqlite", "--key-file", "other.key", "--quiet"], in: ws.dir)
        #expect(scan.status == 1)
        #expect(scan.stderr.contains("is not the key report r.sqlite was written with"))
        let right = try ws.inventa(["subject", "18900101-9802", "--format", "jsonl"])
        #expect(right.status == 0)
        #expect(right.stdout.split(separator: "\n").count == 1)
    }

    @Test func subjectAndReportReadPathsFromTheProfile() throws {
        let ws = try Self.scanned(2)
        try "roots = [\"tree\"]\nreport = \"r.sqlite\"\nkey_file = \"k.key\"\n".write(toFile: ws.dir + "/p.toml", atomically: false, encoding: .utf8)
        let subject = try CLI.run(["subject", "18900101-9802", "--config", "p.toml", "--format", "jsonl"], in: ws.dir)
        #expect(subject.status == 0, "\(subject.stderr)")
        #expect(subject.stdout.split(separator: "\n").count == 1)
        let report = try CLI.run(["report", "files", "--config", "p.toml", "--format", "jsonl"], in: ws.dir)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.split(separator: "\n").count == 2)
        let summary = try CLI.run(["report", "summary", "--config", "p.toml", "--format", "jsonl"], in: ws.dir)
        #expect(summary.stdout.contains("\"section\":\"key\""), "the key's fingerprint is shown")
    }

    // MARK: 4. Exit codes.

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func aSignalExitsWithItsCodeAndResumeMatchesAnUninterruptedScan(signal: Int32, code: Int32) throws {
        let ws = try CLI.Workspace()
        for (index, pnr) in TestNumbers.pnr.prefix(24).enumerated() { try ws.write("d\(index % 3)/f\(index).txt", Self.text(pnr)) }
        try ws.write("lista.txt", TestNumbers.pnr.suffix(12).map(Self.text).joined())
        let (process, out, _) = try CLI.start(["scan", "tree", "--report", "r.sqlite", "--key-file", "k.key", "--jobs", "1", "--quiet"],
                                              environment: ["INVENTA_TEST_SLOW_MS": "100"], in: ws.dir)
        try ResumeTests.waitForCommits(ws, atLeast: 2)
        kill(process.processIdentifier, signal)
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == code)
        #expect(stdout.contains("Interrupted"))
        let resumed = try ws.inventa(["scan", "--resume", "--quiet"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("This run: "), "\(resumed.stdout)")

        let whole = try CLI.run(["scan", "tree", "--report", "whole.sqlite", "--key-file", "k.key", "--quiet"], in: ws.dir)
        #expect(whole.status == 0)
        let (files, findings) = try Self.contents(ws)
        let (wholeFiles, wholeFindings) = try Self.contents(ws, report: "whole.sqlite")
        #expect(files.count == 25)
        #expect(files == wholeFiles)
        #expect(findings == wholeFindings)
    }

    @Test func failOnHighExitsThreeOnlyWhenAHighRiskFileIsThere() throws {
        let ws = try CLI.Workspace()
        try ws.write("en.txt", Self.text(TestNumbers.pnr[0]))
        let without = try ws.inventa(["scan", "tree", "--quiet", "--fail-on", "high"])
        #expect(without.status == 0, "\(without.stderr)")
        let medium = try ws.inventa(["scan", "tree", "--quiet", "--fail-on", "medium", "--full"])
        #expect(medium.status == 3)
        // High risk takes a sensitive term about a person (decision 0303): a case note, not a list.
        try ws.write("journal.txt", Self.text(TestNumbers.pnr[1]) + "Klienten är sjukskriven sedan mars.\n")
        let with = try ws.inventa(["scan", "tree", "--quiet", "--fail-on", "high"])
        #expect(with.status == 3)
        #expect(with.stderr.contains("1 file(s) of high risk in the report (--fail-on high)"), "\(with.stderr)")
        #expect(with.stdout.contains("Findings: "), "the summary is still printed")
    }

    @Test func summaryJSONSaysHowTheScanEnded() throws {
        let ws = try CLI.Workspace()
        try ws.write("a.txt", Self.text(TestNumbers.pnr[0]))
        try ws.write("b.docx", String(repeating: "\u{0}\u{1}\u{2}\u{3}\u{7F}", count: 64))
        let run = try ws.inventa(["scan", "tree", "--quiet", "--summary-json", "s.json"])
        #expect(run.status == 0)
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: ws.dir + "/s.json"))) as? [String: Any])
        #expect(json["exit_code"] as? Int == 0)
        #expect(json["exit_reason"] as? String == "completed")
        let totals = try #require(json["totals"] as? [String: Any])
        #expect(totals["files"] as? Int == 2)
        #expect(totals["findings"] as? Int == 1)
        #expect((json["problems"] as? [String: Any])?.isEmpty == false, "\(json)")

        try FileManager.default.removeItem(atPath: ws.dir + "/tree")
        let missing = try ws.inventa(["scan", "tree", "--quiet", "--summary-json", "s.json"])
        #expect(missing.status == 1)
        let failed = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: ws.dir + "/s.json"))) as? [String: Any])
        #expect(failed["exit_reason"] as? String == "fatal")
        #expect((failed["message"] as? String)?.contains("does not exist") == true)
    }

    // MARK: 7. CLI conventions.

    @Test func shortVersionFlag() throws {
        let ws = try CLI.Workspace()
        let short = try CLI.run(["-V"], in: ws.dir)
        let long = try CLI.run(["--version"], in: ws.dir)
        #expect(short.status == 0)
        #expect(short.stdout == long.stdout)
    }

    @Test func helpDocumentsTheExitCodes() throws {
        let ws = try CLI.Workspace()
        let help = try CLI.run(["--help"], in: ws.dir)
        for code in ["130", "143", "--fail-on"] { #expect(help.stdout.contains(code)) }
    }
}
