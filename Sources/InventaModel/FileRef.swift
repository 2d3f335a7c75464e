/// A regular file found by the crawler. Paths are kept as raw bytes so a name
/// that is not valid UTF-8 can still be opened; `displayPath` is the same path
/// with invalid bytes escaped as `\xNN`, used in reports.
public struct FileRef: Sendable, Hashable {
    /// The absolute or root-relative path as the file system spells it.
    public var pathBytes: [UInt8]
    /// The root this file was found under, as given on the command line.
    public var root: String
    /// The path relative to `root`, escaped for display (`/` separated).
    public var relativePath: String
    public var size: Int64
    /// Modification time, seconds since 1970.
    public var mtime: Double
    public var device: UInt64
    public var inode: UInt64
    /// Owner and group ids, status-change and access times (seconds since 1970), as `stat`
    /// reported them; nil when unknown. Recorded for the DPO (who owns it, how old is it).
    public var uid: UInt32?
    public var gid: UInt32?
    public var ctime: Double?
    public var atime: Double?
    /// True when the crawl reached this file through a symbolic link it followed
    /// (`--follow-symlinks`, or a root given as a link): only then may opening it follow one.
    public var throughLink = false

    public init(pathBytes: [UInt8], root: String, relativePath: String, size: Int64, mtime: Double,
                device: UInt64 = 0, inode: UInt64 = 0, uid: UInt32? = nil, gid: UInt32? = nil,
                ctime: Double? = nil, atime: Double? = nil) {
        self.pathBytes = pathBytes
        self.root = root
        self.relativePath = relativePath
        self.size = size
        self.mtime = mtime
        self.device = device
        self.inode = inode
        self.uid = uid
        self.gid = gid
        self.ctime = ctime
        self.atime = atime
    }

    public var displayPath: String { PathText.display(pathBytes) }
}
