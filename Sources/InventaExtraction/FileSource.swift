#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import InventaModel

/// A file opened for reading only, and never anything else.
///
/// Opened with `O_RDONLY | O_NONBLOCK | O_CLOEXEC` and, where the kernel allows it
/// (we own the file or have CAP_FOWNER), `O_NOATIME`, so scanning a share leaves
/// access times untouched. After opening, `fstat` must confirm a regular file;
/// anything else is closed at once without reading, so a file swapped for a FIFO
/// between crawl and open cannot block a worker. Not thread-safe: one worker owns it.
///
/// `size` is what `fstat` said at open and is a hint only: readers read to end of file
/// (a short read), because a file on a share can shrink or grow while it is read.
/// `changedSinceOpen` compares size and mtime again afterwards, so such a file is
/// recorded `partial: changed while scanned` rather than trusted.
public final class FileSource {
    public let fd: Int32
    public let size: Int64
    /// Modification time at open, in nanoseconds since the epoch.
    public let mtimeNanoseconds: Int64

    /// Opens `path`. With `expecting`, the device and inode the crawl's listing saw, the
    /// opened object must be that one: a file swapped for a link to outside the root (at the
    /// last component or any folder above it), a FIFO or another file is refused with
    /// `changedType` before a byte is read. Unless `followLink`, a link at the last component
    /// is refused by the open itself (`O_NOFOLLOW`), so nothing is opened through it at all.
    public convenience init(path: [UInt8], expecting identity: (device: UInt64, inode: UInt64)? = nil,
                            followLink: Bool = true) throws(ExtractionError) {
        let cPath = path + [0]
        let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followLink ? 0 : O_NOFOLLOW)
        var fd = cPath.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, flags | FileSource.noAtime) }
        }
        if fd < 0 && (errno == EPERM || errno == EINVAL) {
            fd = cPath.withUnsafeBufferPointer { b in b.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, flags) } }
        }
        guard fd >= 0 else {
            if errno == ELOOP && !followLink { throw ExtractionError.changedType }
            throw ExtractionError.unreadable(errno: errno)
        }
        try self.init(openDescriptor: fd)
        if let identity {
            var st = stat()
            guard fstat(fd, &st) == 0, UInt64(st.st_dev) == identity.device, UInt64(st.st_ino) == identity.inode else {
                throw ExtractionError.changedType // deinit closes fd
            }
        }
    }

    /// Takes ownership of `fd`, a descriptor someone else opened (and checked) read-only —
    /// for a worker process handed the parent's descriptor, so opening stays in one place.
    /// Still refuses anything but a regular file; closes `fd` when it throws.
    public init(openDescriptor fd: Int32) throws(ExtractionError) {
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw ExtractionError.notRegularFile
        }
        self.fd = fd
        self.size = Int64(st.st_size)
        self.mtimeNanoseconds = Self.mtime(st)
    }

    /// True when the file's size or mtime now differs from what it was at open.
    public var changedSinceOpen: Bool {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return true }
        return Int64(st.st_size) != size || Self.mtime(st) != mtimeNanoseconds
    }

    private static func mtime(_ st: stat) -> Int64 {
        #if os(Linux)
        return Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        #else
        return Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
        #endif
    }

    deinit { close(fd) }

    #if os(Linux)
    private static let noAtime: Int32 = 0o1000000 // O_NOATIME, not exported by Glibc's module map
    #else
    private static let noAtime: Int32 = 0
    #endif

    /// Reads up to `count` bytes at `offset`; fewer only at end of file.
    public func read(at offset: Int64, count: Int) throws(ExtractionError) -> [UInt8] {
        var failure: Int32 = 0
        // Uninitialised capacity: zero-filling a megabyte per chunk showed up in profiles.
        let buffer = [UInt8](unsafeUninitializedCapacity: count) { raw, initialized in
            var filled = 0
            while filled < count {
                let n = pread(fd, raw.baseAddress! + filled, count - filled, off_t(offset) + off_t(filled))
                if n < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    failure = errno
                    break
                }
                if n == 0 { break }
                filled += n
            }
            initialized = filled
        }
        if failure != 0 { throw ExtractionError.unreadable(errno: failure) }
        return buffer
    }
}
