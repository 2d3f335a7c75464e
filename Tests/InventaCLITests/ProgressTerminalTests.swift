import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The progress line, drawn on a real pseudo-terminal 80 columns wide, redraws in place:
/// every frame fits in 79 columns (so the terminal never wraps it onto a new line), even
/// with a last-problem path far longer than the terminal.
@Suite struct ProgressTerminalTests {
    /// Runs `inventa` with stderr on a new pty of `columns` columns; returns what the pty showed.
    static func runOnTerminal(_ arguments: [String], columns: UInt16, environment: [String: String], in directory: String) throws -> (Int32, String) {
        // openpty(3) is in glibc's libc since 2.34 but not in Swift's Glibc module: look it up.
        typealias OpenPTY = @convention(c) (UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<CChar>?,
                                            UnsafeRawPointer?, UnsafePointer<winsize>?) -> Int32
        let symbol = try #require(dlsym(dlopen(nil, RTLD_NOW), "openpty"), "openpty not found")
        let openpty = unsafeBitCast(symbol, to: OpenPTY.self)
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: 24, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        #expect(openpty(&master, &slave, nil, nil, &size) == 0)
        try #require(master >= 0 && slave >= 0)
        defer { close(master) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        env["COLUMNS"] = nil
        env["TERM"] = "xterm"
        process.environment = env
        process.standardError = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        close(slave)
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count <= 0 { break } // EIO once the child has exited and closed the pty
            output += buffer[0..<count]
        }
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// Drops ANSI escape sequences (`ESC [ … letter`).
    static func visible(_ text: Substring) -> String {
        var out = ""
        var inEscape = false
        for character in text {
            if character == "\u{1B}" { inEscape = true; continue }
            if inEscape {
                if character.isLetter { inEscape = false }
                continue
            }
            out.append(character)
        }
        return out
    }

    @Test func theProgressLineFitsEightyColumnsAndRedrawsInPlace() throws {
        let ws = try CLI.Workspace()
        let deep = (1...3).map { "mapp-\($0)-" + String(repeating: "långt-namn-", count: 5) }.joined(separator: "/")
        for (index, pnr) in TestNumbers.pnr.prefix(16).enumerated() { try ws.write("f\(index).txt", "Personnummer \(pnr)\n") }
        try ws.write(deep + "/trasig.docx", String(repeating: "\u{0}\u{1}\u{2}\u{3}\u{7F}", count: 64))
        let (status, shown) = try Self.runOnTerminal(["scan", "tree", "--report", "r.sqlite", "--key-file", "k.key", "--jobs", "1"],
                                                     columns: 80, environment: ["INVENTA_TEST_SLOW_MS": "100"], in: ws.dir)
        #expect(status == 0, "\(shown)")
        let frames = shown.split(separator: "\r").map(Self.visible).filter { !$0.isEmpty }
        #expect(frames.count >= 3, "redrawn several times: \(shown.debugDescription)")
        for frame in frames { #expect(frame.count <= 79, "\(frame.count) columns: \(frame)") }
        #expect(!shown.contains("\n"), "no new line per redraw")
        #expect(frames.contains { $0.contains("/17 files") }, "files done of found")
        #expect(frames.contains { $0.contains("last: tree/mapp") && $0.contains("…") && $0.contains("sig.docx") },
                "the last problem's full path, shortened in the middle: \(frames)")
    }
}
