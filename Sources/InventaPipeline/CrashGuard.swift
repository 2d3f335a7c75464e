import Foundation
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
///
/// Several scans may run in one process (the tests do): each claims its own slots from a
/// fixed process-wide table and writes to its own log; the handlers are installed while
/// at least one scan runs.
///
/// `@unchecked Sendable`: its own stored properties are immutable after `init`; the slots
/// they index are raw process-wide memory that only the worker bound to a slot writes
/// (`begin`/`end`), and that only the crash handler reads, on that same thread.
final class CrashGuard: @unchecked Sendable {
    static let slotBytes = 8192
    private let fd: Int32
    /// The process-wide slot of each of this scan's workers.
    private let slots: [Int]

    init(logPath: String, workers: Int) {
        // O_NOFOLLOW: a link planted at `<report>.crashes` is not written through (ReportFiles
        // already refused one at the start; this covers one planted since).
        fd = open(logPath, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        slots = CrashGuardState.claim(count: workers, fd: fd)
    }

    deinit {
        CrashGuardState.release(slots)
        if fd >= 0 { close(fd) }
    }

    /// Called on a worker thread once, before its first file: binds the slot to the thread
    /// and gives the thread an alternate signal stack so a stack overflow can be reported.
    func attach(worker: Int) {
        guard let slot = slot(worker) else { return }
        slot.pointee.thread = pthread_self()
        var stack = stack_t()
        let size = 1 << 16
        stack.ss_sp = malloc(size)
        stack.ss_size = size
        stack.ss_flags = 0
        sigaltstack(&stack, nil)
    }

    /// Marks `file` as in flight on `worker`.
    func begin(worker: Int, file: FileRef) {
        guard let slot = slot(worker) else { return }
        let line = CrashLog.line(root: file.root, path: file.relativePath, size: file.size, mtime: file.mtime)
        guard line.count <= CrashGuard.slotBytes else { return }
        line.withUnsafeBufferPointer { slot.pointee.buffer.update(from: $0.baseAddress!, count: line.count) }
        slot.pointee.length = line.count
    }

    func end(worker: Int) {
        slot(worker)?.pointee.length = 0
    }

    private func slot(_ worker: Int) -> UnsafeMutablePointer<CrashSlot>? {
        worker < slots.count && slots[worker] >= 0 ? CrashGuardState.table + slots[worker] : nil
    }
}

struct CrashSlot {
    var thread: pthread_t?
    var buffer: UnsafeMutablePointer<UInt8>
    var length: Int
    var fd: Int32
    var inUse: Bool
}

/// Process-wide state the signal handler reads; it can capture nothing, so it lives in
/// globals: a fixed table of slots (never moved or freed) and the handlers replaced.
enum CrashGuardState {
    static let capacity = 4096
    nonisolated(unsafe) static let table: UnsafeMutablePointer<CrashSlot> = {
        let table = UnsafeMutablePointer<CrashSlot>.allocate(capacity: capacity)
        let none = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        table.initialize(repeating: CrashSlot(thread: nil, buffer: none, length: 0, fd: -1, inUse: false), count: capacity)
        return table
    }()
    /// Slots below this index have been used; the handler looks no further.
    nonisolated(unsafe) static var highWater = 0
    /// The handlers replaced, indexed by signal number (a plain buffer: the handler must not touch Swift collections).
    nonisolated(unsafe) static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    nonisolated(unsafe) static var users = 0
    static let lock = NSLock()
    static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// Claims `count` free slots writing to `fd`; -1 for a worker when the table is full
    /// (that worker's crashes are then not attributed, nothing else changes).
    static func claim(count: Int, fd: Int32) -> [Int] {
        lock.withLock {
            var claimed: [Int] = []
            var index = 0
            while claimed.count < count {
                while index < capacity && table[index].inUse { index += 1 }
                guard index < capacity else { claimed.append(-1); continue }
                // A slot gets its line buffer the first time it is used, and keeps it.
                if index >= highWater { table[index].buffer = .allocate(capacity: CrashGuard.slotBytes) }
                table[index].fd = fd
                table[index].length = 0
                table[index].thread = nil
                table[index].inUse = true
                claimed.append(index)
                highWater = max(highWater, index + 1)
            }
            if users == 0 { install() }
            users += 1
            return claimed
        }
    }

    static func release(_ slots: [Int]) {
        lock.withLock {
            for index in slots where index >= 0 {
                table[index].length = 0
                table[index].thread = nil
                table[index].inUse = false
            }
            users -= 1
            if users == 0 { for number in signals { sigaction(number, previous + Int(number), nil) } }
        }
    }

    private static func install() {
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
    }
}

/// Writes the crashing thread's in-flight line, then lets the previous handler take over.
private func crashHandler(_ number: Int32) {
    let me = pthread_self()
    for index in 0..<CrashGuardState.highWater {
        let slot = CrashGuardState.table[index]
        if slot.inUse, let thread = slot.thread, pthread_equal(thread, me) != 0, slot.length > 0, slot.fd >= 0 {
            _ = write(slot.fd, slot.buffer, slot.length)
            break
        }
    }
    sigaction(number, CrashGuardState.previous + Int(number), nil)
    raise(number)
}
