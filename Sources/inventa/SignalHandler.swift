import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT and SIGTERM into a clean stop: the scan finishes the files in
/// progress, the report is committed, and a summary is printed; the command then exits
/// 130 (SIGINT) or 143 (SIGTERM), as a shell reports a process killed by that signal. A
/// second signal exits at once with the same code (the report stays consistent: it is
/// written in transactions, and `--resume` continues it).
///
/// Owned by the command's thread; only `received` (Sendable) is shared with the handlers.
final class SignalHandler {
    private let sources: [DispatchSourceSignal]
    private let received = Received()

    /// The first signal's number, set once on the signal queue and read by the command.
    final class Received: Sendable {
        let first = Atomic<Int32>(0)
    }

    init(onSignal: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "inventa.signals")
        let received = self.received
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                let (isFirst, earlier) = received.first.compareExchange(expected: 0, desired: number, ordering: .acquiringAndReleasing)
                if !isFirst { _exit(128 + earlier) }
                writeStderr("\ninventa: stopping after the files in progress; the report stays resumable (signal again to quit now)\n")
                onSignal()
            }
            source.resume()
            return source
        }
    }

    /// The exit code for the first signal received: 130 for SIGINT, 143 for SIGTERM; nil if none.
    var exitCode: Int32? {
        let number = received.first.load(ordering: .acquiring)
        return number == 0 ? nil : 128 + number
    }
}
