import Foundation
import Testing

/// The command line end to end: exit codes, messages, and the JSON Lines contract
/// that benchmarks and CI depend on.
@Suite struct CLITests {
    @Test func versionAndHelp() throws {
        let version = try InventaBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("0."))
        for command in [["--help"], ["scan", "--help"], ["report", "findings", "--help"]] {
            let help = try InventaBinary.run(command)
            #expect(help.status == 0)
            #expect(help.stdout.contains("USAGE"))
        }
    }

    @Test("usage errors exit 2 with a message", arguments: [
        ["scan"],
        ["scan", "/tmp", "--jobs", "0"],
        ["scan", "/tmp", "--max-file-size", "lots"],
        ["scan", "/tmp", "--no-such-option"],
        ["report", "findings", "--format", "xml"],
        ["frobnicate"],
    ])
    func usageErrors(arguments: [String]) throws {
        let run = try InventaBinary.run(arguments)
        #expect(run.status == 2)
        #expect(!run.stderr.isEmpty)
        #expect(run.stdout.isEmpty)
    }

    @Test func unwritableReportIsFatalWithOneLine() throws {
        let workspace = try CLIWorkspace()
        try workspace.write("a.txt", "x")
        let run = try InventaBinary.run(["scan", workspace.tree, "--report", "/nonexistent/dir/r.sqlite", "--key-file", workspace.key])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("inventa: cannot open report /nonexistent/dir/r.sqlite") == true)
    }

    /// The benchmark diagnostic never writes into an existing report: a later incremental
    /// scan would take its undetected files for done.
    @Test func scanWithoutDetectionOnlyIntoANewReport() throws {
        let workspace = try CLIWorkspace()
        try workspace.write("a.txt", "Personnummer: 830404-2388\n")
        let fresh = try workspace.scan(["--diagnostic-no-detection"])
        #expect(fresh.status == 0)
        #expect(fresh.stdout.contains("Findings: 0"))
        let again = try workspace.scan(["--diagnostic-no-detection"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("--diagnostic-no-detection writes only a new report"))
    }

    @Test func missingReportIsFatal() throws {
        let run = try InventaBinary.run(["report", "summary", "--report", "/nonexistent/r.sqlite"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("run 'inventa scan"))
    }

    @Test func scanPrintsSummaryAndNoProgressWhenPiped() throws {
        let workspace = try CLIWorkspace()
        try workspace.write("Socialförvaltningen/anteckning.txt", "Personnummer: 830404-2388\n")
        let run = try workspace.scan()
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains("Findings: 1"))
        #expect(run.stdout.contains("Report: "))
    }

    @Test func findingsJSONLinesContract() throws {
        let workspace = try CLIWorkspace()
        try workspace.write("klass/lista.csv", "Namn;Pnr\nA;830404-2388\nB;030704-2390\n")
        #expect(try workspace.scan().status == 0)
        let findings = try workspace.jsonl("findings").filter { $0["category"] as? String == "personnummer" }
        #expect(findings.count == 2)
        for finding in findings {
            for key in ["path", "category", "value", "masked", "confidence", "level", "rule", "location"] {
                #expect(finding[key] != nil, "missing \(key)")
            }
            #expect(finding["path"] as? String == "klass/lista.csv")
            #expect(finding["category"] as? String == "personnummer")
            #expect(finding["value"] is NSNull)
            let location = finding["location"] as? [String: Any]
            #expect(location?["row"] != nil && location?["column"] as? Int == 2)
        }
        #expect(findings.map { $0["masked"] as? String } == ["830404-****", "030704-****"])
    }

    @Test func storeValuesPutsCleartextInTheContract() throws {
        let workspace = try CLIWorkspace()
        try workspace.write("a.txt", "pnr 830404-2388")
        #expect(try workspace.scan(["--store-values"]).status == 0)
        #expect(try workspace.jsonl("findings").first?["value"] as? String == "830404-2388")
    }

    @Test func filesJSONLinesContract() throws {
        let workspace = try CLIWorkspace()
        try workspace.write("a.txt", "pnr 830404-2388")
        try workspace.write("~$lås.txt", "x")
        #expect(try workspace.scan(["--exclude", "**/~$*"]).status == 0)
        let files = try workspace.jsonl("files")
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0["path"] as? String ?? "", $0) })
        let scanned = try #require(byPath["a.txt"])
        #expect(scanned["status"] as? String == "scanned")
        #expect(scanned["format"] as? String == "text")
        #expect(scanned["risk"] as? String == "medium")
        #expect((scanned["counts"] as? [String: Int]) == ["personnummer": 1])
        #expect(scanned["reason"] is NSNull)
        let excluded = try #require(byPath["~$lås.txt"])
        #expect(excluded["status"] as? String == "skipped")
        #expect(excluded["reason"] as? String == "excluded: **/~$*")
    }

    @Test func csvAndTableFormats() throws {
        let workspace = try CLIWorkspace()
        try workspace.write("a.txt", "pnr 830404-2388")
        _ = try workspace.scan()
        let csv = try InventaBinary.run(["report", "files", "--report", workspace.report, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("department,root,path,format,status,reason,risk,findings,counts,size,owner,modified\r\n"))
        let table = try InventaBinary.run(["report", "summary", "--report", workspace.report])
        #expect(table.stdout.contains("personnummer"))
    }

    /// File names are chosen by whoever writes to the share: a formula reaches CSV inert, and
    /// an escape sequence or a newline reaches the terminal shown, not obeyed.
    @Test func hostileFileNamesAreInertInCSVAndOnTheTerminal() throws {
        let workspace = try CLIWorkspace()
        try workspace.write(#"=HYPERLINK("x").txt"#, "pnr 830404-2388")
        try workspace.write("rensa\u{1B}[2J\nfalsk rad.txt", "pnr 830404-2388")
        _ = try workspace.scan()
        let csv = try InventaBinary.run(["report", "files", "--report", workspace.report, "--format", "csv"])
        #expect(csv.stdout.contains(#","'=HYPERLINK(""x"").txt","#))
        #expect(!csv.stdout.contains(#",=HYPERLINK"#) && !csv.stdout.contains(#","=HYPERLINK"#))
        let table = try InventaBinary.run(["report", "files", "--report", workspace.report])
        #expect(table.stdout.contains(#"rensa\x1B[2J\nfalsk rad.txt"#))
        #expect(!table.stdout.unicodeScalars.contains { $0.value == 0x1B })
        #expect(table.stdout.split(separator: "\n").count == 4, "header, rule and one line per file: \(table.stdout)")
    }

    /// A link planted at the report's name is refused with one line that says what to do.
    @Test func aReportPathThatIsALinkIsRefused() throws {
        let workspace = try CLIWorkspace()
        try workspace.write("a.txt", "pnr 830404-2388")
        let target = workspace.directory + "/victim"
        try "keep\n".write(toFile: target, atomically: false, encoding: .utf8)
        #expect(symlink(target, workspace.report) == 0)
        let run = try InventaBinary.run(["scan", workspace.tree, "--report", workspace.report, "--key-file", workspace.key])
        #expect(run.status == 1)
        #expect(run.stderr.hasSuffix("refusing to write \(workspace.report): it is a symbolic link; remove it "
                + "(a report's files are never written through links), or pass --report with another path\n"))
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep\n")
    }

    /// As root every file is readable, so the unreadable case runs the scan as `nobody`.
    @Test func unreadableFileIsRecordedAndTheScanGoesOn() throws {
        let workspace = try CLIWorkspace()
        try workspace.write("ok.txt", "pnr 830404-2388")
        try workspace.write("secret.txt", "x")
        chmod(workspace.tree + "/secret.txt", 0)
        chmod(workspace.directory, 0o777)
        var prefix: [String] = []
        if getuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
            prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        }
        let run = try InventaBinary.run(["scan", workspace.tree, "--report", workspace.report, "--key-file", workspace.key],
                                        prefix: prefix)
        #expect(run.status == 0)
        let files = try workspace.jsonl("files")
        let secret = try #require(files.first { $0["path"] as? String == "secret.txt" })
        #expect(secret["status"] as? String == "failed")
        #expect((secret["reason"] as? String)?.hasPrefix("unreadable: Permission denied") == true)
        #expect(files.first { $0["path"] as? String == "ok.txt" }?["status"] as? String == "scanned")
    }
}
