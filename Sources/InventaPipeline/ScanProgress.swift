#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Live counters of a running scan, updated by workers and read by the progress
/// display. Thread-safe; updated once per file, so one mutex costs nothing measurable.
public final class ScanProgress: @unchecked Sendable {
    public struct Snapshot: Sendable {
        public var files = 0
        /// Files carried forward unchanged from an earlier scan (not read again).
        public var unchanged = 0
        public var scanned = 0
        public var skipped = 0
        public var failed = 0
        public var findings = 0
        public var bytes: Int64 = 0
        public var textBytes: Int64 = 0
        /// Pages read by OCR (scans and images).
        public var ocrPages = 0
        public var lastProblem: String?
    }

    private var state = Snapshot()
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func record(status: String, reason: String?, path: String, findings: Int, bytes: Int64, textBytes: Int, ocrPages: Int = 0) {
        pthread_mutex_lock(&mutex)
        state.files += 1
        switch status {
        case "scanned": state.scanned += 1
        case "skipped": state.skipped += 1
        default:
            state.failed += 1
            state.lastProblem = "\(path): \(reason ?? "failed")"
        }
        state.findings += findings
        state.bytes += bytes
        state.textBytes += Int64(textBytes)
        state.ocrPages += ocrPages
        pthread_mutex_unlock(&mutex)
    }

    func recordUnchanged(_ count: Int) {
        pthread_mutex_lock(&mutex)
        state.files += count
        state.unchanged += count
        pthread_mutex_unlock(&mutex)
    }

    public var snapshot: Snapshot {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return state
    }
}
