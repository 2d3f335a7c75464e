import Foundation
import InventaCrawl
import InventaDetection
import InventaExtraction
import InventaModel
import InventaReport

/// Wires the stages of one scan: the crawler's worker threads extract and detect
/// each file they visit, and hand one `FileEntry` per new or changed file to the
/// single report writer. Owns concurrency (the crawler's workers), back-pressure
/// (the writer's bounded inbox), incremental decisions and cancellation.
///
/// Every path the crawler reports ends as exactly one current file row: scanned,
/// skipped (why) or failed (why), either written by this scan or carried forward
/// unchanged from an earlier one. One bad file never stops the scan; only a report
/// that can no longer be written does. A file that crashed the scanner twice is
/// quarantined (`failed: crashed`), see `CrashGuard`.
public final class ScanPipeline: Sendable {
    public let options: ScanOptions
    public let progress = ScanProgress()
    private let crawler: Crawler

    public init(options: ScanOptions) {
        self.options = options
        self.crawler = Crawler(policy: options.policy)
    }

    /// Runs the scan to the end (or until `cancel()`), and returns its summary.
    public func run(toolVersion: String) throws(ReportError) -> ScanSummary {
        let started = Date()
        let hasher = try KeyedHasher.loadOrCreate(path: options.keyPath)
        let info = ScanInfo(roots: options.roots, options: options.recorded, toolVersion: toolVersion,
                            storeValues: options.storeValues, profile: options.profilePath)
        let writer = try ReportWriter(path: options.reportPath, hasher: hasher, info: info, resume: options.resume)
        let roots = writer.roots
        let guardian = CrashGuard(logPath: CrashLog.path(forReport: options.reportPath), workers: options.policy.jobs)
        let today = options.today ?? .today
        let detection = Detection.standard(today: today, thresholds: options.thresholds)
        let extraction = Extraction(limits: options.limits)
        let maxFindings = options.maxFindingsPerFile
        let progress = self.progress
        let crawler = self.crawler
        let options = self.options
        let seen = SeenFiles()
        let hooks = TestHooks.fromEnvironment()
        crawler.run(roots: roots) { worker in
            guardian.attach(worker: worker)
            return { event in
                let file: FileRef
                switch event {
                case .settled(let settled): file = settled.file
                case .file(let found): file = found
                }
                let known = writer.known.lookup(root: file.root, path: file.relativePath)
                if let known { seen.insert(known.id) }
                let entry: FileEntry
                switch event {
                case .settled(let settled):
                    if let known, options.incremental, known.status == settled.outcome.status,
                       known.reason == settled.outcome.reason, known.size == file.size, known.mtime == file.mtime {
                        progress.recordUnchanged()
                        return
                    }
                    entry = FileEntry(result: settled, department: "", replaces: known?.id)
                case .file:
                    var contentHash: String?
                    if let known, options.incremental, ScanPipeline.sameIdentity(known, file) {
                        if !options.verifyContent {
                            progress.recordUnchanged()
                            return
                        }
                        contentHash = ContentDigest.sha256(path: file.pathBytes)
                        if contentHash != nil && contentHash == known.contentHash {
                            progress.recordUnchanged()
                            return
                        }
                    }
                    let result: FileResult
                    if writer.crashCount(file) >= 2 {
                        result = FileResult(file: file, outcome: .failed(
                            "crashed: this file crashed the scanner twice and is quarantined; report it to the Inventa maintainers"))
                    } else {
                        guardian.begin(worker: worker, file: file)
                        hooks.beforeExtracting(file)
                        result = ScanPipeline.scan(file, extraction: extraction, detection: detection, maxFindings: maxFindings)
                        guardian.end(worker: worker)
                    }
                    if options.verifyContent && contentHash == nil { contentHash = ContentDigest.sha256(path: file.pathBytes) }
                    entry = FileEntry(result: result, department: "", replaces: known?.id, contentHash: contentHash)
                }
                var departed = entry
                departed.department = options.departments.department(root: file.root, relativePath: file.relativePath)
                let result = departed.result
                progress.record(status: result.outcome.status, reason: result.outcome.reason, path: result.file.relativePath,
                                findings: result.findings.count, bytes: result.outcome.status == "scanned" ? result.file.size : 0,
                                textBytes: result.textBytes)
                writer.submit(departed)
                if writer.hasFailed { crawler.cancel() }
            }
        }
        let interrupted = isCancelled
        let removed = interrupted ? [] : writer.known.unseen(roots: Set(roots), seen: seen.ids)
        let totals = try writer.finish(interrupted: interrupted, removed: removed)
        withExtendedLifetime(guardian) {}
        return ScanSummary(reportPath: options.reportPath, scanID: writer.scanID, totals: totals,
                           textBytes: progress.snapshot.textBytes, seconds: Date().timeIntervalSince(started),
                           interrupted: interrupted, resumed: options.resume)
    }

    /// Stops the scan: files in progress finish, everything written so far stays in the report.
    public func cancel() {
        cancelFlag.set()
        crawler.cancel()
    }

    private let cancelFlag = Flag()
    private var isCancelled: Bool { cancelFlag.isSet }

    /// A file is the one recorded when its size, mtime, device and inode are unchanged and
    /// it was not a failure (failures are retried: the cause may be gone).
    static func sameIdentity(_ known: KnownFiles.Entry, _ file: FileRef) -> Bool {
        known.status != "failed" && known.size == file.size && known.mtime == file.mtime
            && known.device == file.device && known.inode == file.inode
    }

    /// Extracts and detects one file. Never throws: every problem becomes the file's outcome.
    static func scan(_ file: FileRef, extraction: Extraction, detection: Detection, maxFindings: Int) -> FileResult {
        var findings: [Finding] = []
        var textBytes = 0
        var truncated = false
        let extracted = extraction.extract(file) { unit in
            textBytes += unit.ownedRange.count
            guard !truncated else { return }
            findings += detection.detect(unit)
            if findings.count > maxFindings {
                findings.removeLast(findings.count - maxFindings)
                truncated = true
            }
        }
        var result = FileResult(file: file, format: extracted.format, outcome: extracted.outcome, findings: findings,
                                members: extracted.members, textBytes: textBytes)
        if truncated && extracted.outcome == .scanned {
            result.outcome = .partial("limit_exceeded: more than \(maxFindings) findings; the first \(maxFindings) are kept")
        }
        return result
    }
}

/// A one-way boolean shared between threads.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

/// The ids of known file rows met by this scan's crawl; the rest vanished.
final class SeenFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var set = Set<Int64>()
    func insert(_ id: Int64) { lock.withLock { _ = set.insert(id) } }
    var ids: Set<Int64> { lock.withLock { set } }
}
