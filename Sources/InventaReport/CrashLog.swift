#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The record of files that crashed the scanner, kept beside the report as
/// `<report>.crashes` (mode 0600). The scan's crash handler appends one line — the
/// file the crashing worker was extracting — with a single `write(2)`, which is
/// async-signal-safe and reaches the page cache before the process dies. The next
/// scan of the report folds the lines into the `crashes` table and empties the log.
/// See docs/decisions/0602-resume-and-quarantine.md.
public enum CrashLog {
    public static func path(forReport report: String) -> String { report + ".crashes" }

    /// One line for `file`: `root \t path \t size \t mtime \n`, tabs and newlines escaped.
    public static func line(root: String, path: String, size: Int64, mtime: Double) -> [UInt8] {
        Array("\(escape(root))\t\(escape(path))\t\(size)\t\(mtime)\n".utf8)
    }

    struct Entry: Equatable {
        var root: String
        var path: String
        var size: Int64
        var mtime: Double
    }

    /// Reads and empties the log; a missing log is an empty one.
    static func drain(path: String) -> [Entry] {
        let fd = open(path, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        _ = ftruncate(fd, 0)
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, let size = Int64(fields[2]), let mtime = Double(fields[3]) else { return nil }
            return Entry(root: unescape(fields[0]), path: unescape(fields[1]), size: size, mtime: mtime)
        }
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    private static func unescape(_ text: String) -> String {
        var out = ""
        var escaping = false
        for c in text {
            if escaping {
                out.append(c == "t" ? "\t" : c == "n" ? "\n" : c)
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}
