import InventaModel

/// Directories already entered, by device and inode. A directory reached twice
/// (through a symlink loop, a second link or a bind mount) is entered only once.
final class VisitedDirectories: Sendable {
    private struct Key: Hashable { let device: UInt64; let inode: UInt64 }
    private let seen = Locked<Set<Key>>([])

    /// True the first time a directory is offered, false ever after.
    func insert(device: UInt64, inode: UInt64) -> Bool {
        seen.withLock { $0.insert(Key(device: device, inode: inode)).inserted }
    }
}
