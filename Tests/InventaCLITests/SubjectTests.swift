import Foundation
import Testing

/// `inventa subject` finds one person by keyed hash from any written form of the number.
@Suite struct SubjectTests {
    static let pnr = "198501012382" // Skatteverket test number 850101-2382

    @Test(arguments: ["198501012382", "19850101-2382", "8501012382", "850101-2382", "850101 2382", " 19850101 2382 "])
    func findsThePersonFromAnyWrittenForm(form: String) throws {
        let ws = try CLI.Workspace()
        try ws.write("soc/akt.txt", "Klient: 850101-2382, diagnos\n")
        try ws.write("hr/lista.txt", "Anställd 19850101-2382\nAnnan: 18900101-9802\n")
        try ws.write("annat.txt", "Personnummer 18900102-9819\n")
        #expect(try ws.inventa(["scan", "tree", "--quiet"]).status == 0)
        let output = try ws.inventa(["subject", form, "--format", "jsonl"])
        #expect(output.status == 0, "\(output.stderr)")
        let rows = output.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(rows.compactMap { $0["path"] as? String }.sorted() == ["hr/lista.txt", "soc/akt.txt"])
        #expect(rows.allSatisfy { ($0["masked"] as? String)?.contains("2382") == false }, "masked values only")
        let hr = rows.first { $0["path"] as? String == "hr/lista.txt" }
        #expect((hr?["also_in_file"] as? [String: Any])?["personnummer"] as? Int == 1)
    }

    @Test(arguments: ["850101-2383", "12345", "abc"])
    func rejectsWhatIsNotAPersonnummer(form: String) throws {
        let ws = try CLI.Workspace()
        let output = try ws.inventa(["subject", form])
        #expect(output.status == 2)
        #expect(output.stderr.contains("personnummer"))
    }

    @Test func needsTheKeyTheScanUsed() throws {
        let ws = try CLI.Workspace()
        try ws.write("a.txt", "850101-2382")
        #expect(try ws.inventa(["scan", "tree", "--quiet"]).status == 0)
        let output = try CLI.run(["subject", "850101-2382", "--report", "r.sqlite", "--key-file", "missing.key"], in: ws.dir)
        #expect(output.status == 1)
        #expect(output.stderr.contains("missing.key: not found"))
    }
}
