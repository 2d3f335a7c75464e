import InventaModel

/// Live counters of a running scan, updated by workers and read by the progress
/// display. Thread-safe; updated once per file (unchanged files in batches), so one
/// lock costs nothing measurable.
public final class ScanProgress: Sendable {
    public struct Snapshot: Sendable {
        /// Entries this run has dealt with: written, or found unchanged.
        public var files = 0
        /// Files carried forward unchanged from an earlier scan (not read again).
        public var unchanged = 0
        /// Of `unchanged`: files the interrupted run that this one resumes had already recorded.
        public var alreadyDone = 0
        public var scanned = 0
        public var skipped = 0
        public var failed = 0
        public var findings = 0
        /// Bytes of the files this run read.
        public var bytes: Int64 = 0
        public var textBytes: Int64 = 0
        /// The full path of the latest failed file and why.
        /// Pages read by OCR (scans and images).
        public var ocrPages = 0
        public var lastProblem: String?
        /// The same problem's full path and the first word of its reason (`corrupt`, `unreadable directory`).
        public var lastProblemPath: String?
        public var lastProblemKind: String?
        public init() {}
    }

    private let state = Locked(Snapshot())

    init() {}

    func record(status: String, reason: String?, path: String, findings: Int, bytes: Int64, textBytes: Int, ocrPages: Int = 0) {
        state.withLock { state in
            state.files += 1
            switch status {
            case "scanned": state.scanned += 1
            case "skipped": state.skipped += 1
            default:
                state.failed += 1
                state.lastProblem = "\(path): \(reason ?? "failed")"
                state.lastProblemPath = path
                state.lastProblemKind = reason.flatMap { $0.split(separator: ":", maxSplits: 1).first.map(String.init) } ?? "failed"
            }
            state.findings += findings
            state.bytes += bytes
            state.textBytes += Int64(textBytes)
            state.ocrPages += ocrPages
        }
    }

    func recordUnchanged(_ count: Int, alreadyDone: Int = 0) {
        state.withLock { state in
            state.files += count
            state.unchanged += count
            state.alreadyDone += alreadyDone
        }
    }

    public var snapshot: Snapshot { state.withLock { $0 } }
}
