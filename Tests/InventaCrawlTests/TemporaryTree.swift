import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A throw-away directory tree for crawler tests, removed on deinit.
final class TemporaryTree {
    let root: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "inventa-crawl-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw POSIXError(.EIO) }
        root = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func file(_ relative: String, _ contents: String = "text") throws {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try contents.write(toFile: path, atomically: false, encoding: .utf8)
    }

    func directory(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: root + "/" + relative, withIntermediateDirectories: true)
    }

    func symlink(_ relative: String, to target: String) throws {
        guard Glibc.symlink(target, root + "/" + relative) == 0 else { throw POSIXError(.EIO) }
    }

    func fifo(_ relative: String) throws {
        guard mkfifo(root + "/" + relative, 0o644) == 0 else { throw POSIXError(.EIO) }
    }

    /// A file whose name is raw bytes (e.g. Latin-1, not valid UTF-8).
    func file(rawName: [UInt8], _ contents: String) throws {
        let path = Array(root.utf8) + [UInt8(ascii: "/")] + rawName + [0]
        let fd = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
        guard fd >= 0 else { throw POSIXError(.EIO) }
        _ = contents.withCString { write(fd, $0, strlen($0)) }
        close(fd)
    }
}
