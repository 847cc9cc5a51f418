/// What rules share during a run: the catalog, the organisation's settings, and caches of the
/// catalog questions every policy asks again (`s3:Get*` expands the same way each time).
/// One context serves one thread.
package final class LintContext: @unchecked Sendable {
    package let catalog: Catalog
    package let settings: LintSettings
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
        if let cached = expansions[key] { return cached }
        let result: [ActionDefinition]
        if pattern.contains("*") || pattern.contains("?") {
            result = try catalog.expand(pattern)
        } else if case .found(let action) = try lookup(pattern) {
            result = [action]
        } else {
            result = []
        }
        expansions[key] = result
        return result
    }

    package func lookup(_ action: String) throws -> Catalog.ActionLookup {
        let key = action.lowercased()
        if let cached = lookups[key] { return cached }
        let result = try catalog.lookup(action)
        lookups[key] = result
        return result
    }
}
