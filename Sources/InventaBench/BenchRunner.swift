import Foundation
import InventaCorpus
import InventaCrawl
import InventaDetection
import InventaModel
import InventaPipeline
import InventaReport
#if canImport(Glibc)
import Glibc
#endif

/// Runs `inventa bench`: scans `CORPUS/share` with the normal `ScanPipeline`
/// (cleartext values, into a temporary report and key that are deleted
/// afterwards), reads the findings back through `ReportReader`, and scores them
/// against `CORPUS/ground-truth.jsonl`. Measures what a user's scan costs: wall
/// time of the scan, files and bytes per second, and the process's peak RSS.
public struct BenchRunner {
    public var corpus: String
    public var jobs: Int
    public var detection: Detection

    public init(corpus: String, detection: Detection, jobs: Int = CrawlPolicy.defaultJobs) {
        self.corpus = corpus
        self.detection = detection
        self.jobs = jobs
    }

    public func run() throws -> BenchResult {
        let share = corpus + "/" + GroundTruth.shareFolder
        for needed in [share, corpus + "/" + GroundTruth.fileName] where !FileManager.default.fileExists(atPath: needed) {
            throw CorpusError.truth("\(needed) is missing: is this a corpus written by 'inventa corpus generate'?")
        }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("inventa-bench-\(ProcessInfo.processInfo.globallyUniqueString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: temporary) }
        let report = temporary.appendingPathComponent("bench.sqlite").path
        let options = ScanOptions(roots: [share], policy: CrawlPolicy(jobs: jobs), reportPath: report,
                                  keyPath: temporary.appendingPathComponent("bench.key").path, storeValues: true)
        let summary = try ScanPipeline(options: options, detection: detection).run(toolVersion: "bench")
        // Measured before the truth is loaded, so it is the scan's memory, not the bench's.
        let peak = Self.peakResidentBytes()
        let truth = try GroundTruth.load(corpus: corpus)
        let reader = try ReportReader(path: report, scanID: summary.scanID)
        let findings = try reader.findings().rows.compactMap { row -> ReportedFinding? in
            guard case .text(let path?) = row[0], case .text(let category?) = row[1], case .text(let value?) = row[2] else { return nil }
            return ReportedFinding(path: path, category: category, value: value)
        }
        let fileTable = try reader.files()
        // Throughput counts every top-level file's bytes, whether or not an extractor read it.
        let totalBytes = fileTable.rows.reduce(Int64(0)) { sum, row in
            guard case .text(let path?) = row[0], !path.contains("!"), case .integer(let size) = row[5] else { return sum }
            return sum + size
        }
        let files = fileTable.rows.compactMap { row -> ReportedFile? in
            guard case .text(let path?) = row[0], case .text(let status?) = row[2], case .text(let risk?) = row[4] else { return nil }
            var format: String?, reason: String?
            if case .text(let text) = row[1] { format = text }
            if case .text(let text) = row[3] { reason = text }
            return ReportedFile(path: path, format: format, status: status, reason: reason, risk: risk)
        }
        let scores = Scorer.score(truth: truth, findings: findings, files: files)
        return BenchResult(corpus: corpus, scores: scores, files: Int64(summary.totals.files), bytes: totalBytes,
                           scannedBytes: summary.totals.bytes,
                           seconds: summary.seconds, peakResidentBytes: peak, jobs: jobs)
    }

    /// Peak resident set size of this process so far (`getrusage`, kilobytes on Linux, bytes on macOS).
    static func peakResidentBytes() -> Int64 {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int64(usage.ru_maxrss) * 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Int64(usage.ru_maxrss)
        #endif
    }
}

/// Scores plus the cost of the scan that produced them.
public struct BenchResult: Sendable {
    public var corpus: String
    public var scores: BenchScores
    public var files: Int64
    public var bytes: Int64
    /// Bytes of the files (and members) an extractor read; skipped files are not read.
    public var scannedBytes: Int64
    public var seconds: Double
    public var peakResidentBytes: Int64
    public var jobs: Int

    public var filesPerSecond: Double { seconds > 0 ? Double(files) / seconds : 0 }
    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1_000_000 / seconds : 0 }
}
