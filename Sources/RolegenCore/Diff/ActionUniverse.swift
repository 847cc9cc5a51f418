/// The action dimension (§4.4): the catalog's actions that the policies can reach, plus actions
/// a policy names literally that the catalog lacks (they still form classes of their own, so
/// `IAM:GETUSER` and `iam:GetUser` compare equal).
struct ActionUniverse {
    struct Action {
        /// Lower-cased `service:name`.
        let key: String
        /// As the catalog spells it, or as the policy wrote it.
        let display: String
        let definition: ActionDefinition?
        var service: String { String(key.prefix { $0 != ":" }) }
    }

    private(set) var actions: [Action] = []
    private var byKey: [String: Int] = [:]
    private var byService: [String: [Int]] = [:]
    /// Lower-cased pattern → the actions it names.
    private(set) var expansions: [String: Set<Int>] = [:]

    init(statements: [DiffStatement], catalog: Catalog?) throws(CatalogError) {
        let patterns = Set(statements.flatMap(\.actionPatterns))
        // NotAction and vendor wildcards reach actions no pattern names: load every service.
        let needsEverything = statements.contains(where: \.actionsExcept)
            || patterns.contains { $0 == "*" || !$0.contains(":") || ActionUniverse.vendor($0).contains(where: { $0 == "*" || $0 == "?" }) }
        if let catalog {
            if needsEverything {
                for prefix in catalog.prefixes {
                    for action in try catalog.service(prefix)?.actions ?? [] { add(action) }
                }
            } else {
                for pattern in patterns.sorted() {
                    for action in try catalog.expand(pattern) { add(action) }
                }
            }
        }
        // Literal names the catalog lacks, spelled as first written.
        for statement in statements {
            for (pattern, written) in zip(statement.actionPatterns, statement.source.actions?.patterns ?? [])
            where !pattern.contains("*") && !pattern.contains("?") && pattern.contains(":") && byKey[pattern] == nil {
                insert(Action(key: pattern, display: written, definition: nil))
            }
        }
        for pattern in patterns { expansions[pattern] = matches(pattern) }
    }

    private static func vendor(_ pattern: String) -> Substring {
        pattern.prefix { $0 != ":" }
    }

    private mutating func add(_ definition: ActionDefinition) {
        guard byKey[definition.lowercasedName] == nil else { return }
        insert(Action(key: definition.lowercasedName, display: definition.fullName, definition: definition))
    }

    private mutating func insert(_ action: Action) {
        byKey[action.key] = actions.count
        byService[action.service, default: []].append(actions.count)
        actions.append(action)
    }

    /// The actions a lower-cased pattern names (§3.1: vendor and name are globs without case).
    private func matches(_ pattern: String) -> Set<Int> {
        if pattern == "*" { return Set(actions.indices) }
        guard pattern.contains(":") else { return [] }
        let vendor = Self.vendor(pattern)
        let candidates = vendor.contains(where: { $0 == "*" || $0 == "?" }) ? Array(actions.indices) : byService[String(vendor)] ?? []
        return Set(candidates.filter { PolicySafety.globMatches(pattern: pattern, text: actions[$0].key) })
    }

    func index(of key: String) -> Int? { byKey[key] }
}
