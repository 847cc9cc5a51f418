/// What the guard rules share: which actions a guard covers, whether a statement's conditions
/// guard them, and how a condition clause evaluates when its key is absent from the request.
enum GuardSupport {
    /// The catalog actions the patterns name that evaluate `key`, lower-cased.
    static func actions(_ patterns: [String], supporting key: String, context: LintContext) throws -> Set<String> {
        var names: Set<String> = []
        for pattern in patterns {
            for action in try context.actions(matching: pattern) where try context.catalog.supports(key, action: action) {
                names.insert(action.lowercasedName)
            }
        }
        return names
    }

    /// For each Action entry (or the NotAction element) of the statement, the names of `among` it grants.
    static func granted(by statement: StatementView, among names: Set<String>, context: LintContext) throws
        -> [(location: SourceLocation, actions: [String])] {
        var result: [(location: SourceLocation, actions: [String])] = []
        if let actions = statement.actions {
            for action in actions {
                let found = try context.actions(matching: action.value).filter { names.contains($0.lowercasedName) }.map(\.fullName)
                if !found.isEmpty { result.append((action.location, found)) }
            }
        } else if let excluded = statement.notActions, let location = statement.element("NotAction")?.location {
            let found = names.filter { name in !excluded.contains { GrantIndex.matches($0.value.lowercased(), name) } }.sorted()
            if !found.isEmpty { result.append((location, found)) }
        }
        return result
    }

    /// Whether `action` is guarded by `key`: the Allow statement constrains the key's value (not
    /// only when present), or a Deny of the policy that covers the action is conditioned on the key.
    static func isGuarded(_ action: String, key: String, in statement: StatementView, policy: [StatementView]) -> Bool {
        if constrains(statement, key: key) { return true }
        let lowered = action.lowercased()
        return policy.contains { deny in
            guard deny.isDeny, !deny.clauses(forKey: key).isEmpty else { return false }
            if let actions = deny.actions { return actions.contains { GrantIndex.matches($0.value.lowercased(), lowered) } }
            return !(deny.notActions ?? []).contains { GrantIndex.matches($0.value.lowercased(), lowered) }
        }
    }

    /// Whether the statement's condition fails every request that lacks the key and tests its value.
    static func constrains(_ statement: StatementView, key: String) -> Bool {
        let clauses = statement.clauses(forKey: key)
        let positive = clauses.filter { $0.baseOperator != "Null" && !isNegated($0.baseOperator) && !$0.isIfExists }
        if positive.contains(where: { $0.qualifier != "ForAllValues" }) { return true }
        let requiresPresence = clauses.contains { $0.baseOperator == "Null" && !$0.values.isEmpty && $0.values.allSatisfy { $0.value == "false" } }
        return requiresPresence && !positive.isEmpty
    }

    /// Why the statement's clauses on the key do not guard it, for messages; `nil` when it has none.
    static func weakClause(_ statement: StatementView, key: String) -> String? {
        let clauses = statement.clauses(forKey: key)
        guard let first = clauses.first else { return nil }
        if clauses.allSatisfy({ $0.baseOperator == "Null" }) { return "its Null test requires the key but not a value" }
        if let negated = clauses.first(where: { isNegated($0.baseOperator) }), clauses.count == 1 {
            return "its '\(negated.operator.value)' condition excludes values but lets requests without the key through"
        }
        return "its '\(first.operator.value)' condition lets requests without the key through"
    }

    static func isNegated(_ base: String) -> Bool {
        base.contains("Not")
    }

    /// What a clause evaluates to when its key is not in the request: `nil` when it cannot be said.
    static func valueWhenAbsent(_ clause: ConditionClause) -> Bool? {
        let base = clause.baseOperator
        if base == "Null" {
            let values = Set(clause.values.map { $0.value.lowercased() })
            if values == ["true"] { return true }
            if values == ["false"] { return false }
            return nil
        }
        if clause.isIfExists { return true }
        switch clause.qualifier {
        case "ForAllValues"?: return true
        case "ForAnyValue"?: return false
        default: return isNegated(base)
        }
    }
}
