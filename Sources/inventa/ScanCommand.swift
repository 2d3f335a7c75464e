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

            Before anything is recorded the scan takes the report's lock (a second scan of the same report \
            exits 1), checks the key against the report's fingerprint, and checks every root: a missing or \
            unreadable root, or an empty folder where the last scan found files (an unmounted share), exits 1 \
            and marks nothing removed.

            Exit codes: 0 done; 1 fatal (nothing or only part recorded; the message says what to do); 2 usage; \
            3 --fail-on met; 130 stopped by SIGINT, 143 by SIGTERM (the report is consistent; continue with --resume).
            """
    )

    @Argument(help: "Folders or files to scan (default: the profile's roots).")
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Scan profile (TOML): roots, excludes, limits, departments… Options given here override it. See docs/examples/profile.toml.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: "Report file to write (a new scan is added if it exists). Default: inventa-report.sqlite")
    var report: String?

    @Option(name: .long, help: "Key file for the keyed hashes (created 0600 if missing). Default: ~/.config/inventa/hmac.key, or $INVENTA_KEY_FILE.")
    var keyFile: String?

    @Option(name: .shortAndLong, help: "Worker threads (default: number of cores).")
    var jobs: Int?

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

    @Flag(name: .long, help: "Continue the report's interrupted latest scan: committed files are not redone.")
    var resume = false

    @Flag(name: .long, help: "Rescan every file, not only new and changed ones.")
    var full = false

    @Flag(name: .long, help: "Trust a file unchanged only if its content hash also matches (reads every file).")
    var verifyContent = false

    @Flag(name: .long, help: "Do not show live progress on stderr.")
    var quiet = false

    @Flag(name: .long, help: "Scan a root that is an empty folder although the last scan found files there (and mark them removed).")
    var allowEmptyRoot = false

    @Option(name: .long, help: ArgumentHelp("Refuse to mark more than this share (0–1) of a root's known files removed in one scan (default 0.5, or the profile's max_removed_share).", valueName: "share"))
    var maxRemovedShare: Double?

    @Option(name: .long, help: ArgumentHelp("Exit 3 when the report, after this scan, holds a file of this risk or more: high, medium, or any finding.", valueName: "level"))
    var failOn: FailOn?

    @Option(name: .long, help: ArgumentHelp("Write totals, problems by reason, duration and exit reason as JSON to this file (also on failure).", valueName: "file"))
    var summaryJson: String?

    @OptionGroup var colorOption: ColorOption

    /// Benchmark diagnostic (hidden): everything but the detectors, so a benchmark can tell
    /// extraction and report cost from detection cost (scripts/bench-formats). Files are
    /// still recorded and the scan row says `detection = off`; only into a new report, so a
    /// later incremental scan can never take these undetected files for done.
    @Flag(name: .customLong("diagnostic-no-detection"), help: .hidden)
    var diagnosticNoDetection = false

    @OptionGroup(title: "Per-file limits") var extraction: ExtractionOptions

    @OptionGroup var rulesOption: RulesOption

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case high, medium, any

        func met(by totals: ScanTotals) -> Int {
            switch self {
            case .high: return totals.highRisk
            case .medium: return totals.highRisk + totals.mediumRisk
            case .any: return totals.withFindings
            }
        }
    }

    func validate() throws {
        if let maxRemovedShare, !(0...1).contains(maxRemovedShare) {
            throw ValidationError("--max-removed-share \(maxRemovedShare) is not a share; give a number from 0 to 1, e.g. 0.5")
        }
        if let jobs, !(1...1024).contains(jobs) { throw ValidationError("--jobs must be between 1 and 1024") }
        if resume && !paths.isEmpty { throw ValidationError("--resume continues the interrupted scan's own folders; give no paths") }
        if !resume && paths.isEmpty && config == nil { throw ValidationError("give the folders to scan, or --config PROFILE") }
        if let maxFileSize, ByteSize.parse(maxFileSize) == nil {
            throw ValidationError("--max-file-size '\(maxFileSize)' is not a size; use e.g. 500K, 200M or 2G")
        }
    }

    func run() throws {
        Terminal.use(colorOption.color)
        var reportPath = report ?? "inventa-report.sqlite"
        let outcome: ScanOutcome
        do {
            let (options, profileRules) = try makeOptions()
            reportPath = options.reportPath
            outcome = try scan(options: options, profileRules: profileRules)
        } catch let fatal as Fatal {
            summaryJson.map { ScanOutcome(reason: "fatal", exitCode: 1, message: fatal.message).write(to: $0, report: reportPath) }
            throw fatal
        }
        if let summaryJson { outcome.write(to: summaryJson, report: reportPath) }
        if let message = outcome.message { printError("inventa: " + message) }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }

    private func scan(options: ScanOptions, profileRules: String?) throws -> ScanOutcome {
        if options.roots.isEmpty && !resume { throw Fatal(message: ScanError.noRoots.description) }
        if !options.runDetectors && (resume || FileManager.default.fileExists(atPath: options.reportPath)) {
            // A later incremental scan would take these undetected files for done.
            throw Fatal(message: "--diagnostic-no-detection writes only a new report; give --report a path that does not exist yet")
        }
        let detection = try rulesOption.detection(options: options.engineOptions, options.rulesDirectory ?? profileRules)
        let pipeline = ScanPipeline(options: options, detection: detection)
        let signals = SignalHandler { pipeline.cancel() }
        let display = ProgressDisplay(progress: pipeline.progress, crawl: pipeline.crawlCounts,
                                      enabled: !quiet && isatty(STDERR_FILENO) == 1)
        display.start()
        let summary: ScanSummary
        do {
            summary = try pipeline.run(toolVersion: Inventa.version)
        } catch {
            display.stop()
            throw Fatal(message: error.description)
        }
        display.stop()
        printSummary(summary)
        if summary.interrupted, let code = signals.exitCode {
            return ScanOutcome(reason: code == 130 ? "interrupted_sigint" : "interrupted_sigterm", exitCode: code, summary: summary)
        }
        if let failOn, case let count = failOn.met(by: summary.totals), count > 0 {
            let what = failOn == .any ? "with findings" : "of \(failOn.rawValue) risk\(failOn == .medium ? " or more" : "")"
            return ScanOutcome(reason: "fail_on", exitCode: 3, message: "\(Count.spaced(count)) file(s) \(what) in the report (--fail-on \(failOn.rawValue)); list them: inventa report files --risk \(failOn == .any ? "low" : failOn.rawValue) --report \(summary.reportPath)",
                               summary: summary)
        }
        return ScanOutcome(reason: "completed", exitCode: 0, summary: summary)
    }

    private func printSummary(_ summary: ScanSummary) {
        let t = summary.totals, run = summary.run
        let path = URL(fileURLWithPath: summary.reportPath).standardizedFileURL.path
        for notice in summary.notices { printError("inventa: note: \(notice)") }
        if let holder = summary.tookOverLock { printError("inventa: note: took over the lock left by a scan that is no longer running (\(holder))") }
        if summary.interrupted { print("Interrupted: the report holds everything scanned so far; continue with --resume.") }
        if summary.resumed { print("Resumed scan \(summary.scanID).") }
        let c = Count.spaced
        print("Files: \(c(t.files)) (\(c(t.new)) new or changed, \(c(t.unchanged)) unchanged, \(c(t.removed)) removed)")
        if summary.resumed {
            print("This run: \(c(run.scanned + run.skipped + run.failed)) recorded, \(c(run.alreadyDone)) already recorded before the interruption, \(c(run.unchanged - run.alreadyDone)) unchanged since an earlier scan")
        }
        print("Rows: \(c(t.scanned)) scanned, \(c(t.skipped)) skipped, \(c(t.failed)) failed (container members included)")
        let risky = t.highRisk > 0 ? " (\(c(t.highRisk)) high-risk file\(t.highRisk == 1 ? "" : "s"))" : ""
        print("Findings: \(c(t.findings))" + risky)
        let read = c(run.scanned + run.skipped + run.failed)
        print(String(format: "Time: %.1f s; ", summary.seconds) + ProgressLine.megabytes(run.bytes)
              + String(format: " read (%.1f MB/s) from ", summary.megabytesPerSecond) + read
              + String(format: " files; %.0f files/s checked", summary.filesPerSecond))
        print("Key: fingerprint \(summary.keyFingerprint) (recorded in the report; searches need this key)")
        print("Report: \(path)\(storeValues ? " (contains cleartext values)" : "")")
        print("Next: inventa report summary --report \(summary.reportPath)")
    }

    /// The scan's options: the profile's, overridden by what the command line gives;
    /// and the profile's rule directory, used when `--rules` is not given.
    private func makeOptions() throws -> (ScanOptions, String?) {
        var profile = ScanProfile(path: "")
        if let config {
            do throws(ProfileError) { profile = try ScanProfile.load(path: config) } catch { throw Fatal(message: error.description) }
        }
        let policy = CrawlPolicy(includes: (include.isEmpty ? profile.includes : include).map(Glob.init),
                                 excludes: (profile.excludes + exclude).map(Glob.init),
                                 maxFileSize: maxFileSize.flatMap(ByteSize.parse) ?? profile.maxFileSize,
                                 includeHidden: hidden || profile.hidden == true,
                                 followSymlinks: followSymlinks || profile.followSymlinks == true,
                                 oneFileSystem: oneFileSystem || profile.oneFileSystem == true,
                                 jobs: jobs ?? profile.jobs ?? CrawlPolicy.defaultJobs)
        var options = ScanOptions(roots: paths.isEmpty ? profile.roots : paths, policy: policy,
                                  reportPath: report ?? profile.report ?? "inventa-report.sqlite",
                                  keyPath: keyFile ?? profile.keyFile ?? KeyedHasher.defaultKeyPath, storeValues: storeValues,
                                  limits: extraction.limits(profile: profile), rulesDirectory: try rulesOption.directory(rulesOption.rules ?? profile.rules))
        options.departments = profile.departments
        options.incremental = !full
        options.verifyContent = verifyContent || profile.verifyContent == true
        options.resume = resume
        options.profilePath = config
        options.runDetectors = !diagnosticNoDetection
        options.allowEmptyRoot = allowEmptyRoot
        options.maxRemovedShare = maxRemovedShare ?? profile.maxRemovedShare ?? 0.5
        return (options, profile.rules)
    }
}
