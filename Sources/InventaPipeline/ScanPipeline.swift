import Foundation
import InventaCrawl
import InventaDetection
import InventaExtraction
import InventaModel
import InventaReport

/// Wires the stages of one scan: the crawler's worker threads extract and detect
/// each file they visit, and hand one `FileResult` per file to the single report
/// writer. Owns concurrency (the crawler's workers), back-pressure (the writer's
/// bounded inbox) and cancellation.
///
/// Every path the crawler reports ends as exactly one file row: scanned, skipped
/// (why) or failed (why). One bad file never stops the scan; only a report that
/// can no longer be written does.
public final class ScanPipeline: Sendable {
    public let options: ScanOptions
    public let progress = ScanProgress()
    private let crawler: Crawler
    private let detection: Detection

    /// `detection` is built by the caller from a validated rule set, so rule errors are
    /// reported before any file is touched.
    public init(options: ScanOptions, detection: Detection) {
        self.options = options
        self.detection = detection
        self.crawler = Crawler(policy: options.policy)
    }

    /// Runs the scan to the end (or until `cancel()`), and returns its summary.
    public func run(toolVersion: String) throws(ReportError) -> ScanSummary {
        let started = Date()
        let hasher = try KeyedHasher.loadOrCreate(path: options.keyPath)
        let info = ScanInfo(roots: options.roots, options: options.recorded, toolVersion: toolVersion, storeValues: options.storeValues)
        let writer = try ReportWriter(path: options.reportPath, hasher: hasher, info: info)
        let detection = self.detection
        let extraction = Extraction(limits: options.limits)
        let maxFindings = options.maxFindingsPerFile
        let progress = self.progress
        let crawler = self.crawler
        // C libraries set up their global state here, on this thread, before workers start.
        Extraction.prepareLibraries()
        crawler.run(roots: options.roots) { _ in
            return { event in
                let result: FileResult
                switch event {
                case .settled(let settled): result = settled
                case .file(let file): result = ScanPipeline.scan(file, extraction: extraction, detection: detection, maxFindings: maxFindings)
                }
                progress.record(status: result.outcome.status, reason: result.outcome.reason, path: result.file.relativePath,
                                findings: result.findings.count, bytes: result.outcome.status == "scanned" ? result.file.size : 0,
                                textBytes: result.textBytes)
                writer.submit(result)
                if writer.hasFailed { crawler.cancel() }
            }
        }
        let interrupted = isCancelled
        let totals = try writer.finish(interrupted: interrupted)
        return ScanSummary(reportPath: options.reportPath, scanID: writer.scanID, totals: totals,
                           textBytes: progress.snapshot.textBytes, seconds: Date().timeIntervalSince(started),
                           interrupted: interrupted)
    }

    /// Stops the scan: files in progress finish, everything written so far stays in the report.
    public func cancel() {
        cancelFlag.set()
        crawler.cancel()
    }

    private let cancelFlag = Flag()
    private var isCancelled: Bool { cancelFlag.isSet }

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
