import Foundation
import InventaCrawl
import InventaDetection
import InventaExtraction
import InventaModel
import InventaReport

/// What a worker does with each crawl event: decide whether the file is unchanged since
/// it was last recorded (then nothing is read or written), quarantined (crashed twice),
/// or to be extracted and detected; then hand the entry to the writer. Shared by all
/// workers; everything it holds is immutable or thread-safe.
final class FileVisit: Sendable {
    let options: ScanOptions
    let writer: ReportWriter
    let guardian: CrashGuard
    let progress: ScanProgress
    let detection: Detection
    let extraction: Extraction
    /// The same limits with OCR read at once: the deferred pass over scans (see `deferred`).
    let ocrExtraction: Extraction
    let hooks: TestHooks
    private let workers = WorkerList()
    /// Files that need OCR, met while the text files were read: read after them, so scans
    /// never hold up the rest of the scan (docs/decisions/0230-ocr.md).
    let deferred = DeferredFiles()

    init(options: ScanOptions, writer: ReportWriter, guardian: CrashGuard, progress: ScanProgress,
         detection: Detection, extraction: Extraction, hooks: TestHooks) {
        self.options = options
        self.writer = writer
        self.guardian = guardian
        self.progress = progress
        self.detection = detection
        var deferring = extraction.limits
        if deferring.ocr.mode == .inline { deferring.ocr.mode = .deferred }
        self.extraction = Extraction(limits: deferring)
        self.ocrExtraction = extraction
        self.hooks = hooks
    }

    /// State owned by one worker thread: no lock per file. `@unchecked Sendable` because its
    /// fields are plain vars: only its own worker thread touches them while the crawl runs,
    /// and `seen`, `flush` and `unreadableFolders` read them only after `Crawler.run` has
    /// returned (its `DispatchGroup.wait` orders every worker's writes before those reads).
    final class Worker: @unchecked Sendable {
        let index: Int
        var seen: [Int64] = []
        var unchanged = 0
        /// Of `unchanged`: files already recorded by the interrupted run this one resumes.
        var alreadyDone = 0
        /// Folders (root, relative path ending in '/') that could not be read this time.
        var unreadable: [(String, String)] = []
        /// The last file was put on the deferred OCR list (no entry yet).
        var deferredLast = false

        init(index: Int) { self.index = index }
    }

    /// Called on each worker thread before its first event.
    func makeWorker(_ index: Int) -> Worker {
        let worker = Worker(index: index)
        workers.append(worker)
        return worker
    }

    /// The known rows every worker met; read after the crawl has ended.
    var seen: Set<Int64> {
        var all = Set<Int64>()
        for worker in workers.all { all.formUnion(worker.seen) }
        return all
    }

    /// Root → folders that could not be read (or entries that could not be examined) in
    /// this scan; their known files are not marked removed. Read after the crawl has ended.
    var unreadableFolders: [String: [String]] {
        var all: [String: [String]] = [:]
        for worker in workers.all {
            for (root, folder) in worker.unreadable { all[root, default: []].append(folder) }
        }
        return all
    }

    /// Flushes the workers' unchanged counts into the shared progress; after the crawl has ended.
    func flush() {
        for worker in workers.all where worker.unchanged > 0 {
            progress.recordUnchanged(worker.unchanged, alreadyDone: worker.alreadyDone)
            worker.unchanged = 0
            worker.alreadyDone = 0
        }
    }

    func handle(_ event: CrawlEvent, worker: Worker) {
        let file: FileRef
        switch event {
        case .settled(let settled): file = settled.file
        case .file(let found): file = found
        }
        let known = writer.known.lookup(root: file.root, path: file.relativePath)
        if let known { worker.seen.append(known.id) }
        if case .settled(let settled) = event, settled.outcome.status == "failed" {
            let path = file.relativePath
            worker.unreadable.append((file.root, path.hasSuffix("/") ? path : path + "/"))
        }
        let entry: FileEntry?
        switch event {
        case .settled(let settled): entry = settle(settled, known: known)
        case .file: entry = scan(file, known: known, worker: worker.index, extraction: extraction, deferring: worker)
        }
        if worker.deferredLast {
            worker.deferredLast = false
            return
        }
        guard let entry else {
            // Counted locally and published in batches: one shared lock per file would cost
            // more than the rest of an unchanged file's visit.
            worker.unchanged += 1
            if known?.scanID == writer.scanID { worker.alreadyDone += 1 }
            if worker.unchanged == 256 {
                progress.recordUnchanged(256, alreadyDone: worker.alreadyDone)
                worker.unchanged = 0
                worker.alreadyDone = 0
            }
            return
        }
        submit(entry)
    }

    /// Records `entry` in the progress and hands it to the writer.
    private func submit(_ entry: FileEntry) {
        var entry = entry
        let file = entry.result.file
        entry.department = options.departments.department(root: file.root, relativePath: file.relativePath)
        let result = entry.result
        progress.record(status: result.outcome.status, reason: result.outcome.reason,
                        path: file.root == "." ? file.relativePath : file.root + (file.root.hasSuffix("/") ? "" : "/") + file.relativePath,
                        findings: result.findings.count, bytes: result.outcome.status == "scanned" ? file.size : 0,
                        textBytes: result.textBytes, ocrPages: result.ocr.pages)
        writer.submit(entry)
    }

    /// The deferred pass: reads one file that needs OCR, with OCR on, and submits it.
    func scanDeferred(_ file: FileRef, worker: Int) {
        let known = writer.known.lookup(root: file.root, path: file.relativePath)
        guard let entry = scan(file, known: known, worker: worker, extraction: ocrExtraction, deferring: nil) else { return }
        submit(entry)
    }

    /// A skipped or failed entry the crawler settled: unchanged if recorded the same way.
    private func settle(_ settled: FileResult, known: KnownFiles.Entry?) -> FileEntry? {
        if let known, options.incremental, known.status == settled.outcome.status, known.reason == settled.outcome.reason,
           known.size == settled.file.size, known.mtime == settled.file.mtime {
            return nil
        }
        return FileEntry(result: settled, department: "", replaces: known?.id)
    }

    /// A regular file: nil when unchanged, else its scanned (or quarantined) entry.
    private func scan(_ file: FileRef, known: KnownFiles.Entry?, worker: Int, extraction: Extraction, deferring: Worker?) -> FileEntry? {
        var contentHash: String?
        if let known, options.incremental, FileVisit.sameIdentity(known, file) {
            guard options.verifyContent else { return nil }
            contentHash = ContentDigest.sha256(path: file.pathBytes, device: file.device, inode: file.inode,
                                               followLink: file.inode == 0 || file.throughLink)
            if contentHash != nil && contentHash == known.contentHash { return nil }
        }
        let result: FileResult
        if writer.crashCount(file) >= 2 {
            result = FileResult(file: file, outcome: .failed(
                "crashed: this file crashed the scanner twice and is quarantined; report it to the Inventa maintainers"))
        } else {
            guardian.begin(worker: worker, file: file)
            hooks.beforeExtracting(file)
            let scanned = ScanPipeline.scanned(file, extraction: extraction, detection: options.runDetectors ? detection : nil,
                                                 maxFindings: options.maxFindingsPerFile)
            guardian.end(worker: worker)
            if let deferring, scanned.deferred, deferred.add(file) {
                deferring.deferredLast = true
                return nil
            }
            result = scanned.result
        }
        if options.verifyContent && contentHash == nil {
            contentHash = ContentDigest.sha256(path: file.pathBytes, device: file.device, inode: file.inode,
                                               followLink: file.inode == 0 || file.throughLink)
        }
        return FileEntry(result: result, department: "", replaces: known?.id, contentHash: contentHash)
    }

    /// A file is the one recorded when its size, mtime, device and inode are unchanged and
    /// it was not a failure (failures are retried: the cause may be gone).
    static func sameIdentity(_ known: KnownFiles.Entry, _ file: FileRef) -> Bool {
        known.status != "failed" && known.size == file.size && known.mtime == file.mtime
            && known.device == file.device && known.inode == file.inode
    }
}

/// The workers of one scan, registered once each.
final class WorkerList: Sendable {
    private let workers = Locked<[FileVisit.Worker]>([])
    func append(_ worker: FileVisit.Worker) { workers.withLock { $0.append(worker) } }
    var all: [FileVisit.Worker] { workers.withLock { $0 } }
}

/// Files put aside for the OCR pass, in the order met. Bounded: past `capacity` a file is
/// read with OCR at once, so a share of millions of scans cannot grow this without end.
final class DeferredFiles: Sendable {
    static let capacity = 200_000
    private struct State { var files: [FileRef] = []; var next = 0 }
    private let state = Locked(State())

    /// False when the list is full (the caller reads the file now).
    func add(_ file: FileRef) -> Bool {
        state.withLock {
            guard $0.files.count < DeferredFiles.capacity else { return false }
            $0.files.append(file)
            return true
        }
    }

    /// The next file to read in the OCR pass, or nil when all are taken.
    func take() -> FileRef? {
        state.withLock { state in
            guard state.next < state.files.count else { return nil }
            defer { state.next += 1 }
            return state.files[state.next]
        }
    }

    var count: Int { state.withLock { $0.files.count } }
}
