#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import InventaModel
import InventaReport

/// Remembers which file each worker is extracting, so that when an extractor crashes
/// the process (a segfault in a C library, an abort, a Swift trap, a stack overflow)
/// the file is named in `<report>.crashes` before the process dies. The next scan
/// counts the crash; a file that crashed the scanner twice is quarantined
/// (`failed: crashed`) instead of crashing it a third time.
///
/// The "in flight" marker is a per-worker slot in memory, set before each file with a
/// `memcpy`: no system call per file. Only the crash handler touches the disk, with one
/// async-signal-safe `write(2)`. That is enough because a crash is a process death and
/// the page cache outlives the process; after a power loss or SIGKILL there is nothing
/// to blame and uncommitted files are simply redone. The handler runs on the crashing
/// thread (synchronous signals are delivered there), so it names exactly the crashing
/// worker's file even with many workers. After writing, the previous handler (Swift's
/// backtracer, or the default) runs as before. Decision: docs/decisions/0602-resume-and-quarantine.md.
final class CrashGuard: @unchecked Sendable {
    static let slotBytes = 8192

    init(logPath: String, workers: Int) {
        CrashGuardState.install(logPath: logPath, workers: workers)
    }

    deinit { CrashGuardState.uninstall() }

    /// Called on a worker thread once, before its first file: binds the slot to the thread
    /// and gives the thread an alternate signal stack so a stack overflow can be reported.
    func attach(worker: Int) {
        guard worker < CrashGuardState.count else { return }
        CrashGuardState.slots[worker].thread = pthread_self()
        var stack = stack_t()
        let size = 1 << 16
        stack.ss_sp = malloc(size)
        stack.ss_size = size
        stack.ss_flags = 0
        sigaltstack(&stack, nil)
    }

    /// Marks `file` as in flight on `worker`.
    func begin(worker: Int, file: FileRef) {
        guard worker < CrashGuardState.count else { return }
        let line = CrashLog.line(root: file.root, path: file.relativePath, size: file.size, mtime: file.mtime)
        guard line.count <= CrashGuard.slotBytes else { return }
        let slot = CrashGuardState.slots + worker
        line.withUnsafeBufferPointer { slot.pointee.buffer.update(from: $0.baseAddress!, count: line.count) }
        slot.pointee.length = line.count
    }

    func end(worker: Int) {
        guard worker < CrashGuardState.count else { return }
        CrashGuardState.slots[worker].length = 0
    }
}

struct CrashSlot {
    var thread: pthread_t?
    var buffer: UnsafeMutablePointer<UInt8>
    var length: Int
}

/// Process-wide state the signal handler reads; it can capture nothing, so it lives in globals.
enum CrashGuardState {
    nonisolated(unsafe) static var fd: Int32 = -1
    nonisolated(unsafe) static var slots = UnsafeMutablePointer<CrashSlot>.allocate(capacity: 1)
    nonisolated(unsafe) static var count = 0
    /// The handlers replaced, indexed by signal number (a plain buffer: the handler must not touch Swift collections).
    nonisolated(unsafe) static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    nonisolated(unsafe) static var installed = false
    static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    static func install(logPath: String, workers: Int) {
        fd = open(logPath, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        slots = UnsafeMutablePointer<CrashSlot>.allocate(capacity: workers)
        for index in 0..<workers {
            (slots + index).initialize(to: CrashSlot(thread: nil, buffer: .allocate(capacity: CrashGuard.slotBytes), length: 0))
        }
        count = workers
        for number in signals {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = crashHandler
            #else
            action.__sigaction_u.__sa_handler = crashHandler
            #endif
            action.sa_flags = Int32(SA_ONSTACK)
            sigemptyset(&action.sa_mask)
            sigaction(number, &action, previous + Int(number))
        }
        installed = true
    }

    static func uninstall() {
        guard installed else { return }
        for number in signals { sigaction(number, previous + Int(number), nil) }
        installed = false
        count = 0
        if fd >= 0 { close(fd) }
        fd = -1
    }
}

/// Writes the crashing thread's in-flight line, then lets the previous handler take over.
private func crashHandler(_ number: Int32) {
    let me = pthread_self()
    for index in 0..<CrashGuardState.count {
        let slot = CrashGuardState.slots[index]
        if let thread = slot.thread, pthread_equal(thread, me) != 0, slot.length > 0, CrashGuardState.fd >= 0 {
            _ = write(CrashGuardState.fd, slot.buffer, slot.length)
            break
        }
    }
    sigaction(number, CrashGuardState.previous + Int(number), nil)
    raise(number)
}
