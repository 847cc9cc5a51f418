import Dispatch
import Foundation

/// Work spread over the processor cores: indices handed out one at a time (inputs differ in
/// size a hundredfold, so fixed shares leave a core idle), results kept in input order so the
/// outcome does not depend on the number of cores or on timing.
enum ParallelWork {
    /// `body(i)` for every i in 0..<count, in order of the result, on up to `maxWorkers` threads.
    static func map<Value>(count: Int, maxWorkers: Int = 8, _ body: @escaping @Sendable (Int) -> Value) -> [Value] {
        let results = Slots<Value?>(count: count, initial: nil)
        let queue = WorkQueue(count: count)
        let workers = max(1, min(processorCount, maxWorkers, count))
        let work: @Sendable (Int) -> Void = { _ in
            while let index = queue.next() { results[index] = body(index) }
        }
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        return results.values.map { $0! }
    }

    static var processorCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// Hands out the indices 0..<count, each once, to whichever worker asks first.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var taken = 0

    init(count: Int) {
        self.count = count
    }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard taken < count else { return nil }
        taken += 1
        return taken - 1
    }
}

/// One value per worker; each worker writes only its own slot, so no lock is needed.
final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Value>
    private let count: Int

    init(count: Int, initial: Value) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: initial, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    subscript(index: Int) -> Value {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    var values: [Value] { (0..<count).map { storage[$0] } }
}
