#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import InventaModel

/// TEST-ONLY hooks, read from the environment once per scan, used by the CLI tests
/// to interrupt and crash the real binary at a chosen moment. Never set them in
/// production; they do nothing unless set.
/// - `INVENTA_TEST_SLOW_MS=N`: each worker sleeps N ms before each file it extracts,
///   so a test can SIGKILL a scan in the middle.
/// - `INVENTA_TEST_CRASH_ON=NAME`: a worker calls `abort()` when it starts extracting a
///   file named NAME, as a crashing extractor would.
struct TestHooks: Sendable {
    var slowMicroseconds: UInt32 = 0
    var crashOn: String?

    static func fromEnvironment() -> TestHooks {
        var hooks = TestHooks()
        if let text = getenv("INVENTA_TEST_SLOW_MS").map({ String(cString: $0) }), let ms = UInt32(text) {
            hooks.slowMicroseconds = ms * 1000
        }
        if let name = getenv("INVENTA_TEST_CRASH_ON").map({ String(cString: $0) }), !name.isEmpty {
            hooks.crashOn = name
        }
        return hooks
    }

    func beforeExtracting(_ file: FileRef) {
        if slowMicroseconds > 0 { usleep(slowMicroseconds) }
        if let crashOn, file.relativePath.split(separator: "/").last.map(String.init) == crashOn { abort() }
    }
}
