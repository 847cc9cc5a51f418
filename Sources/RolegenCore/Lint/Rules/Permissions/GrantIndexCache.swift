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

    private let lock = NSLock()
    private var entries: [(context: LintContext, key: Key, index: GrantIndex)] = []
    /// Answers that depend only on the catalog (the actions a pattern grants at an access level),
    /// per context: the same patterns come back in policy after policy.
    private var memos: [(context: LintContext, actions: [String: [ActionDefinition]], names: [String: Set<String>])] = []
    private static let capacity = 4

    /// The catalog actions `compute` gives for `key`, computed once per context.
    func actions(_ key: String, context: LintContext, compute: () throws -> [ActionDefinition]) rethrows -> [ActionDefinition] {
        lock.lock()
        if let cached = memos.first(where: { $0.context === context })?.actions[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let result = try compute()
        store(context) { $0.actions[key] = result }
        return result
    }

    /// The names `compute` gives for `key`, computed once per context.
    func names(_ key: String, context: LintContext, compute: () throws -> Set<String>) rethrows -> Set<String> {
        lock.lock()
        if let cached = memos.first(where: { $0.context === context })?.names[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let result = try compute()
        store(context) { $0.names[key] = result }
        return result
    }

    private func store(_ context: LintContext,
                       _ update: (inout (context: LintContext, actions: [String: [ActionDefinition]], names: [String: Set<String>])) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        if let index = memos.firstIndex(where: { $0.context === context }) {
            update(&memos[index])
            return
        }
        var memo = (context: context, actions: [String: [ActionDefinition]](), names: [String: Set<String>]())
        update(&memo)
        memos.append(memo)
        if memos.count > Self.capacity { memos.removeFirst() }
    }

    func index(for subject: RuleSubject) -> GrantIndex {
        let key = Key(subject)
        lock.lock()
        if let hit = entries.first(where: { $0.context === subject.context && $0.key == key }) {
            lock.unlock()
            return hit.index
        }
        lock.unlock()
        let index = GrantIndex(subject.view, context: subject.context)
        lock.lock()
        entries.removeAll { $0.context === subject.context }
        entries.append((subject.context, key, index))
        if entries.count > Self.capacity { entries.removeFirst() }
        lock.unlock()
        return index
    }
}
