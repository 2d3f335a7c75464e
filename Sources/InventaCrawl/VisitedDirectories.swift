#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Directories already entered, by device and inode. A directory reached twice
/// (through a symlink loop, a second link or a bind mount) is entered only once.
final class VisitedDirectories: @unchecked Sendable {
    private struct Key: Hashable { let device: UInt64; let inode: UInt64 }
    private var seen: Set<Key> = []
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    /// True the first time a directory is offered, false ever after.
    func insert(device: UInt64, inode: UInt64) -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return seen.insert(Key(device: device, inode: inode)).inserted
    }
}
