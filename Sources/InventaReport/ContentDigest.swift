import Crypto
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SHA-256 of a file's bytes, for `--verify-content`: a rescan then trusts a file
/// unchanged only when its content hash is the one recorded, not just its size,
/// mtime and inode. Opens read-only (with `O_NOATIME` where allowed) and refuses
/// anything but a regular file, like `FileSource` — and, like it, a file that is not the one
/// the listing saw (`device`/`inode`, when known; a link unless `followLink`).
public enum ContentDigest {
    public static func sha256(path: [UInt8], device: UInt64 = 0, inode: UInt64 = 0, followLink: Bool = true) -> String? {
        let cPath = path.map { CChar(bitPattern: $0) } + [0]
        let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followLink ? 0 : O_NOFOLLOW)
        var fd = open(cPath, flags | noAtime)
        if fd < 0 && (errno == EPERM || errno == EINVAL) { fd = open(cPath, flags) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        if inode != 0 && (UInt64(st.st_dev) != device || UInt64(st.st_ino) != inode) { return nil }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { break }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
        return hasher.finalize().map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
    }

    #if os(Linux)
    private static let noAtime: Int32 = 0o1000000
    #else
    private static let noAtime: Int32 = 0
    #endif
}
