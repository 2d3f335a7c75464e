/// What the crawler walks and what it leaves alone. Every policy is one
/// documented property, set from one command-line option.
public struct CrawlPolicy: Sendable {
    /// Only files matching one of these are scanned (directories are always entered). Empty: all files.
    public var includes: [Glob]
    /// Files and directories matching one of these are skipped (`--exclude`).
    public var excludes: [Glob]
    /// Files larger than this are skipped with reason `too_large` (`--max-file-size`). Nil: no limit.
    public var maxFileSize: Int64?
    /// Scan names starting with `.` (`--hidden`). Off by default: they are mostly caches and settings.
    public var includeHidden: Bool
    /// Follow symbolic links (`--follow-symlinks`). Off by default; when on, every directory is
    /// entered at most once (by device and inode), so a link loop cannot recurse.
    public var followSymlinks: Bool
    /// Do not cross into other file systems below a root (`--one-file-system`).
    public var oneFileSystem: Bool
    /// Number of worker threads (`--jobs`), at least 1.
    public var jobs: Int

    public init(includes: [Glob] = [], excludes: [Glob] = [], maxFileSize: Int64? = nil,
                includeHidden: Bool = false, followSymlinks: Bool = false, oneFileSystem: Bool = false,
                jobs: Int = CrawlPolicy.defaultJobs) {
        self.includes = includes
        self.excludes = excludes
        self.maxFileSize = maxFileSize
        self.includeHidden = includeHidden
        self.followSymlinks = followSymlinks
        self.oneFileSystem = oneFileSystem
        self.jobs = max(1, jobs)
    }

    /// The number of active processor cores.
    public static var defaultJobs: Int { max(1, ProcessInfoShim.activeProcessorCount) }
}
