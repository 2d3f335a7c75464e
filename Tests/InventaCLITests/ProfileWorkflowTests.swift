import Foundation
import Testing

/// The DPO workflow through the real binary: profile, first scan, rescan, department
/// report, exports; and a profile mistake reported in one line.
@Suite struct ProfileWorkflowTests {
    @Test func profileFirstScanRescanAndReports() throws {
        let ws = try CLI.Workspace()
        try ws.write("soc/akt.txt", "Klient 18900101-9802, diagnos\n")
        try ws.write("bun/lista.txt", "Elev 18900102-9819\n")
        try ws.write("gemensamt/x.txt", "inget\n")
        try """
            roots = ["tree"]
            jobs = 2
            [crawl]
            exclude = ["*.tmp"]
            [[department]]
            match = "soc"
            name = "Socialförvaltningen"
            [[department]]
            match = "tree/bun/**"
            name = "Barn- och utbildningsförvaltningen"
            """.write(toFile: ws.dir + "/profile.toml", atomically: false, encoding: .utf8)
        let first = try ws.inventa(["scan", "--config", "profile.toml", "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Files: 3 (3 new or changed, 0 unchanged, 0 removed)"))
        try ws.write("bun/ny.txt", "Elev 18900103-9800\n")
        let second = try ws.inventa(["scan", "--config", "profile.toml", "--quiet"])
        #expect(second.stdout.contains("Files: 4 (1 new or changed, 3 unchanged, 0 removed)"), "\(second.stdout)")

        let departments = try ws.report(["departments"])
        let byName = Dictionary(uniqueKeysWithValues: departments.map { ($0["department"] as? String ?? "", $0) })
        #expect(Set(byName.keys) == ["Socialförvaltningen", "Barn- och utbildningsförvaltningen", "Okänd"])
        #expect(byName["Barn- och utbildningsförvaltningen"]?["with_personal_data"] as? Int == 2)
        let diff = try ws.report(["diff"])
        #expect(diff.map { $0["path"] as? String } == ["bun/ny.txt"])
        #expect(diff.first?["change"] as? String == "new")

        let xlsx = try ws.inventa(["report", "xlsx", "--output", "r.xlsx"])
        #expect(xlsx.status == 0, "\(xlsx.stderr)")
        let html = try ws.inventa(["report", "html", "--output", "r.html", "--lang", "en"])
        #expect(html.status == 0, "\(html.stderr)")
        let page = try String(contentsOfFile: ws.dir + "/r.html", encoding: .utf8)
        #expect(page.contains("Personal data on file shares"))
        #expect(!page.contains("9802") && !page.contains("9819"), "no cleartext digits")
        let xlsxBytes = try Data(contentsOf: URL(fileURLWithPath: ws.dir + "/r.xlsx"))
        #expect(xlsxBytes.prefix(2) == Data("PK".utf8))
        var st = stat()
        #expect(stat(ws.dir + "/r.html", &st) == 0 && st.st_mode & 0o077 == 0, "exports are created 0600")
    }

    @Test func aProfileMistakeIsOneLineWithTheFix() throws {
        let ws = try CLI.Workspace()
        try "roots = [\"tree\"]\n[crawl]\nexclud = [\"x\"]\n".write(toFile: ws.dir + "/p.toml", atomically: false, encoding: .utf8)
        let output = try ws.inventa(["scan", "--config", "p.toml", "--quiet"])
        #expect(output.status == 1)
        #expect(output.stderr == "inventa: p.toml: key 'crawl.exclud': unknown key; did you mean 'crawl.exclude'?\n")
    }

    @Test(arguments: [["report", "retention"], ["report", "files", "--risk", "extreme"], ["report", "files", "--older-than", "five"]])
    func badReportOptionsAreUsageErrors(arguments: [String]) throws {
        let ws = try CLI.Workspace()
        #expect(try ws.inventa(arguments).status == 2)
    }
}
