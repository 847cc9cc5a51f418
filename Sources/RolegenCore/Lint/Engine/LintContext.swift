import Foundation

/// What rules share during a run: the catalog, the organisation's settings, and caches of the
/// catalog questions every policy asks again (`s3:Get*` expands the same way each time). The
/// workers of a parallel run share one context, so each question is answered once per run.
package final class LintContext: @unchecked Sendable {
    // The caches are guarded by `lock`; everything else is immutable.
    package let catalog: Catalog
    package let settings: LintSettings
    private let lock = NSLock()
    private var expansions: [String: [ActionDefinition]] = [:]
    private var lookups: [String: Catalog.ActionLookup] = [:]

    package init(catalog: Catalog, settings: LintSettings = LintSettings()) {
        self.catalog = catalog
        self.settings = settings
    }

    /// The catalog's actions an action name or pattern stands for (without case); empty when it
    /// names nothing the catalog knows.
    package func actions(matching pattern: String) throws -> [ActionDefinition] {
        // Policies repeat the same strings as written: look them up before lower-casing.
        if let cached = lock.withLock({ expansions[pattern] }) { return cached }
        let key = pattern.lowercased()
        if let cached = lock.withLock({ expansions[key] }) {
            lock.withLock { expansions[pattern] = cached }
            return cached
        }
        let result: [ActionDefinition]
        if pattern.utf8.contains(UInt8(ascii: "*")) || pattern.utf8.contains(UInt8(ascii: "?")) {
            result = try catalog.expand(pattern)
        } else if case .found(let action) = try lookup(pattern) {
            result = [action]
        } else {
            result = []
        }
        lock.withLock {
            expansions[key] = result
            expansions[pattern] = result
        }
        return result
    }

    /// The action of this exact name, or why there is none; unknown names come without
    /// suggestions (action-unknown makes its own, only for what it reports).
    package func lookup(_ action: String) throws -> Catalog.ActionLookup {
        if let cached = lock.withLock({ lookups[action] }) { return cached }
        let result = try catalog.lookup(action, suggesting: false)
        lock.withLock { lookups[action] = result }
        return result
    }
}
