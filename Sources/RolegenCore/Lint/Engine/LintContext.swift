import Foundation

/// What rules share during a run: the catalog, the organisation's settings, and caches of the
/// catalog questions every policy asks again (`s3:Get*` expands the same way each time). The
/// workers of a parallel run share one context, so each question is answered once per run.
package final class LintContext: @unchecked Sendable {
    // The caches are guarded by `lock`; everything else is immutable.
    package let catalog: Catalog
    package let settings: LintSettings
    private let lock = MemoLock()
    private var lookups: [String: Catalog.ActionLookup] = [:]
    /// One memo of action expansions for the rules that ask here and those that expand statements' lists.
    let patterns: ActionPatterns

    package init(catalog: Catalog, settings: LintSettings = LintSettings()) {
        self.catalog = catalog
        self.settings = settings
        patterns = ActionPatterns.shared(catalog)
    }

    /// The catalog's actions an action name or pattern stands for (without case); empty when it
    /// names nothing the catalog knows.
    package func actions(matching pattern: String) throws -> [ActionDefinition] {
        if ActionText.isEverything(pattern) { return try patterns.expand("*") }
        return try patterns.facts(of: pattern).actions
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
