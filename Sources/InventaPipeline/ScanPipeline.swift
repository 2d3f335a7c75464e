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
    private let detection: Detection

    /// `detection` is built by the caller from a validated rule set, so rule errors are
    /// reported before a scan row is written.
    public init(options: ScanOptions, detection: Detection) {
        self.options = options
        self.detection = detection
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
        let visit = FileVisit(options: options, writer: writer, guardian: guardian, progress: progress,
                              detection: detection, extraction: Extraction(limits: options.limits),
                              hooks: TestHooks.fromEnvironment())
        let crawler = self.crawler
        // C libraries set up their global state here, on this thread, before workers start.
        Extraction.prepareLibraries()
        crawler.run(roots: roots) { index in
            guardian.attach(worker: index)
            let worker = visit.makeWorker(index)
            return { event in
                visit.handle(event, worker: worker)
                if writer.hasFailed { crawler.cancel() }
            }
        }
        if !isCancelled { runDeferred(visit, guardian: guardian, writer: writer) }
        visit.flush()
        let interrupted = isCancelled
        let removed = interrupted ? [] : writer.known.unseen(roots: Set(roots), seen: visit.seen)
        let totals = try writer.finish(interrupted: interrupted, removed: removed)
        withExtendedLifetime(guardian) {}
        return ScanSummary(reportPath: options.reportPath, scanID: writer.scanID, totals: totals,
                           textBytes: progress.snapshot.textBytes, seconds: Date().timeIntervalSince(started),
                           interrupted: interrupted, resumed: options.resume)
    }

    /// The OCR pass: the files that need OCR, read after every other file on the same
    /// number of worker threads (each with its own tesseract handle, freed when it ends).
    private func runDeferred(_ visit: FileVisit, guardian: CrashGuard, writer: ReportWriter) {
        guard visit.deferred.count > 0 else { return }
        let threads = (0..<min(options.policy.jobs, visit.deferred.count)).map { index in
            let thread = Thread { [self] in
                guardian.attach(worker: index)
                while !isCancelled, !writer.hasFailed, let file = visit.deferred.take() {
                    visit.scanDeferred(file, worker: index)
                }
                doneThreads.signal()
            }
            thread.stackSize = 16 << 20
            return thread
        }
        threads.forEach { $0.start() }
        threads.forEach { _ in doneThreads.wait() }
    }

    private let doneThreads = DispatchSemaphore(value: 0)

    /// Stops the scan: files in progress finish, everything written so far stays in the report.
    public func cancel() {
        cancelFlag.set()
        crawler.cancel()
    }

    private let cancelFlag = Flag()
    private var isCancelled: Bool { cancelFlag.isSet }

    /// Extracts and detects one file (`detection` nil: extracts only, a benchmark diagnostic).
    /// Never throws: every problem becomes the file's outcome.
    static func scan(_ file: FileRef, extraction: Extraction, detection: Detection?, maxFindings: Int) -> FileResult {
        scanned(file, extraction: extraction, detection: detection, maxFindings: maxFindings).result
    }

    /// `scan`, and whether the file was put aside for the OCR pass (`OCROptions.Mode.deferred`).
    static func scanned(_ file: FileRef, extraction: Extraction, detection: Detection?, maxFindings: Int) -> (result: FileResult, deferred: Bool) {
        var findings: [Finding] = []
        var textBytes = 0
        var truncated = false
        let extracted = extraction.extract(file) { unit in
            textBytes += unit.ownedRange.count
            guard !truncated, let detection else { return }
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
        result.ocr = extracted.ocr
        return (result, extracted.ocrDeferred)
    }
}

/// A one-way boolean shared between threads.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
