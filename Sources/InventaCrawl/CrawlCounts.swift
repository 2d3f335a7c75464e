import InventaModel

/// How far the walk has got, for progress: entries found so far (files queued for a
/// worker plus entries settled on the spot) and folders still to be listed. When no
/// folder is left the crawl is over and `found` is the final total, so a progress
/// display can show an ETA. Updated once per folder, not per file.
public final class CrawlCounts: Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var found = 0
        public var pendingFolders = 0
        /// True once every folder has been listed: `found` no longer grows.
        public var crawlFinished: Bool { pendingFolders == 0 }
    }

    private let state = Locked(Snapshot())

    public init() {}

    public var snapshot: Snapshot { state.withLock { $0 } }

    func queued(folders: Int) {
        state.withLock { $0.pendingFolders += folders }
    }

    /// One folder (or root) was listed: it found `entries` and `folders` more to list.
    func listed(entries: Int, folders: Int) {
        state.withLock {
            $0.found += entries
            $0.pendingFolders += folders - 1
        }
    }
}
