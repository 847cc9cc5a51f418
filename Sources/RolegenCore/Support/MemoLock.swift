#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The lock of the run-wide memos the linter's workers share (action expansions, ARN questions,
/// decoded catalog sections, grant indexes): a bare pthread mutex. Foundation's NSLock adds a
/// call and checks to every lookup, and these are looked up hundreds of thousands of times a
/// run. A read-write lock was tried and was slower: the memos are written often early in a run,
/// and glibc's reader-writer handoffs cost more than the short critical sections it would share.
final class MemoLock: @unchecked Sendable {
    private let handle: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        handle = .allocate(capacity: 1)
        handle.initialize(to: pthread_mutex_t())
        pthread_mutex_init(handle, nil)
    }

    deinit {
        pthread_mutex_destroy(handle)
        handle.deinitialize(count: 1)
        handle.deallocate()
    }

    /// `body` with the lock held: keep it to table reads and writes, never the work itself.
    func withLock<Value>(_ body: () throws -> Value) rethrows -> Value {
        pthread_mutex_lock(handle)
        defer { pthread_mutex_unlock(handle) }
        return try body()
    }
}
