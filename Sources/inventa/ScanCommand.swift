import ArgumentParser
import Foundation
import InventaCrawl
import InventaPipeline
import InventaReport

/// `inventa scan PATH…`: crawls, extracts, detects and writes the report.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan folders or files for personal data and write the findings to a SQLite report.",
        discussion: """
            Scanned files are opened read-only and never modified; FIFOs, sockets and devices are never \
            opened. The report stores masked values and keyed hashes, never cleartext, unless --store-values \
            is given. Report and key files are created with mode 0600.
            """
    )

    @Argument(help: "Folders or files to scan.")
    var paths: [String]

    @Option(name: .long, help: "Report file to write (a new scan is added if it exists).")
    var report: String = "inventa-report.sqlite"

    @Option(name: .long, help: "Key file for the keyed hashes (created 0600 if missing). Default: ~/.config/inventa/hmac.key, or $INVENTA_KEY_FILE.")
    var keyFile: String?

    @Option(name: .shortAndLong, help: "Worker threads (default: number of cores).")
    var jobs: Int = CrawlPolicy.defaultJobs

    @Option(name: .long, help: ArgumentHelp("Skip paths matching this glob (repeatable). Without '/' it matches the file name, e.g. '~$*'; '**' crosses folders.", valueName: "glob"))
    var exclude: [String] = []

    @Option(name: .long, help: ArgumentHelp("Scan only files matching this glob (repeatable).", valueName: "glob"))
    var include: [String] = []

    @Option(name: .long, help: ArgumentHelp("Skip files larger than this, e.g. 500M, 2G (default: no limit).", valueName: "size"))
    var maxFileSize: String?

    @Flag(name: .long, help: "Also scan files and folders whose names start with '.'.")
    var hidden = false

    @Flag(name: .long, help: "Follow symbolic links (each folder is still entered at most once).")
    var followSymlinks = false

    @Flag(name: .long, help: "Do not descend into other file systems below a root.")
    var oneFileSystem = false

    @Flag(name: .long, help: "Store cleartext values in the report. Only for synthetic test corpora: the report then holds personal data in clear.")
    var storeValues = false

    @Flag(name: .long, help: "Do not show live progress on stderr.")
    var quiet = false

    @OptionGroup(title: "Per-file limits") var extraction: ExtractionOptions

    @OptionGroup var rulesOption: RulesOption

    func validate() throws {
        guard jobs >= 1 && jobs <= 1024 else { throw ValidationError("--jobs must be between 1 and 1024") }
        if let maxFileSize, ByteSize.parse(maxFileSize) == nil {
            throw ValidationError("--max-file-size '\(maxFileSize)' is not a size; use e.g. 500K, 200M or 2G")
        }
    }

    func run() throws {
        let policy = CrawlPolicy(includes: include.map(Glob.init), excludes: exclude.map(Glob.init),
                                 maxFileSize: maxFileSize.flatMap(ByteSize.parse), includeHidden: hidden,
                                 followSymlinks: followSymlinks, oneFileSystem: oneFileSystem, jobs: jobs)
        let rulesDirectory = try rulesOption.directory()
        let options = ScanOptions(roots: paths, policy: policy, reportPath: report,
                                  keyPath: keyFile ?? KeyedHasher.defaultKeyPath, storeValues: storeValues,
                                  limits: extraction.limits, rulesDirectory: rulesDirectory)
        let detection = try rulesOption.detection(options: options.engineOptions, rulesDirectory)
        let pipeline = ScanPipeline(options: options, detection: detection)
        let signals = SignalHandler { pipeline.cancel() }
        let display = ProgressDisplay(progress: pipeline.progress, enabled: !quiet && isatty(STDERR_FILENO) == 1)
        display.start()
        let summary: ScanSummary
        do {
            summary = try pipeline.run(toolVersion: Inventa.version)
        } catch {
            display.stop()
            throw Fatal(message: error.description)
        }
        display.stop()
        withExtendedLifetime(signals) {}
        printSummary(summary)
    }

    private func printSummary(_ summary: ScanSummary) {
        let t = summary.totals
        let path = URL(fileURLWithPath: summary.reportPath).standardizedFileURL.path
        if summary.interrupted { print("Interrupted: the report holds everything scanned so far.") }
        print("Files: \(t.files) (\(t.scanned) scanned, \(t.skipped) skipped, \(t.failed) failed)")
        print("Findings: \(t.findings)")
        print(String(format: "Time: %.1f s, %.1f MB/s, %.0f files/s", summary.seconds, summary.megabytesPerSecond, summary.filesPerSecond))
        print("Report: \(path)\(storeValues ? " (contains cleartext values)" : "")")
        print("Next: inventa report summary --report \(summary.reportPath)")
    }
}

/// Parses sizes such as `1500`, `500K`, `200M`, `2G` (binary multiples).
enum ByteSize {
    static func parse(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: "B", with: "")
        guard let last = trimmed.last else { return nil }
        let multipliers: [Character: Int64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
        if let multiplier = multipliers[last] {
            return Int64(trimmed.dropLast()).map { $0 * multiplier }
        }
        return Int64(trimmed)
    }
}
