import InventaCrawl
import InventaDetection
import InventaExtraction
import InventaModel

/// Everything one scan needs to know, gathered from the command line (and later a profile).
public struct ScanOptions: Sendable {
    public var roots: [String]
    public var policy: CrawlPolicy
    public var reportPath: String
    public var keyPath: String
    public var storeValues: Bool
    public var limits: ExtractionLimits
    public var thresholds: LevelThresholds
    /// A file with more findings than this keeps the first ones and says so in its reason.
    public var maxFindingsPerFile: Int
    /// The date birth dates are checked against (today unless a test fixes it).
    public var today: CivilDate?
    /// The rule directory the detection was built from, recorded with the scan.
    public var rulesDirectory: String?
    /// Path prefixes or globs → department; see `DepartmentMap`.
    public var departments = DepartmentMap()
    /// Rescan only new and changed files (the default); false rescans everything.
    public var incremental = true
    /// Also compare content hashes before trusting a file unchanged.
    public var verifyContent = false
    /// Continue the report's interrupted latest scan instead of starting a new one.
    public var resume = false
    /// The profile the options came from, recorded on the scan row.
    public var profilePath: String?
    /// False only for the benchmark diagnostic `--diagnostic-no-detection`: files are
    /// extracted and recorded but no detector runs (recorded as `detection = off`).
    public var runDetectors = true
    /// Scan a root that is an empty folder even though the report knows files there (and
    /// let them be marked removed). Off by default: an unmounted share looks empty.
    public var allowEmptyRoot = false
    /// The largest share (0…1) of a root's known files one scan may mark removed; more is
    /// refused and nothing is marked. 1 turns the check off.
    public var maxRemovedShare = 0.5

    public init(roots: [String], policy: CrawlPolicy = CrawlPolicy(), reportPath: String, keyPath: String,
                storeValues: Bool = false, limits: ExtractionLimits = ExtractionLimits(),
                thresholds: LevelThresholds = LevelThresholds(), maxFindingsPerFile: Int = 100_000,
                today: CivilDate? = nil, rulesDirectory: String? = nil) {
        self.roots = roots
        self.policy = policy
        self.reportPath = reportPath
        self.keyPath = keyPath
        self.storeValues = storeValues
        self.limits = limits
        self.thresholds = thresholds
        self.maxFindingsPerFile = maxFindingsPerFile
        self.today = today
        self.rulesDirectory = rulesDirectory
    }

    /// The detection settings these options imply (thresholds, date).
    public var engineOptions: EngineOptions {
        EngineOptions(thresholds: thresholds, today: today ?? .today)
    }

    /// The options as recorded on the scan row (no key material, no values).
    var recorded: [(String, String)] {
        var pairs: [(String, String)] = [
            ("jobs", String(policy.jobs)),
            ("store_values", String(storeValues)),
            ("hidden", String(policy.includeHidden)),
            ("follow_symlinks", String(policy.followSymlinks)),
            ("one_file_system", String(policy.oneFileSystem)),
        ]
        if let rulesDirectory { pairs.append(("rules", rulesDirectory)) }
        if !incremental { pairs.append(("full", "true")) }
        if verifyContent { pairs.append(("verify_content", "true")) }
        if !runDetectors { pairs.append(("detection", "off")) }
        pairs += departments.rules.map { ("department", "\($0.pattern) = \($0.department)") }
        if let size = policy.maxFileSize { pairs.append(("max_file_size", String(size))) }
        pairs += [
            ("max_depth", String(limits.maxDepth)),
            ("max_text_per_file", String(limits.maxTextBytes)),
            ("max_pages", String(limits.maxPages)),
            ("timeout_per_file", String(limits.timeoutSeconds)),
            ("ocr", limits.ocr.isEnabled ? limits.ocr.languages : "off"),
            ("max_ocr_pages", String(limits.ocr.maxPagesPerFile)),
        ]
        pairs += policy.excludes.map { ("exclude", $0.pattern) }
        pairs += policy.includes.map { ("include", $0.pattern) }
        return pairs
    }
}

