#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The parts of `stat` the crawler needs, read without following a final symlink
/// unless asked, so a FIFO, socket or device is recognised before anything opens it.
struct FileStatus {
    enum Kind: String { case regular, directory, symlink, fifo, socket, characterDevice = "character_device", blockDevice = "block_device", other }

    let kind: Kind
    let size: Int64
    let mtime: Double
    let device: UInt64
    let inode: UInt64
    let uid: UInt32
    let gid: UInt32
    let ctime: Double
    let atime: Double

    init(_ st: stat) {
        switch st.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        case S_IFIFO: kind = .fifo
        case S_IFSOCK: kind = .socket
        case S_IFCHR: kind = .characterDevice
        case S_IFBLK: kind = .blockDevice
        default: kind = .other
        }
        size = Int64(st.st_size)
        #if canImport(Glibc)
        mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
        ctime = Double(st.st_ctim.tv_sec) + Double(st.st_ctim.tv_nsec) / 1e9
        atime = Double(st.st_atim.tv_sec) + Double(st.st_atim.tv_nsec) / 1e9
        #else
        mtime = Double(st.st_mtimespec.tv_sec) + Double(st.st_mtimespec.tv_nsec) / 1e9
        ctime = Double(st.st_ctimespec.tv_sec) + Double(st.st_ctimespec.tv_nsec) / 1e9
        atime = Double(st.st_atimespec.tv_sec) + Double(st.st_atimespec.tv_nsec) / 1e9
        #endif
        uid = UInt32(st.st_uid)
        gid = UInt32(st.st_gid)
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }

    /// `lstat` (or `stat` when `follow`) on a NUL-free path; on failure the errno text.
    static func read(_ path: [UInt8], follow: Bool) -> Result<FileStatus, CrawlError> {
        var st = stat()
        let rc = (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { follow ? stat($0.baseAddress!, &st) : lstat($0.baseAddress!, &st) }
        }
        return rc == 0 ? .success(FileStatus(st)) : .failure(CrawlError(errno: errno))
    }

    /// `fstatat` relative to an open directory, not following a final symlink.
    static func read(directory fd: Int32, name: [UInt8]) -> Result<FileStatus, CrawlError> {
        var st = stat()
        let rc = (name + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { fstatat(fd, $0.baseAddress!, &st, AT_SYMLINK_NOFOLLOW) }
        }
        return rc == 0 ? .success(FileStatus(st)) : .failure(CrawlError(errno: errno))
    }
}

/// A failed system call with a message that says what to do about it.
struct CrawlError: Error {
    let errno: Int32

    var message: String {
        let text = String(cString: strerror(errno))
        switch errno {
        case EACCES, EPERM: return "\(text): run as a user with read access, or --exclude it"
        case ELOOP: return "\(text): symbolic link loop"
        case ENOENT: return "\(text): removed while scanning"
        default: return text
        }
    }
}
