#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The crawler's shared LIFO of pending work, with the bookkeeping that tells
/// idle workers when the walk is over (empty stack and nobody busy).
///
/// LIFO order makes the walk depth-first, so pending work stays proportional to
/// the directories along the current paths, not to the size of the share.
/// Thread-safe: all state is guarded by one mutex and condition variable.
/// `@unchecked Sendable` because the compiler cannot see that guard: every stored `var`
/// is read and written only between `pthread_mutex_lock` and `unlock` of `mutex` (the
/// condition variable needs a pthread mutex, which `Mutex` does not expose).
final class WorkStack<Item: Sendable>: @unchecked Sendable {
    private var items: [Item] = []
    private var busy = 0
    private var stopped = false
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()

    init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
    }

    deinit {
        pthread_cond_destroy(&condition)
        pthread_mutex_destroy(&mutex)
    }

    func push(_ newItems: [Item]) {
        guard !newItems.isEmpty else { return }
        pthread_mutex_lock(&mutex)
        items.append(contentsOf: newItems.reversed())
        pthread_cond_broadcast(&condition)
        pthread_mutex_unlock(&mutex)
    }

    /// Blocks until an item is available (and marks the caller busy) or the walk is over (nil).
    func pop() -> Item? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while items.isEmpty && busy > 0 && !stopped {
            pthread_cond_wait(&condition, &mutex)
        }
        guard !stopped, let item = items.popLast() else {
            pthread_cond_broadcast(&condition)
            return nil
        }
        busy += 1
        return item
    }

    /// Marks the caller idle after it has pushed any work its item produced.
    func finished() {
        pthread_mutex_lock(&mutex)
        busy -= 1
        if busy == 0 && items.isEmpty { pthread_cond_broadcast(&condition) }
        pthread_mutex_unlock(&mutex)
    }

    /// Ends the walk early: workers finish their current item and return.
    func stop() {
        pthread_mutex_lock(&mutex)
        stopped = true
        items.removeAll()
        pthread_cond_broadcast(&condition)
        pthread_mutex_unlock(&mutex)
    }
}
