/// Action classes refined by their resource domain (§4.4 step 2): actions with the same
/// statement signature and the same d2 templates answer every request alike.
struct ActionGroup {
    /// Indices into the universe, sorted by name.
    var actions: [Int]
    /// The statements whose Act contains the group.
    var statements: [DiffStatement]
    /// The class (same signature, any domain) the group belongs to, for reports.
    var classActions: [Int]
    var domain: ResourceDomain
    var representative: Int
}

/// Which request resources the group's actions take under d2 (§4.2).
struct ResourceDomain: Hashable {
    var takesTop: Bool
    /// nil: any string; otherwise the ARN formats.
    var templates: [String]?
    /// Every ARN format of the templates' service: whether a placeholder may hold `/` depends on them.
    var siblings: [String] = []
    var takesARNs: Bool { templates.map { !$0.isEmpty } ?? true }
    /// For robust mode's ⊤ rule (§3.2.4), which compares a pattern's service with the action's.
    var service: String?

    static let unconstrained = ResourceDomain(takesTop: true, templates: nil, service: nil)
}

enum ActionGroups {
    /// `trivial[id]`: the statement lists an all-`*` resource pattern, so its resource match is
    /// the same for every resource and the domain cannot split its classes.
    static func build(universe: ActionUniverse, statements: [DiffStatement], trivial: [Bool], options: DiffOptions,
                      catalog: Catalog?) throws(CatalogError) -> [ActionGroup] {
        let acts: [Set<Int>] = statements.map { statement in
            statement.actionPatterns.reduce(into: Set<Int>()) { $0.formUnion(universe.expansions[$1] ?? []) }
        }
        var signatures: [BitSet: [Int]] = [:]
        for index in universe.actions.indices {
            var signature = BitSet(capacity: statements.count)
            for (position, statement) in statements.enumerated() where acts[position].contains(index) != statement.actionsExcept {
                signature.insert(position)
            }
            guard !signature.isEmpty else { continue }
            signatures[signature, default: []].append(index)
        }
        let candidateLiterals = Set(statements.filter(\.isCandidateAllow).flatMap(\.actionPatterns)
            .filter { !$0.contains("*") && !$0.contains("?") })
        var groups: [ActionGroup] = []
        for (signature, members) in signatures {
            let inPlay = signature.members.map { statements[$0] }
            guard inPlay.contains(where: \.isCandidateAllow) else { continue }
            let classActions = members.sorted { universe.actions[$0].key < universe.actions[$1].key }
            var byDomain: [ResourceDomain: [Int]] = [:]
            if inPlay.allSatisfy({ trivial[$0.id] }) {
                let representative = classActions.first { candidateLiterals.contains(universe.actions[$0].key) } ?? classActions[0]
                let domain = try domain(of: universe.actions[representative], options: options, catalog: catalog)
                groups.append(ActionGroup(actions: classActions, statements: inPlay, classActions: classActions,
                                          domain: domain, representative: representative))
                continue
            }
            for action in classActions {
                byDomain[try domain(of: universe.actions[action], options: options, catalog: catalog), default: []].append(action)
            }
            for (domain, actions) in byDomain {
                let representative = actions.first { candidateLiterals.contains(universe.actions[$0].key) } ?? actions[0]
                groups.append(ActionGroup(actions: actions, statements: inPlay, classActions: classActions,
                                          domain: domain, representative: representative))
            }
        }
        // Classes with actions B's Allow statements name literally first, then those whose
        // resources the catalog describes (their witnesses are realistic), then larger ones.
        return groups.sorted { lhs, rhs in
            let l = candidateLiterals.contains(universe.actions[lhs.representative].key)
            let r = candidateLiterals.contains(universe.actions[rhs.representative].key)
            if l != r { return l }
            if (lhs.domain.templates == nil) != (rhs.domain.templates == nil) { return lhs.domain.templates != nil }
            if lhs.actions.count != rhs.actions.count { return lhs.actions.count > rhs.actions.count }
            return universe.actions[lhs.representative].key < universe.actions[rhs.representative].key
        }
    }

    private static func domain(of action: ActionUniverse.Action, options: DiffOptions, catalog: Catalog?) throws(CatalogError) -> ResourceDomain {
        let service = options.mode == .robust ? action.service : nil
        guard options.constraints.resourceTemplates, let definition = action.definition, let catalog else {
            return ResourceDomain(takesTop: true, templates: nil, service: service)
        }
        if definition.resourceTypes.isEmpty { return ResourceDomain(takesTop: true, templates: [], service: service) }
        guard let resources = try catalog.resources(of: definition.service) else { return .unconstrained }
        var formats: Set<String> = []
        for use in definition.resourceTypes {
            formats.formUnion(resources.resourceType(named: use.type)?.arnFormats ?? [])
        }
        // A type without formats leaves the resource open.
        if formats.isEmpty { return ResourceDomain(takesTop: true, templates: nil, service: service) }
        return ResourceDomain(takesTop: false, templates: formats.sorted(), siblings: resources.arnFormats, service: nil)
    }
}
