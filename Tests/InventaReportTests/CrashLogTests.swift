import Foundation
import Testing
@testable import InventaReport

@Suite struct CrashLogTests {
    @Test(arguments: ["plain.txt", "tab\there.txt", "new\nline.txt", "back\\slash.txt", "Åsa Öberg.docx"])
    func lineRoundTrips(path: String) throws {
        let log = NSTemporaryDirectory() + "inventa-crash-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let line = CrashLog.line(root: "/srv/x", path: path, size: 42, mtime: 1234.5)
        #expect(FileManager.default.createFile(atPath: log, contents: Data(line + line)))
        let entries = CrashLog.drain(path: log)
        #expect(entries == Array(repeating: CrashLog.Entry(root: "/srv/x", path: path, size: 42, mtime: 1234.5), count: 2))
        #expect(CrashLog.drain(path: log).isEmpty, "draining empties the log")
    }

    /// A link planted at `<report>.crashes` after the scan's start check is still not followed:
    /// draining neither reads nor truncates its target.
    @Test func drainDoesNotFollowALink() throws {
        let dir = NSTemporaryDirectory() + "inventa-crash-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/victim"
        let line = CrashLog.line(root: "/srv/x", path: "a.txt", size: 1, mtime: 1)
        #expect(FileManager.default.createFile(atPath: target, contents: Data(line)))
        #expect(symlink(target, dir + "/r.sqlite.crashes") == 0)
        #expect(CrashLog.drain(path: dir + "/r.sqlite.crashes").isEmpty)
        #expect(FileManager.default.contents(atPath: target) == Data(line), "the link's target is untouched")
    }
}
