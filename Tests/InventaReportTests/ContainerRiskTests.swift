import Foundation
import Testing
import InventaModel
@testable import InventaReport

/// A container's row in `files` is rated and counted over everything nested in it, so a
/// zip inside a zip (or an e-mail attached to an e-mail) is as risky as what it holds.
@Suite struct ContainerRiskTests {
    static let pnr = Finding(category: .personnummer, value: "850101-2382", normalized: "198501012382", masked: "850101-****",
                             span: 0..<11, confidence: 0.95, level: .high, rule: "pnr", evidence: Evidence()) // Skatteverket test number
    static let health = Finding(category: .health, value: "diabetes", normalized: "diabetes", masked: "d*******",
                                span: 20..<28, confidence: 0.8, level: .medium, rule: "health", evidence: Evidence())

    static func member(_ finding: Finding, _ path: [String]) -> Finding {
        var finding = finding
        finding.member = path
        return finding
    }

    @Test func nestedContainersCarryTheRiskOfTheirMembers() throws {
        let dir = NSTemporaryDirectory() + "inventa-container-risk-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let writer = try ReportWriter(path: dir + "/r.sqlite", hasher: try KeyedHasher.loadOrCreate(path: dir + "/k.key"),
                                      info: ScanInfo(roots: ["/srv"], options: [], toolVersion: "test", storeValues: false))
        let file = FileRef(pathBytes: Array("/srv/arkiv.zip".utf8), root: "/srv", relativePath: "arkiv.zip", size: 100, mtime: 1, uid: 0)
        let inner = ["inner.zip"], note = ["inner.zip", "akt.txt"], policy = ["policy.txt"]
        writer.submit(FileEntry(result: FileResult(
            file: file, format: .zip, outcome: .scanned,
            findings: [Self.member(Self.pnr, note), Self.member(Self.health, note)],
            members: [MemberResult(member: inner, format: .zip, outcome: .scanned),
                      MemberResult(member: note, format: .text, outcome: .scanned),
                      MemberResult(member: policy, format: .text, outcome: .scanned)]), department: "Okänd"))
        _ = try writer.finish()

        let db = try SQLiteDatabase(path: dir + "/r.sqlite", readOnly: true)
        func row(_ path: String) throws -> (String?, Int64?) {
            let statement = try db.prepare("SELECT risk, findings FROM files WHERE path = ?")
            statement.bind(1, path)
            guard try statement.step() else { return (nil, nil) }
            return (statement.text(0), statement.int(1))
        }
        let expected: [(String, String, Int64)] = [
            ("arkiv.zip", "high", 2),
            ("arkiv.zip!inner.zip", "high", 2),
            ("arkiv.zip!inner.zip!akt.txt", "high", 2),
            ("arkiv.zip!policy.txt", "none", 0),
        ]
        for (path, risk, count) in expected {
            let (gotRisk, gotCount) = try row(path)
            #expect(gotRisk == risk, "\(path)")
            #expect(gotCount == count, "\(path)")
        }
        #expect(try db.scalar("SELECT count(*) FROM findings") == 2, "findings are stored once, on their own member")
    }

    @Test func findingsHeldIncludeDescendantsOnly() {
        let byMember: [[String]: [Finding]] = [
            ["a.zip"]: [Self.health], ["a.zip", "b.txt"]: [Self.pnr], ["a.zipx", "c.txt"]: [Self.pnr], []: [Self.pnr],
        ]
        let held = ReportWriter.findingsHeld(byMember: byMember)
        #expect(held[["a.zip"]]?.count == 2)
        #expect(held[["a.zip", "b.txt"]]?.count == 1)
        #expect(held[["a.zipx"]]?.count == 1)
        #expect(held[[]] == nil, "the file's own row counts all findings by itself")
    }
}
