import Foundation
import InventaCrawl
import InventaModel
import Testing

/// Crawler policies on real temporary trees: every entry ends as a file to scan or a
/// settled result with a reason, links never loop, FIFOs are never opened.
@Suite struct CrawlerTests {
    /// Collects crawl events from all worker threads.
    final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var files: [String] = []
        private(set) var settled: [String: String] = [:]

        func add(_ event: CrawlEvent) {
            lock.withLock {
                switch event {
                case .file(let file): files.append(file.relativePath)
                case .settled(let result): settled[result.file.relativePath] = result.outcome.reason ?? result.outcome.status
                }
            }
        }
    }

    func crawl(_ tree: TemporaryTree, _ policy: CrawlPolicy = CrawlPolicy(jobs: 4)) -> Collector {
        let collector = Collector()
        Crawler(policy: policy).run(roots: [tree.root]) { _ in { collector.add($0) } }
        return collector
    }

    @Test func walksNestedFoldersInParallel() throws {
        let tree = try TemporaryTree()
        for index in 0..<50 { try tree.file("a/b\(index % 5)/c/file\(index).txt") }
        try tree.file("top.txt")
        let result = crawl(tree)
        #expect(result.files.count == 51)
        #expect(Set(result.files).count == 51)
        #expect(result.files.contains("a/b3/c/file8.txt"))
        #expect(result.settled.isEmpty)
    }

    @Test func fifoIsSkippedNotOpened() throws {
        let tree = try TemporaryTree()
        try tree.fifo("pipe")
        // Opening a FIFO for reading would block this test forever.
        let result = crawl(tree)
        #expect(result.files.isEmpty)
        #expect(result.settled["pipe"] == "not_regular_file: fifo")
    }

    @Test func symlinksAreNotFollowedByDefault() throws {
        let tree = try TemporaryTree()
        try tree.file("real/a.txt")
        try tree.symlink("link", to: "real")
        try tree.symlink("filelink.txt", to: "real/a.txt")
        let result = crawl(tree)
        #expect(result.files == ["real/a.txt"])
        #expect(result.settled["link"] == "symlink_not_followed")
        #expect(result.settled["filelink.txt"] == "symlink_not_followed")
    }

    @Test func symlinkLoopIsEnteredOnce() throws {
        let tree = try TemporaryTree()
        try tree.file("a/b/deep.txt")
        try tree.symlink("a/b/up", to: "../..")
        try tree.symlink("a/self", to: ".")
        let result = crawl(tree, CrawlPolicy(followSymlinks: true, jobs: 3))
        #expect(result.files == ["a/b/deep.txt"])
        #expect(result.settled["a/b/up/"] == "already_visited")
        #expect(result.settled["a/self/"] == "already_visited")
    }

    @Test func brokenSymlinkFailsWithReasonWhenFollowing() throws {
        let tree = try TemporaryTree()
        try tree.symlink("dangling", to: "nowhere")
        let result = crawl(tree, CrawlPolicy(followSymlinks: true))
        #expect(result.settled["dangling"]?.hasPrefix("broken symbolic link") == true)
    }

    @Test func excludedGlobsAndHiddenNamesAreRecorded() throws {
        let tree = try TemporaryTree()
        try tree.file("docs/~$rapport.docx")
        try tree.file("docs/rapport.txt")
        try tree.file("cache/x.txt")
        try tree.file(".git/config")
        try tree.file("docs/.env")
        let policy = CrawlPolicy(excludes: [Glob("**/~$*"), Glob("cache")], jobs: 2)
        let result = crawl(tree, policy)
        #expect(result.files == ["docs/rapport.txt"])
        #expect(result.settled["docs/~$rapport.docx"] == "excluded: **/~$*")
        #expect(result.settled["cache/"] == "excluded: cache")
        #expect(result.settled[".git"] == "hidden")
        #expect(result.settled["docs/.env"] == "hidden")
    }

    @Test func hiddenFilesAreScannedOnRequest() throws {
        let tree = try TemporaryTree()
        try tree.file(".config/x.txt")
        let result = crawl(tree, CrawlPolicy(includeHidden: true))
        #expect(result.files == [".config/x.txt"])
    }

    @Test func includesAndMaxFileSize() throws {
        let tree = try TemporaryTree()
        try tree.file("a.txt", "small")
        try tree.file("b.csv", "small")
        try tree.file("big.txt", String(repeating: "x", count: 2000))
        let result = crawl(tree, CrawlPolicy(includes: [Glob("*.txt")], maxFileSize: 1000))
        #expect(result.files == ["a.txt"])
        #expect(result.settled["b.csv"] == "not_included")
        #expect(result.settled["big.txt"] == "too_large: over 1000 bytes")
    }

    @Test func nonUTF8NamesAreKeptEscaped() throws {
        let tree = try TemporaryTree()
        // "filå.txt" with å in Latin-1 (0xE5): not valid UTF-8.
        try tree.file(rawName: Array("fil".utf8) + [0xE5] + Array(".txt".utf8), "x")
        let result = crawl(tree)
        #expect(result.files == ["fil\\xE5.txt"])
    }

    @Test func unreadableDirectoryIsAProblemNotAnAbort() throws {
        let tree = try TemporaryTree()
        try tree.file("ok.txt")
        try tree.file("locked/secret.txt")
        chmod(tree.root + "/locked", 0)
        defer { chmod(tree.root + "/locked", 0o755) }
        let result = crawl(tree)
        if getuid() == 0 {
            // Root reads any directory; the unprivileged case is covered by the CLI tests.
            #expect(result.files.sorted() == ["locked/secret.txt", "ok.txt"])
        } else {
            #expect(result.files == ["ok.txt"])
            #expect(result.settled["locked/"]?.hasPrefix("unreadable directory: Permission denied") == true)
        }
    }

    @Test func missingRootIsAFailure() {
        let collector = Collector()
        Crawler(policy: CrawlPolicy()).run(roots: ["/nonexistent/inventa-root"]) { _ in { collector.add($0) } }
        #expect(collector.settled.values.first?.hasPrefix("cannot read scan root") == true)
    }

    @Test func singleFileRoot() throws {
        let tree = try TemporaryTree()
        try tree.file("one.txt")
        let collector = Collector()
        Crawler(policy: CrawlPolicy()).run(roots: [tree.root + "/one.txt"]) { _ in { collector.add($0) } }
        #expect(collector.files == ["one.txt"])
    }
}
