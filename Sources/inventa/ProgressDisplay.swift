import Foundation
import InventaPipeline

/// Live progress on stderr while a scan runs on a terminal: files done, MB/s,
/// findings so far and the latest problem, redrawn four times a second on one line.
/// Prints nothing when stderr is not a terminal, so logs and pipes stay clean.
final class ProgressDisplay: @unchecked Sendable {
    private let progress: ScanProgress
    private let enabled: Bool
    private let started = Date()
    private let stopped = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    init(progress: ScanProgress, enabled: Bool) {
        self.progress = progress
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
        let s = progress.snapshot
        let seconds = max(Date().timeIntervalSince(started), 0.001)
        var line = String(format: "%d files · %.1f MB/s · %d findings · %d failed", s.files,
                          Double(s.bytes) / 1_000_000 / seconds, s.findings, s.failed)
        if s.unchanged > 0 { line += " · \(s.unchanged) unchanged" }
        if s.ocrPages > 0 { line += " · \(s.ocrPages) OCR pages" }
        if let problem = s.lastProblem { line += " · last: " + String(problem.suffix(60)) }
        writeStderr("\r\u{1B}[K" + line)
    }
}
