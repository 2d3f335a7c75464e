import Foundation
import InventaCrawl
import InventaPipeline
#if canImport(Glibc)
import Glibc
#endif

/// Live progress on stderr while a scan runs on a terminal (`ProgressLine`), redrawn in
/// place four times a second and fitted to the terminal's width at each redraw, so a
/// resized window never leaves broken lines. Prints nothing when stderr is not a terminal,
/// so logs and pipes stay clean.
///
/// Sendable: every stored property is immutable and Sendable; the drawing thread only reads
/// the thread-safe counters.
final class ProgressDisplay: Sendable {
    private let progress: ScanProgress
    private let crawl: CrawlCounts
    private let enabled: Bool
    private let started = Date()
    private let stopped = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    init(progress: ScanProgress, crawl: CrawlCounts, enabled: Bool) {
        self.progress = progress
        self.crawl = crawl
        self.enabled = enabled
    }

    func start() {
        guard enabled else { return }
        Thread { [self] in
            while stopped.wait(timeout: .now() + 0.25) == .timedOut { draw() }
            writeStderr("\r\u{1B}[K")
            finished.signal()
        }.start()
    }

    func stop() {
        guard enabled else { return }
        stopped.signal()
        finished.wait()
    }

    private func draw() {
        let line = ProgressLine(scan: progress.snapshot, crawl: crawl.snapshot, seconds: Date().timeIntervalSince(started))
        writeStderr("\r" + line.render(width: Terminal.width(fd: STDERR_FILENO) ?? 80) + "\u{1B}[K")
    }
}
