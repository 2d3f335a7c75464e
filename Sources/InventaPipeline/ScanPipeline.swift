import Foundation
import InventaCrawl
import InventaDetection
import InventaExtraction
import InventaModel
import InventaReport
import Synchronization

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
    /// The walk's counts (files found, folders left), for progress.
    public var crawlCounts: CrawlCounts { crawler.counts }
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
    ///
    /// Before anything is recorded: takes the report's lock (one writer per report), picks
    /// the key (never a new one for a report that holds hashes; never one whose fingerprint
    /// differs), and checks every root (a missing or unreadable root, or an empty folder where
    /// the report knows files, ends the scan). After the walk, removal is refused when more
    /// of a root's known files vanished than `maxRemovedShare` allows.
    public func run(toolVersion: String) throws(ScanError) -> ScanSummary {
        do {
            return try runLocked(toolVersion: toolVersion)
        } catch let error as ScanError {
            throw error
        } catch let error as ReportError {
            throw .report(error)
        } catch {
            throw .report(.sql(String(describing: error)))
        }
    }

    private func runLocked(toolVersion: String) throws -> ScanSummary {
        let started = Date()
        let tightened = try ReportFiles.secure(report: options.reportPath)
        let lock = try ReportLock(report: options.reportPath)
        defer { withExtendedLifetime(lock) {} }
        let state = try ReportState.read(path: options.reportPath)
        let hasher = try KeyedHasher.forScan(path: options.keyPath, report: state)
        if let recorded = state.fingerprint, recorded != hasher.fingerprint {
            throw ReportError.keyMismatch(path: options.keyPath, report: options.reportPath,
                                          expected: KeyedHasher.short(recorded), found: KeyedHasher.short(hasher.fingerprint))
        }
        if options.resume && state.latestStatus != "running" && state.latestStatus != "interrupted" {
            throw ReportError.nothingToResume(path: options.reportPath, status: state.latestStatus)
        }
        let roots = options.resume ? state.latestRoots : options.roots
        if roots.isEmpty { throw ScanError.noRoots }
        var emptyRoots = Set<String>()
        for root in roots {
            let known = state.knownFiles[root] ?? 0
            switch ScanRoot.inspect(root) {
            case .unusable(let why): throw ScanError.rootUnusable(root: root, why: why, knownFiles: known)
            case .directory(empty: true) where known > 0:
                guard options.allowEmptyRoot else { throw ScanError.rootEmpty(root: root, knownFiles: known) }
                emptyRoots.insert(root)
            case .directory, .file: break
            }
        }
        let info = ScanInfo(roots: options.roots, options: options.recorded, toolVersion: toolVersion,
                            storeValues: options.storeValues, profile: options.profilePath)
        let writer = try ReportWriter(path: options.reportPath, hasher: hasher, info: info, resume: options.resume,
                                      keyPath: options.keyPath)
        let guardian = CrashGuard(logPath: CrashLog.path(forReport: options.reportPath), workers: options.policy.jobs)
        let visit = FileVisit(options: options, writer: writer, guardian: guardian, progress: progress,
                              detection: detection, extraction: Extraction(limits: options.limits),
                              hooks: TestHooks.fromEnvironment())
        let crawler = self.crawler
        // C libraries set up their global state here, on this thread, before workers start.
        Extraction.prepareLibraries()
        crawler.run(roots: writer.roots) { index in
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
        var removed: [Int64] = []
        if !interrupted {
            let seen = visit.seen, unreadable = visit.unreadableFolders
            for root in Set(writer.roots) {
                let gone = writer.known.unseen(root: root, seen: seen, keeping: unreadable[root] ?? [])
                let known = state.knownFiles[root] ?? writer.known.count(root: root)
                if !gone.isEmpty && !emptyRoots.contains(root) && Double(gone.count) > options.maxRemovedShare * Double(known) {
                    // The files written so far stay; the scan stays resumable, and nothing is removed.
                    _ = try writer.finish(interrupted: true, removed: [])
                    throw ScanError.tooManyRemoved(root: root, removed: gone.count, known: known, allowed: options.maxRemovedShare)
                }
                removed += gone
            }
        }
        let totals = try writer.finish(interrupted: interrupted, removed: removed)
        withExtendedLifetime(guardian) {}
        var summary = ScanSummary(reportPath: options.reportPath, scanID: writer.scanID, totals: totals,
                                  textBytes: progress.snapshot.textBytes, seconds: Date().timeIntervalSince(started),
                                  interrupted: interrupted, resumed: options.resume)
        summary.run = progress.snapshot
        summary.keyFingerprint = KeyedHasher.short(hasher.fingerprint)
        summary.tookOverLock = lock.tookOver?.description
        summary.notices = tightened
        summary.startedAt = Timestamp.format(seconds: started.timeIntervalSince1970)
        return summary
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
        // Column-level evidence over the file's table rows (docs/decisions/0205-table-rows.md).
        var columns = detection.map { TableEvidence(options: $0.engine.options) }
        // Which documents named a person so far: a sensitive term's subject may be named in an earlier unit.
        var documents = NamedDocuments()
        let extracted = extraction.extract(file) { unit in
            textBytes += unit.ownedRange.count
            guard !truncated, let detection else { return }
            let first = findings.count
            findings += detection.detect(unit, documents: &documents)
            if unit.table != nil { columns?.observe(unit, findings: findings, from: first) }
            if findings.count > maxFindings {
                findings.removeLast(findings.count - maxFindings)
                truncated = true
            }
        }
        if let columns, !columns.isEmpty { columns.apply(to: &findings) }
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
final class Flag: Sendable {
    private let value = Atomic<Bool>(false)
    func set() { value.store(true, ordering: .releasing) }
    var isSet: Bool { value.load(ordering: .acquiring) }
}
