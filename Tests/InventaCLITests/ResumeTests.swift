import Foundation
import Testing

/// Killing a scan loses no committed work, `--resume` redoes exactly what was not
/// committed, and a file that crashes the scanner twice is quarantined.
@Suite(.serialized) struct ResumeTests {
    static func text(_ pnr: String) -> String {
        "Ärende\nPersonnummer: \(pnr.prefix(8))-\(pnr.suffix(4))\n"
    }

    /// Waits (up to 20 s) until the running scan has committed at least `count` file rows,
    /// so a signal lands mid-scan however slowly the machine starts the process.
    static func waitForCommits(_ ws: CLI.Workspace, atLeast count: Int) throws {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: ws.dir + "/r.sqlite"), (try? ws.report(["files"]).count) ?? 0 >= count { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    @Test func resumeAfterSigkillLosesAndDuplicatesNothing() throws {
        let ws = try CLI.Workspace()
        let numbers = Array(TestNumbers.pnr.prefix(40))
        for (index, pnr) in numbers.enumerated() { try ws.write("d\(index % 4)/f\(index).txt", Self.text(pnr)) }
        let (process, _, _) = try CLI.start(["scan", "tree", "--report", "r.sqlite", "--key-file", "k.key", "--jobs", "2", "--quiet"],
                                            environment: ["INVENTA_TEST_SLOW_MS": "150"], in: ws.dir)
        // 40 files × 150 ms / 2 workers ≈ 3 s: kill in the middle, after a few commits.
        try Self.waitForCommits(ws, atLeast: 3)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let before = try ws.report(["files"])
        #expect(before.count < 40, "the scan was killed before the end")

        let resumed = try ws.inventa(["scan", "--resume", "--quiet"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("Resumed scan 1."))

        let files = try ws.report(["files"])
        #expect(files.count == 40)
        #expect(Set(files.compactMap { $0["path"] as? String }).count == 40, "each file once")
        let findings = try ws.report(["findings"])
        #expect(findings.count == 40, "one finding per file, none lost, none duplicated")
        let summary = try ws.report(["summary"])
        #expect(summary.contains { $0["section"] as? String == "scan" && ($0["key"] as? String)?.contains("completed") == true })
    }

    @Test func sigintFinishesCleanlyWithASummary() throws {
        let ws = try CLI.Workspace()
        for (index, pnr) in TestNumbers.pnr.prefix(30).enumerated() { try ws.write("f\(index).txt", Self.text(pnr)) }
        // 30 files × 300 ms ≈ 9 s: the signal lands mid-scan even when each `report` poll is
        // slow (a sanitized binary on a loaded 2-core host took over 3 s to see two commits).
        let (process, out, _) = try CLI.start(["scan", "tree", "--report", "r.sqlite", "--key-file", "k.key", "--jobs", "1", "--quiet"],
                                              environment: ["INVENTA_TEST_SLOW_MS": "300"], in: ws.dir)
        try Self.waitForCommits(ws, atLeast: 2)
        kill(process.processIdentifier, SIGINT)
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "SIGINT: 128 + 2, as a shell reports it")
        #expect(stdout.contains("Interrupted"))
        let resumed = try ws.inventa(["scan", "--resume", "--quiet"])
        #expect(resumed.status == 0)
        #expect(try ws.report(["findings"]).count == 30)
    }

    @Test func aFileThatCrashesTwiceIsQuarantined() throws {
        let ws = try CLI.Workspace()
        for (index, pnr) in TestNumbers.pnr.prefix(6).enumerated() { try ws.write("f\(index).txt", Self.text(pnr)) }
        try ws.write("boom.txt", Self.text(TestNumbers.pnr[10]))
        let crash = ["INVENTA_TEST_CRASH_ON": "boom.txt"]
        let first = try ws.inventa(["scan", "tree", "--jobs", "2", "--quiet"], environment: crash)
        #expect(first.reason == .uncaughtSignal, "the crashing hook aborts the scanner")
        let second = try ws.inventa(["scan", "--resume", "--quiet"], environment: crash)
        #expect(second.reason == .uncaughtSignal, "one crash is not enough to blame a file")
        let third = try ws.inventa(["scan", "--resume", "--quiet"], environment: crash)
        #expect(third.status == 0, "\(third.stderr)")
        let files = try ws.report(["files"])
        #expect(files.count == 7)
        let boom = files.first { $0["path"] as? String == "boom.txt" }
        #expect(boom?["status"] as? String == "failed")
        #expect((boom?["reason"] as? String)?.hasPrefix("crashed:") == true)
        #expect(try ws.report(["findings"]).count == 6)
        let problems = try ws.report(["problems"])
        #expect(problems.map { $0["path"] as? String } == ["boom.txt"])
    }

    @Test func resumeWithNothingToResumeSaysWhatToDo() throws {
        let ws = try CLI.Workspace()
        try ws.write("a.txt", "x")
        #expect(try ws.inventa(["scan", "tree", "--quiet"]).status == 0)
        let again = try ws.inventa(["scan", "--resume", "--quiet"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("nothing to resume"))
    }
}
