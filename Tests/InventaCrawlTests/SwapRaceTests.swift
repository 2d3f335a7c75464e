import Foundation
#if canImport(Glibc)
import Glibc
#endif
import InventaCrawl
import InventaModel
import Synchronization
import Testing

/// Folders swapped for links between listing and descent (issue 19 point 3). The swap is made
/// by the crawler's `beforeOpeningDirectory` seam at the exact moment a worker is about to
/// open the folder — the window an attacker races for — so the tests are deterministic.
/// Whatever is swapped in, nothing outside the root is listed, and the folder ends
/// `changed_type`.
@Suite struct SwapRaceTests {
    final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var files: [String] = []
        private(set) var paths: [String] = []
        private(set) var settled: [String: String] = [:]

        func add(_ event: CrawlEvent) {
            lock.withLock {
                switch event {
                case .file(let file):
                    files.append(file.relativePath)
                    paths.append(file.displayPath)
                case .settled(let result): settled[result.file.relativePath] = result.outcome.reason ?? result.outcome.status
                }
            }
        }
    }

    /// Runs `swap` once, when a worker is about to open `root/<at>`.
    func crawl(_ tree: TemporaryTree, swapping at: String, policy: CrawlPolicy = CrawlPolicy(jobs: 2),
               _ swap: @escaping @Sendable () -> Void) -> Events {
        let events = Events()
        let target = tree.root + "/" + at
        let done = Mutex(false)
        let crawler = Crawler(policy: policy) { path in
            guard path == target, done.withLock({ let was = $0; $0 = true; return !was }) else { return }
            swap()
        }
        crawler.run(roots: [tree.root]) { _ in { events.add($0) } }
        return events
    }

    static let changed = SkipReason.changedType.description

    @Test func aFolderSwappedForALinkToOutsideIsNotEntered() throws {
        let tree = try TemporaryTree(), outside = try TemporaryTree()
        try tree.file("a/inner.txt")
        try tree.file("b/other.txt")
        try outside.file("secret.txt", "outside the root")
        let root = tree.root, away = outside.root
        let events = crawl(tree, swapping: "a") {
            rename(root + "/a", root + "/a-moved")
            symlink(away, root + "/a")
        }
        #expect(events.files == ["b/other.txt"])
        #expect(events.settled["a/"] == Self.changed)
        #expect(!events.paths.contains { $0.hasPrefix(outside.root) })
    }

    /// The link is planted one level up, after `a/b` was listed: opening `a/b` by path would
    /// go through it. The identity check sees another folder and refuses.
    @Test func aParentSwappedForALinkIsCaughtByTheIdentityCheck() throws {
        let tree = try TemporaryTree(), outside = try TemporaryTree()
        try tree.file("a/b/inner.txt")
        try outside.file("b/secret.txt", "outside the root")
        let root = tree.root, away = outside.root
        let events = crawl(tree, swapping: "a/b") {
            rename(root + "/a", root + "/a-moved")
            symlink(away, root + "/a")
        }
        #expect(events.files.isEmpty)
        #expect(events.settled["a/b/"] == Self.changed)
        #expect(!events.paths.contains { $0.hasPrefix(outside.root) })
    }

    /// Also when links are followed: the followed link was re-pointed after the listing saw its
    /// target, so the folder now reached is another one.
    @Test func aFollowedLinkRepointedAfterListingIsRefused() throws {
        let tree = try TemporaryTree(), outside = try TemporaryTree()
        try tree.file(".real/inner.txt") // hidden: reached only through the link
        try tree.symlink("link", to: tree.root + "/.real")
        try outside.file("secret.txt", "outside the root")
        let root = tree.root, away = outside.root
        let events = crawl(tree, swapping: "link", policy: CrawlPolicy(followSymlinks: true, jobs: 1)) {
            unlink(root + "/link")
            symlink(away, root + "/link")
        }
        #expect(events.files.isEmpty)
        #expect(events.settled["link/"] == Self.changed)
        #expect(!events.paths.contains { $0.contains("secret") })
    }

    @Test(arguments: ["file", "fifo"])
    func aFolderSwappedForAFileOrFIFOIsSkipped(_ kind: String) throws {
        let tree = try TemporaryTree()
        try tree.file("a/inner.txt")
        let root = tree.root
        let events = crawl(tree, swapping: "a") {
            rename(root + "/a", root + "/a-moved")
            if kind == "file" {
                _ = FileManager.default.createFile(atPath: root + "/a", contents: Data("now a file".utf8))
            } else {
                mkfifo(root + "/a", 0o600) // opening it for reading would block without O_NONBLOCK
            }
        }
        #expect(events.files.isEmpty)
        #expect(events.settled["a/"] == Self.changed)
    }

    /// `--one-file-system`: folders on another device below the root are not entered and are
    /// recorded with a reason. Uses the mounts under /dev (devpts, mqueue, shm) when this
    /// machine has one; there is no unprivileged way to make a mount point in a test.
    @Test func oneFileSystemRecordsSkippedMounts() throws {
        var rootStat = stat()
        guard stat("/dev", &rootStat) == 0,
              let names = try? FileManager.default.contentsOfDirectory(atPath: "/dev") else { return }
        let mounts = names.filter { name in
            var st = stat()
            return lstat("/dev/" + name, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR && st.st_dev != rootStat.st_dev
        }
        guard !mounts.isEmpty else {
            print("oneFileSystemRecordsSkippedMounts: no mount point under /dev on this machine; skipped")
            return
        }
        let events = Events()
        let policy = CrawlPolicy(includeHidden: true, oneFileSystem: true, jobs: 1)
        Crawler(policy: policy).run(roots: ["/dev"]) { _ in { events.add($0) } }
        for mount in mounts {
            #expect(events.settled[mount + "/"] == "other_file_system", "\(mount) is another file system")
        }
    }
}
