import Foundation
#if canImport(Glibc)
import Glibc
#endif
import InventaExtraction
import InventaModel
import Testing

/// Files swapped between the crawl's listing and the read (issue 19 point 3): the listing's
/// device and inode travel with the `FileRef`, and what is opened must be that file. The
/// swap is made after the listing (here: after `lstat`) and before `extract`, the window a
/// racing attacker aims for, so the test is deterministic. Nothing outside the root is read.
@Suite struct FileSwapTests {
    final class Tree {
        let root = NSTemporaryDirectory() + "inventa-swap-\(UUID().uuidString)"
        let outside = NSTemporaryDirectory() + "inventa-outside-\(UUID().uuidString)"
        init() throws {
            for dir in [root + "/d", outside + "/d"] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            try Data("Sekretess: 850101-2382 ligger utanför roten\n".utf8).write(to: URL(fileURLWithPath: outside + "/d/a.txt"))
        }
        deinit { for dir in [root, outside] { try? FileManager.default.removeItem(atPath: dir) } }

        /// A file as the crawl lists it: `lstat`'s identity, not followed.
        func listed(_ relative: String, text: String = "vanlig text\n") throws -> FileRef {
            let path = root + "/" + relative
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            var st = stat()
            #expect(lstat(path, &st) == 0)
            return FileRef(pathBytes: Array(path.utf8), root: root, relativePath: relative, size: Int64(st.st_size),
                           mtime: Double(st.st_mtim.tv_sec), device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
        }
    }

    enum Swap: String, CaseIterable {
        case fileForLinkToOutside, parentForLinkToOutside, fileForFIFO, fileForAnotherFile
    }

    @Test(arguments: Swap.allCases)
    func aSwappedFileIsNotRead(_ swap: Swap) throws {
        let tree = try Tree()
        let file = try tree.listed("d/a.txt")
        let path = tree.root + "/d/a.txt"
        switch swap {
        case .fileForLinkToOutside:
            unlink(path)
            symlink(tree.outside + "/d/a.txt", path)
        case .parentForLinkToOutside:
            rename(tree.root + "/d", tree.root + "/d-moved")
            symlink(tree.outside + "/d", tree.root + "/d")
        case .fileForFIFO:
            unlink(path)
            mkfifo(path, 0o600) // opening it for reading would block without O_NONBLOCK
        case .fileForAnotherFile:
            try Data("en annan fil, 850101-2382\n".utf8).write(to: URL(fileURLWithPath: path + ".new"))
            rename(path + ".new", path)
        }
        var text = ""
        let result = Extraction().extract(file) { text += $0.text }
        #expect(result.outcome == .skipped(.changedType))
        #expect(text.isEmpty, "nothing was read: \(text)")
    }

    @Test func anUnswappedListedFileIsScanned() throws {
        let tree = try Tree()
        let file = try tree.listed("d/a.txt")
        var text = ""
        #expect(Extraction().extract(file) { text += $0.text }.outcome == .scanned)
        #expect(text == "vanlig text\n")
    }

    /// A link the policy followed (`throughLink`) may be opened through, with the identity of
    /// its target still checked.
    @Test func aFollowedLinkIsReadAndItsTargetStillChecked() throws {
        let tree = try Tree()
        let target = try tree.listed("d/a.txt")
        symlink(tree.root + "/d/a.txt", tree.root + "/link.txt")
        var file = target
        file.pathBytes = Array((tree.root + "/link.txt").utf8)
        file.throughLink = true
        #expect(Extraction().extract(file) { _ in }.outcome == .scanned)
        unlink(tree.root + "/link.txt")
        symlink(tree.outside + "/d/a.txt", tree.root + "/link.txt")
        #expect(Extraction().extract(file) { _ in }.outcome == .skipped(.changedType))
    }
}
