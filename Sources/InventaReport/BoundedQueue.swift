#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A blocking FIFO with a capacity: `push` waits while it is full, so fast
/// producers (scan workers) slow down to the pace of the consumer (the report
/// writer) instead of piling results up in memory. Thread-safe.
/// `@unchecked Sendable` because the compiler cannot see the guard: every stored `var` is
/// read and written only with `mutex` held (the two condition variables need a pthread
/// mutex, which `Mutex` does not expose); `capacity` is immutable.
public final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private var items: [Element] = []
    private var head = 0
    private let capacity: Int
    private var closed = false
    private var mutex = pthread_mutex_t()
    private var notEmpty = pthread_cond_t()
    private var notFull = pthread_cond_t()

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&notEmpty, nil)
        pthread_cond_init(&notFull, nil)
    }

    deinit {
        pthread_cond_destroy(&notEmpty)
        pthread_cond_destroy(&notFull)
        pthread_mutex_destroy(&mutex)
    }

    /// Appends, waiting while full. Returns false (and drops the element) once closed.
    @discardableResult
    public func push(_ element: Element) -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while items.count - head >= capacity && !closed { pthread_cond_wait(&notFull, &mutex) }
        guard !closed else { return false }
        items.append(element)
        pthread_cond_signal(&notEmpty)
        return true
    }

    /// Removes the oldest element, waiting while empty; nil once closed and drained.
    public func pop() -> Element? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while items.count == head && !closed { pthread_cond_wait(&notEmpty, &mutex) }
        return take()
    }

    /// Removes the oldest element if there is one, without waiting.
    public func tryPop() -> Element? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return take()
    }

    /// No more pushes; consumers drain what is left and then get nil.
    public func close() {
        pthread_mutex_lock(&mutex)
        closed = true
        pthread_cond_broadcast(&notEmpty)
        pthread_cond_broadcast(&notFull)
        pthread_mutex_unlock(&mutex)
    }

    private func take() -> Element? {
        guard head < items.count else { return nil }
        let element = items[head]
        head += 1
        if head > 1024 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        pthread_cond_signal(&notFull)
        return element
    }
}
