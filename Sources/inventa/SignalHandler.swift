import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT and SIGTERM into a clean stop: the scan finishes the files in
/// progress, the report is committed, and a summary is printed. A second SIGINT
/// exits at once (the report stays consistent: it is written in transactions).
final class SignalHandler {
    private let sources: [DispatchSourceSignal]

    init(onSignal: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "inventa.signals")
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            let count = Counter()
            source.setEventHandler {
                if count.increment() > 1 { _exit(130) }
                writeStderr("\ninventa: stopping after the files in progress (press Ctrl-C again to quit now)\n")
                onSignal()
            }
            source.resume()
            return source
        }
    }
}

/// Counts signals; touched only on the signal queue.
final class Counter: @unchecked Sendable {
    private var value = 0
    func increment() -> Int {
        value += 1
        return value
    }
}
