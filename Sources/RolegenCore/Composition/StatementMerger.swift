/// Joins statements without changing what the policy grants, then sorts and names them.
///
/// Two merges are exact, and only these are made:
/// - same effect, resources and conditions: the union of the actions (A₁×R ∪ A₂×R = (A₁∪A₂)×R);
/// - same effect, actions and conditions: the union of the resources.
/// Statements whose actions and resources both differ are never joined: that would grant the
/// cross combinations neither statement granted. `NotAction`/`NotResource` lists are never
/// united, since the union of two exclusions is narrower, not wider.
package enum StatementMerger {
    package static func merge(_ statements: [ComposedStatement]) -> [ComposedStatement] {
        var current = statements.map { ComposedStatement(statement: $0.statement.normalized(), provenance: $0.provenance) }
        while true {
            let before = current.count
            current = join(current, by: { ActionGroupKey($0) }, when: { !$0.actionsAreExcluded }) { merged, next in
                merged.actions = PolicyStatement.canonicalActions(merged.actions + next.actions)
            }
            current = join(current, by: { ResourceGroupKey($0) }, when: { !$0.resourcesAreExcluded }) { merged, next in
                merged.resources = Array(Set(merged.resources + next.resources)).sorted()
                // The same actions, perhaps spelt in another case: keep the canonical spelling.
                merged.actions = PolicyStatement.canonicalActions(merged.actions + next.actions)
            }
            if current.count == before { break }
        }
        return named(sorted(current))
    }

    /// What must be equal for actions to be united.
    private struct ActionGroupKey: Hashable {
        var effect: Effect, principal: Principal?, resources: [String], resourcesAreExcluded: Bool, condition: ConditionSet
        init(_ s: PolicyStatement) {
            (effect, principal, resources, resourcesAreExcluded, condition) = (s.effect, s.principal, s.resources, s.resourcesAreExcluded, s.condition)
        }
    }

    /// What must be equal for resources to be united.
    private struct ResourceGroupKey: Hashable {
        var effect: Effect, principal: Principal?, actions: [String], actionsAreExcluded: Bool, condition: ConditionSet
        init(_ s: PolicyStatement) {
            (effect, principal, actions, actionsAreExcluded, condition) = (s.effect, s.principal, s.actions.map { $0.lowercased() }, s.actionsAreExcluded, s.condition)
        }
    }

    private static func join<Key: Hashable>(
        _ statements: [ComposedStatement], by key: (PolicyStatement) -> Key, when eligible: (PolicyStatement) -> Bool,
        combine: (inout PolicyStatement, PolicyStatement) -> Void
    ) -> [ComposedStatement] {
        var result: [ComposedStatement] = []
        var indexOfKey: [Key: Int] = [:]
        for composed in statements {
            guard eligible(composed.statement) else {
                result.append(composed)
                continue
            }
            let groupKey = key(composed.statement)
            if let index = indexOfKey[groupKey] {
                combine(&result[index].statement, composed.statement)
                for provenance in composed.provenance where !result[index].provenance.contains(provenance) {
                    result[index].provenance.append(provenance)
                }
            } else {
                indexOfKey[groupKey] = result.count
                result.append(composed)
            }
        }
        return result
    }

    /// Allow before Deny, then by Sid, then by content: the order of capabilities in the persona
    /// does not change the output.
    private static func sorted(_ statements: [ComposedStatement]) -> [ComposedStatement] {
        statements.map { ($0, sortKey($0)) }.sorted { $0.1 < $1.1 }.map(\.0)
    }

    private static func sortKey(_ composed: ComposedStatement) -> String {
        let statement = composed.statement
        let effect = statement.effect == .allow ? "0" : "1"
        let sid = baseSid(of: composed)
        // Ties between equal Sids are broken by content; any total order of the content will do.
        let conditions = statement.condition.clauses.map { "\($0.operator)\u{2}\($0.key)\u{2}\($0.values.joined(separator: "\u{3}"))" }
        return [effect, sid, statement.actionsAreExcluded ? "n" : "a", statement.actions.joined(separator: "\u{3}"),
                statement.resourcesAreExcluded ? "n" : "r", statement.resources.joined(separator: "\u{3}"),
                conditions.joined(separator: "\u{4}"), statement.principal.map { "\($0.entries.sorted { $0.key < $1.key })" } ?? ""]
            .joined(separator: "\u{1}")
    }

    /// A statement is named after the template statements it came from: their Sids, sorted and
    /// joined (`ReadObjectsWriteObjects`), or the first and a count when that grows long.
    package static func baseSid(of composed: ComposedStatement) -> String {
        var sids: [String] = []
        for sid in composed.provenance.map(\.sid).sorted() where !sids.contains(sid) { sids.append(sid) }
        guard let first = sids.first else { return "Statement" }
        let joined = sids.joined()
        return joined.count <= 64 ? joined : "\(first)And\(sids.count - 1)More"
    }

    /// Each statement takes its base Sid; repeats get a number (`ReadObjects`, `ReadObjects2`).
    private static func named(_ statements: [ComposedStatement]) -> [ComposedStatement] {
        var used: Set<String> = []
        return statements.map { composed in
            var copy = composed
            let base = baseSid(of: composed)
            var sid = base
            var counter = 2
            while used.contains(sid) {
                sid = "\(base)\(counter)"
                counter += 1
            }
            used.insert(sid)
            copy.statement.sid = sid
            return copy
        }
    }
}
