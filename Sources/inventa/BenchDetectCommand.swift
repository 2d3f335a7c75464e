import ArgumentParser
import Foundation
import InventaBench
import InventaDetection
import InventaExtraction
import InventaModel
import InventaRules

/// `inventa bench-detect` (hidden): detection throughput on already-extracted text.
/// Builds synthetic Swedish municipal text (`DetectionBenchText`), then runs the full
/// detection stage on one thread and prints MB/s per core, twice: with the rule-based
/// detectors (every rule except the statistical name model, the issue #4 target of
/// 100 MB/s per core) and with everything including names (issue #5 has its own
/// target). Also prints the finding density, which decides the speed more than the
/// text size does. With `--corpus DIR` the text is instead what the product's extractors
/// make of the files under DIR (every format, members of containers, real unit sizes),
/// extracted first and then detected in, so only detection is timed. A measurement, not a
/// test: run it with a release build (`scripts/bench-detect`). See docs/benchmarks/rules-engine.md.
struct BenchDetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-detect",
        abstract: "Measure detection throughput (MB/s per core) on synthetic extracted text.",
        shouldDisplay: false
    )

    @OptionGroup var rulesOption: RulesOption

    @Option(name: .long, help: "Megabytes of text to detect in per round.")
    var megabytes: Int = 32

    @Option(name: .long, help: "Text unit size in bytes (the plain-text extractor uses 1 MiB; documents give smaller units).")
    var unitSize: [Int] = [1 << 20, 16 << 10, 1 << 10]

    @Option(name: .long, help: "Rounds per unit size; the best is reported.")
    var rounds: Int = 3

    @Option(name: .long, help: "One specimen (identifier, contact, payment, name, sensitive term or look-alike) per this many filler sentences (4: dense; 20: closer to ordinary documents).")
    var specimenEvery: Int = 4

    @Flag(name: .long, help: "Measure only the rule-based detectors (skip the run with the name model).")
    var rulesOnly = false

    @Option(name: .long, help: "Detect in the text extracted from the files under this folder (up to --megabytes of text) instead of synthetic text.")
    var corpus: String?

    @Option(name: .long, help: "With --corpus: take every Nth file in path order (a sample across all folders of a large corpus).")
    var fileStride: Int = 1

    func run() throws {
        let options = EngineOptions(today: CivilDate(year: 2026, month: 1, day: 1))
        let ruleSet = try rulesOption.ruleSet()
        var ruleBased = ruleSet
        ruleBased.rules = ruleSet.rules.map { rule in
            var rule = rule
            if rule.matcher == .builtin("name") { rule.enabled = false }
            return rule
        }
        var configurations = [("rule-based (names excluded)", ruleBased)]
        if !rulesOnly && ruleBased.enabledRules.count < ruleSet.enabledRules.count {
            configurations.append(("all detectors (names included)", ruleSet))
        }
        if let corpus {
            try runOnCorpus(corpus, configurations: configurations, options: options)
            return
        }
        let text = DetectionBenchText.generate(bytes: megabytes << 20, specimenEvery: max(1, specimenEvery))
        let megabytesOfText = Double(text.utf8.count) / 1e6
        print(String(format: "text: %.1f MB of synthetic minutes and case notes, one specimen per %d sentences",
                     megabytesOfText, max(1, specimenEvery)))
        for (label, rules) in configurations {
            let detection = try Self.detection(rules, options: options)
            print("\(label): \(rules.enabledRules.count) rules from \(rules.directory)")
            for size in unitSize {
                let units = DetectionBenchText.units(of: text, size: size)
                let result = measure(detection, units: units, bytes: text.utf8.count)
                print(String(format: "  unit %7d bytes: %7.1f MB/s per core (CPU time), %7.1f MB/s wall; %d findings, %.0f per MB (one per %.0f bytes)",
                             size, result.cpu, result.wall, result.findings, Double(result.findings) / megabytesOfText,
                             Double(text.utf8.count) / Double(max(1, result.findings))))
            }
        }
    }

    /// `--corpus`: extract every regular file under `folder` (in path order, until `megabytes`
    /// of text), then time detection alone over those units.
    private func runOnCorpus(_ folder: String, configurations: [(String, RuleSet)], options: EngineOptions) throws {
        let units = try Self.extractedUnits(under: folder, limit: megabytes << 20, stride: max(1, fileStride))
        let bytes = units.reduce(0) { $0 + $1.text.utf8.count }
        guard bytes > 0 else { throw Fatal(message: "\(folder): no text extracted; give a folder of documents") }
        let sizes = units.map { $0.text.utf8.count }.sorted()
        print(String(format: "text: %.1f MB (%d bytes) extracted from %@%@ in %d text units (median %d bytes, mean %.0f)",
                     Double(bytes) / 1e6, bytes, folder, fileStride > 1 ? " (every \(fileStride)th file)" : "", units.count,
                     sizes[sizes.count / 2], Double(bytes) / Double(units.count)))
        for (label, rules) in configurations {
            let detection = try Self.detection(rules, options: options)
            let result = measure(detection, units: units, bytes: bytes)
            print(String(format: "%@: %7.1f MB/s per core (CPU time), %7.1f MB/s wall; %d findings, %.0f per MB",
                         label, result.cpu, result.wall, result.findings, Double(result.findings) / (Double(bytes) / 1e6)))
        }
    }

    private static func detection(_ rules: RuleSet, options: EngineOptions) throws -> Detection {
        do {
            return try Detection(ruleSet: rules, options: options)
        } catch {
            throw Fatal(message: error.description)
        }
    }

    /// The text units of the regular files under `folder`, as a scan extracts them.
    private static func extractedUnits(under folder: String, limit: Int, stride: Int) throws -> [TextUnit] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else {
            throw Fatal(message: "\(folder): cannot list this folder; give a readable folder of documents")
        }
        var paths: [String] = []
        while let relative = walker.nextObject() as? String {
            if walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular { paths.append(relative) }
        }
        Extraction.prepareLibraries()
        let extraction = Extraction()
        var units: [TextUnit] = []
        var bytes = 0
        for (index, relative) in paths.sorted().enumerated() where index % stride == 0 && bytes < limit {
            let path = folder + "/" + relative
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            let file = FileRef(pathBytes: Array(path.utf8), root: folder, relativePath: relative, size: Int64(info.st_size),
                               mtime: Double(info.st_mtim.tv_sec), device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            _ = extraction.extract(file) { unit in
                bytes += unit.text.utf8.count
                units.append(unit)
            }
        }
        return units
    }

    /// Best of `rounds`: MB/s over the thread's CPU time and over wall time, and the finding count.
    private func measure(_ detection: Detection, units: [TextUnit], bytes: Int) -> (cpu: Double, wall: Double, findings: Int) {
        var bestCPU = 0.0
        var bestWall = 0.0
        var findings = 0
        for _ in 0..<max(1, rounds) {
            let wallStart = DispatchTime.now().uptimeNanoseconds
            let cpuStart = Self.threadCPUSeconds()
            var count = 0
            for unit in units { count += detection.detect(unit).count }
            let cpu = Self.threadCPUSeconds() - cpuStart
            let wall = Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9
            bestCPU = max(bestCPU, Double(bytes) / 1e6 / cpu)
            bestWall = max(bestWall, Double(bytes) / 1e6 / wall)
            findings = count
        }
        return (bestCPU, bestWall, findings)
    }
}

extension BenchDetectCommand {
    /// CPU time of the calling thread: on a shared machine wall time also counts other
    /// processes' turns, CPU time only ours ("per core").
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
