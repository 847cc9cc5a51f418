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
        let key = pattern.lowercased()
        if let cached = lock.withLock({ expansions[key] }) { return cached }
        let result: [ActionDefinition]
        if pattern.utf8.contains(UInt8(ascii: "*")) || pattern.utf8.contains(UInt8(ascii: "?")) {
            result = try catalog.expand(pattern)
        } else if case .found(let action) = try lookup(pattern) {
            result = [action]
        } else {
            result = []
        }
        lock.withLock { expansions[key] = result }
        return result
    }

    package func lookup(_ action: String) throws -> Catalog.ActionLookup {
        let key = action.lowercased()
        if let cached = lock.withLock({ lookups[key] }) { return cached }
        let result = try catalog.lookup(action)
        lock.withLock { lookups[key] = result }
        return result
    }
}
