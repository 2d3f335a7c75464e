import Foundation
@testable import InventaReport
import Testing

/// One writer per report: the lock refuses a second holder and names the first, is
/// released (and its file removed) with its owner, and a lock file left behind by a
/// process that died is taken over.
@Suite struct ReportLockTests {
    let dir = NSTemporaryDirectory() + "inventa-lock-\(UUID().uuidString)"
    var report: String { dir + "/r.sqlite" }

    init() throws { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }

    @Test func aSecondHolderIsRefusedWithTheFirstNamed() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var first: ReportLock? = try ReportLock(report: report)
        #expect(first?.tookOver == nil)
        do {
            _ = try ReportLock(report: report)
            Issue.record("a second lock was granted")
        } catch {
            #expect(error.description.contains("being written by another scan (pid \(getpid()) on "), "\(error)")
        }
        first = nil
        #expect(!FileManager.default.fileExists(atPath: ReportLock.path(forReport: report)), "removed on release")
        let again = try ReportLock(report: report)
        #expect(again.tookOver == nil)
        withExtendedLifetime(first) {}
    }

    @Test func aLockLeftByADeadProcessIsTakenOver() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "pid=4242\nhost=old\nstarted=2026-01-01T00:00:00Z\n".write(toFile: ReportLock.path(forReport: report), atomically: false, encoding: .utf8)
        let lock = try ReportLock(report: report)
        #expect(lock.tookOver == ReportLock.Holder(pid: 4242, host: "old", started: "2026-01-01T00:00:00Z"))
        let text = try String(contentsOfFile: ReportLock.path(forReport: report), encoding: .utf8)
        #expect(text.hasPrefix("pid=\(getpid())\n"))
    }
}
