import Foundation

/// The grant index of the document being linted, shared by the permissions and ml rules: the
/// engine runs every rule on one document before the next, and a dozen rules ask the same
/// questions of it. Entries are keyed by the context (held, so its identity cannot be reused)
/// and the document's identity; a few are kept, for contexts used on several threads.
final class GrantIndexCache: @unchecked Sendable {
    static let shared = GrantIndexCache()

    private struct Key: Equatable {
        var path: String
        var name: String?
        var embeddedAt: SourceLocation?
        var root: SourceLocation
        var last: SourceLocation?
        var statements: Int

        init(_ subject: RuleSubject) {
            path = subject.input.path
            name = subject.input.name
            embeddedAt = subject.input.embeddedAt
            root = subject.view.root.location
            last = subject.view.statements.last?.node.location
            statements = subject.view.statements.count
        }
    }

    private let lock = MemoLock()
    /// Each entry holds its document's statements, so that their storage (compared by address,
    /// with the key) cannot be reused by another document while the entry is kept.
    private var entries: [(context: LintContext, key: Key, statements: [StatementView], index: GrantIndex)] = []
    /// Answers that depend only on the catalog (the actions a pattern grants at an access level),
    /// per context: the same patterns come back in policy after policy.
    private var memos: [(context: LintContext, actions: [String: [ActionDefinition]], names: [String: Set<String>])] = []
    private static let capacity = 4
    /// Documents in flight at once: one per worker, and the batches of an account dump.
    private static let indexCapacity = 16

    /// The catalog actions `compute` gives for `key`, computed once per context.
    func actions(_ key: String, context: LintContext, compute: () throws -> [ActionDefinition]) rethrows -> [ActionDefinition] {
        if let cached = lock.withLock({ memos.first(where: { $0.context === context })?.actions[key] }) { return cached }
        let result = try compute()
        store(context) { $0.actions[key] = result }
        return result
    }

    /// The names `compute` gives for `key`, computed once per context.
    func names(_ key: String, context: LintContext, compute: () throws -> Set<String>) rethrows -> Set<String> {
        if let cached = lock.withLock({ memos.first(where: { $0.context === context })?.names[key] }) { return cached }
        let result = try compute()
        store(context) { $0.names[key] = result }
        return result
    }

    private func store(_ context: LintContext,
                       _ update: (inout (context: LintContext, actions: [String: [ActionDefinition]], names: [String: Set<String>])) -> Void) {
        lock.withLock {
            if let index = memos.firstIndex(where: { $0.context === context }) {
                update(&memos[index])
                return
            }
            var memo = (context: context, actions: [String: [ActionDefinition]](), names: [String: Set<String>]())
            update(&memo)
            memos.append(memo)
            if memos.count > Self.capacity { memos.removeFirst() }
        }
    }

    func index(for subject: RuleSubject) -> GrantIndex {
        let key = Key(subject)
        let statements = subject.view.statements
        let identity = statements.withUnsafeBufferPointer { $0.baseAddress }
        if let hit = lock.withLock({
            // Cheapest comparison first: the lock is held while the entries are compared.
            entries.first { entry in
                entry.statements.withUnsafeBufferPointer { $0.baseAddress } == identity
                    && entry.context === subject.context && entry.key == key
            }
        }) {
            return hit.index
        }
        let index = GrantIndex(subject.view, context: subject.context)
        // One entry per document being linted: the workers of a run share the context, and
        // keeping one index per context made them evict each other's on every rule.
        lock.withLock {
            entries.append((subject.context, key, statements, index))
            if entries.count > Self.indexCapacity { entries.removeFirst() }
        }
        return index
    }
}
