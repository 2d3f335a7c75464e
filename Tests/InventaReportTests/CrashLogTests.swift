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
}
