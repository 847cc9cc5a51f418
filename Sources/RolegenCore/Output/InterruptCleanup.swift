#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary files of a write in progress when the process is interrupted
/// (SIGINT, SIGTERM, SIGHUP), then dies of the signal as it would have: an interrupted run
/// leaves neither a partial file nor a stray temporary one (docs/limits.md, "No data lost").
///
/// A signal handler may call only async-signal-safe functions, so the paths are kept as C
/// strings in a fixed table the handler walks without locks or allocation. A path's string is
/// never freed once registered (a handler might be reading it); a run registers a few files
/// per bundle, so the cost is a few bytes each.
package enum InterruptCleanup {
    /// Slots for temporary paths; a write of more files at once leaves the extra ones
    /// unregistered (still written under temporary names, and renamed at the end as usual).
    static let capacity = 65_536

    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        table.initialize(repeating: nil, count: capacity)
        return table
    }()
    nonisolated(unsafe) private static var used = 0
    private static let lock = PThreadLock()

    /// Installs the handlers (once) and records `path` for removal; returns its slot.
    package static func register(_ path: String) -> Int? {
        installHandlers
        lock.lock()
        defer { lock.unlock() }
        var slot = 0
        while slot < used && slots[slot] != nil { slot += 1 }
        guard slot < capacity else { return nil }
        slots[slot] = strdup(path)
        used = max(used, slot + 1)
        return slot
    }

    /// The file was renamed into place or removed: nothing to clean any more.
    package static func unregister(_ slot: Int?) {
        guard let slot else { return }
        lock.lock()
        defer { lock.unlock() }
        slots[slot] = nil
    }

    private static let installHandlers: Void = {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, interruptHandler)
        }
    }()

    fileprivate static func removeAll() {
        var slot = 0
        while slot < used {
            if let path = slots[slot] { unlink(path) }
            slot += 1
        }
    }
}

private func interruptHandler(_ signalNumber: Int32) {
    InterruptCleanup.removeAll()
    // Die of the signal, so that the shell sees an interrupted process (exit status 128 + n).
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}

/// A mutex usable from a nonisolated static context.
private final class PThreadLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
        let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        return mutex
    }()

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
}
