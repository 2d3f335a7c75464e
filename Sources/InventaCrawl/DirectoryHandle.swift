#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens a folder for listing only if it is the folder the parent's listing saw.
///
/// The crawler lists a folder, then a worker opens each subfolder later, by path. Between the
/// two, anyone who can write to the share can swap the subfolder (or any folder above it) for
/// a symbolic link to somewhere outside the root; opening by path would then list, and the
/// workers read, files the scan was never pointed at — as root, the whole machine. So the
/// open uses `O_DIRECTORY | O_NOFOLLOW` (a link at the last component is refused by the
/// kernel) and then `fstat`s what it got: a device and inode other than the listing's means a
/// link or a swap somewhere along the path, and the folder is skipped `changed_type`. An inode
/// is what the listing saw inside the root, so whatever path leads to it, what is listed is
/// that folder. Folders reached through a link the policy follows skip `O_NOFOLLOW` but keep
/// the identity check. `O_NOATIME` where allowed (owner or CAP_FOWNER), so listing leaves the
/// folders' access times as they were.
enum DirectoryHandle {
    enum Failure: Error {
        case changedType
        case system(CrawlError)
    }

    #if os(Linux)
    private static let noAtime: Int32 = 0o1000000 // O_NOATIME, not exported by Glibc's module map
    #else
    private static let noAtime: Int32 = 0
    #endif

    static func open(_ path: [UInt8], device: UInt64, inode: UInt64, followLink: Bool) -> Result<OpaquePointer, Failure> {
        let flags = O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC | (followLink ? 0 : O_NOFOLLOW)
        let cPath = path + [0]
        func open(_ flags: Int32) -> Int32 {
            cPath.withUnsafeBufferPointer { b in b.withMemoryRebound(to: CChar.self) { Glibc.open($0.baseAddress!, flags) } }
        }
        var fd = open(flags | noAtime)
        if fd < 0 && errno == EPERM { fd = open(flags) }
        guard fd >= 0 else {
            // ELOOP: a link now stands at the name; ENOTDIR: a file or FIFO does.
            if (errno == ELOOP && !followLink) || errno == ENOTDIR { return .failure(.changedType) }
            return .failure(.system(CrawlError(errno: errno)))
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let error = CrawlError(errno: errno)
            close(fd)
            return .failure(.system(error))
        }
        guard UInt64(st.st_dev) == device, UInt64(st.st_ino) == inode else {
            close(fd)
            return .failure(.changedType)
        }
        guard let handle = fdopendir(fd) else {
            let error = CrawlError(errno: errno)
            close(fd)
            return .failure(.system(error))
        }
        return .success(handle)
    }
}
