#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value shared between threads, read and changed only inside `withLock`: the one lock
/// type for the scan's shared counters and sets (progress, crawl counts, visited folders,
/// the writer's first error).
///
/// Not `Synchronization.Mutex`: on Linux that locks with a bare futex, which the thread
/// sanitizer does not see, so every access it orders is reported as a race and the CI pass
/// under `--sanitize=thread` cannot run (docs/decisions/0608-thread-sanitizer-in-ci.md).
/// A pthread mutex is intercepted by TSan and costs the same uncontended. Not for condition
/// variables either (`WorkStack`, `BoundedQueue` keep their own pthread pair).
///
/// `@unchecked Sendable` because the compiler cannot see the guard: `value` is read and
/// written only between `pthread_mutex_lock` and `unlock` of `mutex`, which lives at a
/// fixed address of its own (a Swift stored property's address is not stable).
public final class Locked<Value: Sendable>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    public init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with the value, holding the lock; keep it short (no I/O, no other lock).
    public func withLock<Returned>(_ body: (inout Value) throws -> Returned) rethrows -> Returned {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
