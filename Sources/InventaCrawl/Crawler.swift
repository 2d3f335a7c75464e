import Foundation
import InventaModel

/// Walks one or more roots in parallel and hands every entry to a visitor.
///
/// The walk runs on `policy.jobs` threads that share one depth-first work stack:
/// a thread pops a directory (and pushes what it finds) or a file (and passes it
/// to its visitor). Each thread gets its own visitor from `makeVisitor`, so
/// per-thread state (a poppler document, a libxml2 reader) never crosses threads.
///
/// What it guarantees: FIFOs, sockets and devices are recognised with `lstat` and
/// never opened; symbolic links are not followed unless the policy says so, and
/// then each directory is entered once; unreadable entries become settled
/// `failed` results instead of stopping the walk; names that are not valid UTF-8
/// are kept with their raw bytes. What it does not do: open or read files. That
/// is the visitor's job, so the crawler never touches file contents or metadata.
public final class Crawler: Sendable {
    public let policy: CrawlPolicy
    private let stack = WorkStack<Work>()
    private let visited = VisitedDirectories()
    /// Entries found and folders left, for progress displays.
    public let counts = CrawlCounts()

    enum Work: Sendable {
        case root(String)
        case directory(Directory)
        case file(FileRef)
    }

    struct Directory: Sendable {
        let path: [UInt8]
        let root: String
        let relative: String
        let rootDevice: UInt64
        /// The device and inode the parent's listing saw; the opened folder must be this one.
        let device: UInt64
        let inode: UInt64
        /// Reached through a followed link (or the root): opening it may follow one.
        let throughLink: Bool
    }

    /// Called with a folder's path just before it is opened to be listed. A test seam only:
    /// the swap-race tests replace the folder there, deterministically, instead of racing.
    private let beforeOpeningDirectory: (@Sendable (String) -> Void)?

    public init(policy: CrawlPolicy, beforeOpeningDirectory: (@Sendable (String) -> Void)? = nil) {
        self.policy = policy
        self.beforeOpeningDirectory = beforeOpeningDirectory
    }

    /// Walks `roots` and returns when every entry has been visited or `cancel()` was called.
    /// `makeVisitor` is called once on each worker thread with the worker's index.
    public func run(roots: [String], makeVisitor: @escaping @Sendable (Int) -> (CrawlEvent) -> Void) {
        counts.queued(folders: roots.count)
        stack.push(roots.map { Work.root($0) })
        let group = DispatchGroup()
        for index in 0..<policy.jobs {
            group.enter()
            let thread = Thread { [self] in
                let visit = makeVisitor(index)
                while let work = stack.pop() {
                    process(work, visit: visit)
                    stack.finished()
                }
                group.leave()
            }
            // Parsers for nested formats recurse; give them room.
            thread.stackSize = 16 << 20
            thread.start()
        }
        group.wait()
    }

    /// Stops the walk: workers finish the entry they are on and return.
    public func cancel() {
        stack.stop()
    }

    private func process(_ work: Work, visit: (CrawlEvent) -> Void) {
        switch work {
        case .root(let root):
            processRoot(root, visit: visit)
        case .directory(let directory):
            processDirectory(directory, visit: visit)
        case .file(let file):
            visit(.file(file))
        }
    }

    private func processRoot(_ root: String, visit: (CrawlEvent) -> Void) {
        let path = Array(root.utf8)
        let status = FileStatus.read(path, follow: true)
        // A folder root is counted when it is listed; anything else is one entry.
        if case .success(let found) = status, found.kind == .directory {} else { counts.listed(entries: 1, folders: 0) }
        switch status {
        case .failure(let error):
            visit(.settled(settled(path: path, root: root, relative: "", status: nil, .failed("cannot read scan root: \(error.message)"))))
        case .success(let status) where status.kind == .directory:
            _ = visited.insert(device: status.device, inode: status.inode)
            processDirectory(Directory(path: path, root: root, relative: "", rootDevice: status.device,
                                       device: status.device, inode: status.inode, throughLink: true), visit: visit)
        case .success(let status) where status.kind == .regular:
            let name = path.split(separator: UInt8(ascii: "/")).last.map { PathText.display($0) } ?? root
            let parent = String(root.dropLast(name.count)).trimmingSuffix("/")
            var file = fileRef(path: path, root: parent.isEmpty ? "." : parent, relative: name, status: status)
            file.throughLink = true // the user named it; it may be a link
            visit(.file(file))
        case .success(let status):
            visit(.settled(settled(path: path, root: root, relative: "", status: status, .skipped(.notRegularFile(kind: status.kind.rawValue)))))
        }
    }

    private func processDirectory(_ directory: Directory, visit: (CrawlEvent) -> Void) {
        beforeOpeningDirectory?(PathText.display(directory.path))
        func settle(_ outcome: Outcome) {
            counts.listed(entries: 1, folders: 0)
            visit(.settled(settled(path: directory.path, root: directory.root, relative: directory.relative + "/", status: nil, outcome)))
        }
        let opened = DirectoryHandle.open(directory.path, device: directory.device, inode: directory.inode,
                                          followLink: directory.throughLink)
        guard case .success(let handle) = opened else {
            if case .failure(let failure) = opened {
                switch failure {
                case .changedType: settle(.skipped(.changedType))
                case .system(let error): settle(.failed("unreadable directory: \(error.message)"))
                }
            }
            return
        }
        defer { closedir(handle) }
        let fd = dirfd(handle)
        var work: [Work] = []
        var entries = 0, folders = 0
        while let entry = readdir(handle) {
            let name = Crawler.name(of: entry)
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            entries += 1
            if let item = classify(name: name, in: directory, fd: fd, visit: visit) {
                if case .directory = item {
                    entries -= 1
                    folders += 1
                }
                work.append(item)
            }
        }
        // Counted before the work is pushed, so a worker never finishes a file not yet found.
        counts.listed(entries: entries, folders: folders)
        stack.push(work)
    }

    /// Decides what one directory entry becomes: more work, a settled result, or nothing.
    private func classify(name: [UInt8], in directory: Directory, fd: Int32, visit: (CrawlEvent) -> Void) -> Work? {
        let displayName = PathText.display(name)
        let relative = directory.relative.isEmpty ? displayName : directory.relative + "/" + displayName
        let path = directory.path.last == UInt8(ascii: "/") ? directory.path + name : directory.path + [UInt8(ascii: "/")] + name
        func settle(_ status: FileStatus?, _ outcome: Outcome, _ isDirectory: Bool) {
            visit(.settled(settled(path: path, root: directory.root, relative: isDirectory ? relative + "/" : relative,
                                   status: status, outcome)))
        }
        if !policy.includeHidden && name.first == UInt8(ascii: ".") {
            settle(nil, .skipped(.hidden), false)
            return nil
        }
        var status: FileStatus
        var throughLink = false
        switch FileStatus.read(directory: fd, name: name) {
        case .failure(let error):
            settle(nil, .failed("cannot stat: \(error.message)"), false)
            return nil
        case .success(let found):
            status = found
        }
        if status.kind == .symlink {
            guard policy.followSymlinks else {
                settle(status, .skipped(.symlink), false)
                return nil
            }
            switch FileStatus.read(path, follow: true) {
            case .failure(let error):
                settle(status, .failed("broken symbolic link: \(error.message)"), false)
                return nil
            case .success(let target):
                status = target
                throughLink = true
            }
        }
        if let pattern = policy.excludes.first(where: { $0.matches(relative) }) {
            settle(status, .skipped(.excluded(pattern: pattern.pattern)), status.kind == .directory)
            return nil
        }
        switch status.kind {
        case .directory:
            if policy.oneFileSystem && status.device != directory.rootDevice {
                settle(status, .skipped(.otherFileSystem), true)
                return nil
            }
            guard visited.insert(device: status.device, inode: status.inode) else {
                settle(status, .skipped(.alreadyVisited), true)
                return nil
            }
            return .directory(Directory(path: path, root: directory.root, relative: relative, rootDevice: directory.rootDevice,
                                        device: status.device, inode: status.inode, throughLink: throughLink))
        case .regular:
            if !policy.includes.isEmpty && !policy.includes.contains(where: { $0.matches(relative) }) {
                settle(status, .skipped(.notIncluded), false)
                return nil
            }
            if let limit = policy.maxFileSize, status.size > limit {
                settle(status, .skipped(.tooLarge(limit: limit)), false)
                return nil
            }
            var file = fileRef(path: path, root: directory.root, relative: relative, status: status)
            file.throughLink = throughLink
            return .file(file)
        default:
            settle(status, .skipped(.notRegularFile(kind: status.kind.rawValue)), false)
            return nil
        }
    }

    private func fileRef(path: [UInt8], root: String, relative: String, status: FileStatus) -> FileRef {
        FileRef(pathBytes: path, root: root, relativePath: relative, size: status.size, mtime: status.mtime,
                device: status.device, inode: status.inode, uid: status.uid, gid: status.gid,
                ctime: status.ctime, atime: status.atime)
    }

    private func settled(path: [UInt8], root: String, relative: String, status: FileStatus?, _ outcome: Outcome) -> FileResult {
        let file = FileRef(pathBytes: path, root: root, relativePath: relative, size: status?.size ?? 0,
                           mtime: status?.mtime ?? 0, device: status?.device ?? 0, inode: status?.inode ?? 0,
                           uid: status?.uid, gid: status?.gid, ctime: status?.ctime, atime: status?.atime)
        return FileResult(file: file, outcome: outcome)
    }

    private static func name(of entry: UnsafeMutablePointer<dirent>) -> [UInt8] {
        withUnsafeBytes(of: &entry.pointee.d_name) { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let length = bytes.firstIndex(of: 0) ?? bytes.count
            return Array(bytes[0..<length])
        }
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        var text = self
        while text.count > 1 && text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        return text
    }
}
