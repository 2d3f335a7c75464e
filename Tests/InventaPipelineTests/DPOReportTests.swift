import Foundation
import Testing
import InventaCrawl
import InventaModel
import InventaPipeline
import InventaReport

/// The DPO's report sections over real scans: diff between scans, retention, filters,
/// subject search by name and by every written form of a personnummer.
@Suite struct DPOReportTests {
    typealias Tree = IncrementalScanTests.Tree
    static let pnr = IncrementalScanTests.pnr

    static func column(_ table: ReportTable, _ name: String) -> [String] {
        let index = table.columns.firstIndex(of: name)!
        return table.rows.map { $0[index].display }
    }

    @Test func diffShowsNewResolvedAndChangedFiles() throws {
        let tree = try Tree()
        try tree.write("stays.txt", "Klient \(Self.pnr[0])\n")
        try tree.write("grows.txt", "Klient \(Self.pnr[1])\n")
        try tree.write("cleaned.txt", "Klient \(Self.pnr[2])\n")
        try tree.write("deleted.txt", "Klient \(Self.pnr[2])\n")
        _ = try tree.scan()
        try tree.write("grows.txt", "Klient \(Self.pnr[1]) och \(Self.pnr[0])\n")
        try tree.write("cleaned.txt", "inget kvar\n")
        try FileManager.default.removeItem(atPath: tree.root + "/deleted.txt")
        try tree.write("new.txt", "Ny \(Self.pnr[0])\n")
        _ = try tree.scan()
        let diff = try ReportReader(path: tree.report).diff()
        let changes = Dictionary(uniqueKeysWithValues: zip(Self.column(diff, "path"), Self.column(diff, "change")))
        #expect(changes == ["new.txt": "new", "cleaned.txt": "resolved", "deleted.txt": "resolved (removed)",
                            "grows.txt": "changed"])
        let reverse = try ReportReader(path: tree.report, scanID: 1).diff(from: 2)
        #expect(Self.column(reverse, "change").filter { $0 == "new" }.count == 2, "from a later scan back: the resolved ones are new")
    }

    @Test func retentionListsOldFilesWithPersonalDataOnly() throws {
        let tree = try Tree()
        try tree.write("old.txt", "Klient \(Self.pnr[0])\n")
        try tree.write("old-empty.txt", "inget\n")
        try tree.write("soc/recent.txt", "Klient \(Self.pnr[1])\n")
        let sixYearsAgo = Date().addingTimeInterval(-6 * 365.25 * 86400)
        for name in ["old.txt", "old-empty.txt"] {
            try FileManager.default.setAttributes([.modificationDate: sixYearsAgo], ofItemAtPath: tree.root + "/" + name)
        }
        _ = try tree.scan()
        let reader = try ReportReader(path: tree.report)
        let fiveYears = 5 * 365.25 * 86400
        let old = try reader.retention(olderThan: fiveYears)
        #expect(Self.column(old, "path") == ["old.txt"])
        #expect(Self.column(old, "age_years").first?.hasPrefix("6") == true)
        #expect(try reader.retention(olderThan: 10 * 365.25 * 86400).rows.isEmpty)
        #expect(try reader.retention(olderThan: 0, filter: FileFilter(department: "Socialförvaltningen")).rows.count == 1)
    }

    @Test(arguments: [
        (FileFilter(department: "Socialförvaltningen"), ["soc/a.txt"]),
        (FileFilter(department: "Okänd"), ["b.txt", "c.txt"]),
        (FileFilter(minimumRisk: "medium"), ["b.txt", "soc/a.txt"]),
        (FileFilter(category: "personnummer"), ["b.txt", "soc/a.txt"]),
        (FileFilter(category: "email"), []),
        (FileFilter(format: "text", withFindings: true), ["b.txt", "soc/a.txt"]),
        (FileFilter(olderThan: 86400), []),
    ])
    func filesFilters(filter: FileFilter, expected: [String]) throws {
        let tree = try Tree()
        try tree.write("soc/a.txt", "Klient \(Self.pnr[0])\n")
        try tree.write("b.txt", "Kund \(Self.pnr[1])\n")
        try tree.write("c.txt", "inget\n")
        _ = try tree.scan()
        #expect(Self.column(try ReportReader(path: tree.report).files(filter: filter), "path").sorted() == expected)
    }

    @Test(arguments: ["Anna Andersson", "  ANNA   andersson ", "anna\tAndersson"])
    func subjectByName(typed: String) throws {
        let dir = NSTemporaryDirectory() + "inventa-name-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let hasher = try KeyedHasher.loadOrCreate(path: dir + "/k.key")
        let writer = try ReportWriter(path: dir + "/r.sqlite", hasher: hasher,
                                      info: ScanInfo(roots: ["/srv"], options: [], toolVersion: "test", storeValues: false))
        let name = Finding(category: .name, value: "Anna Andersson", normalized: "anna andersson", masked: "A. A.",
                           span: 0..<14, confidence: 0.9, level: .high, rule: "name", evidence: Evidence())
        let file = FileRef(pathBytes: Array("/srv/a.txt".utf8), root: "/srv", relativePath: "a.txt", size: 20, mtime: 1)
        writer.submit(FileEntry(result: FileResult(file: file, outcome: .scanned, findings: [name]), department: "HR"))
        _ = try writer.finish()
        let rows = try ReportReader(path: dir + "/r.sqlite").subject(hash: hasher.hash(SubjectKey.name(typed)))
        #expect(Self.column(rows, "path") == ["a.txt"])
        #expect(Self.column(rows, "department") == ["HR"])
        #expect(Self.column(rows, "masked") == ["A. A."])
    }

    @Test(arguments: [
        ("198501012382", "198501012382"), ("19850101-2382", "198501012382"), ("850101-2382", "198501012382"),
        ("8501012382", "198501012382"), ("850101 2382", "198501012382"), ("900101+9802", "189001019802"),
        ("18900101-9802", "189001019802"), ("189001019802", "189001019802"),
    ])
    func subjectKeyNormalisesEveryWrittenForm(typed: String, expected: String) throws {
        #expect(try SubjectKey.personnummer(typed).get() == expected)
    }

    @Test(arguments: ["850101-2383", "850101--2382", "85010-12382", "x850101-2382"])
    func subjectKeyRejects(typed: String) {
        #expect(throws: SubjectKeyError.self) { try SubjectKey.personnummer(typed).get() }
    }
}
