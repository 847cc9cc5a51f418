/// The checks a policy must pass before it is diffed (§1.1–1.2, §4.8 step 1): what IAM would
/// reject gets no verdict. Lint's grammar rules say more; these are the ones that change meaning.
enum DiffPolicyValidator {
    struct Problem {
        var message: String
        var location: SourceLocation
    }

    static func problems(_ root: SourceNode) -> [Problem] {
        guard root.mappingEntries != nil else {
            return [Problem(message: "a policy document is a JSON object with Version and Statement", location: root.location)]
        }
        let view = PolicyView(root)
        var problems: [Problem] = []
        if let version = view.version, !["2012-10-17", "2008-10-17"].contains(version.scalarText ?? "") {
            problems.append(Problem(message: "Version must be \"2012-10-17\"", location: version.location))
        }
        guard let statementElement = view.statementElement else {
            return problems + [Problem(message: "the policy has no Statement", location: root.location)]
        }
        if view.statements.isEmpty {
            problems.append(Problem(message: "Statement must be a statement object or a non-empty array of them", location: statementElement.location))
        }
        for statement in view.statements {
            let at = statement.node.location
            let name = statement.sid == nil ? statement.label : "statement \(statement.label)"
            if let effect = statement.effect {
                if effect.value != "Allow" && effect.value != "Deny" {
                    problems.append(Problem(message: "\(name): Effect must be \"Allow\" or \"Deny\" (exact case), not \"\(effect.value)\"", location: effect.location))
                }
            } else {
                problems.append(Problem(message: "\(name) has no Effect; add \"Effect\": \"Allow\" or \"Deny\"", location: at))
            }
            switch (statement.actions, statement.notActions) {
            case (nil, nil): problems.append(Problem(message: "\(name) has neither Action nor NotAction", location: at))
            case (.some, .some): problems.append(Problem(message: "\(name) has both Action and NotAction; keep one", location: at))
            case (let list?, nil), (nil, let list?):
                if list.isEmpty { problems.append(Problem(message: "\(name): the action list is empty", location: at)) }
            }
            switch (statement.resources, statement.notResources) {
            case (nil, nil): problems.append(Problem(message: "\(name) has neither Resource nor NotResource", location: at))
            case (.some, .some): problems.append(Problem(message: "\(name) has both Resource and NotResource; keep one", location: at))
            case (let list?, nil), (nil, let list?):
                if list.isEmpty { problems.append(Problem(message: "\(name): the resource list is empty", location: at)) }
            }
            if let principal = statement.principal ?? statement.notPrincipal {
                problems.append(Problem(message: "\(name): an identity policy does not name a Principal", location: principal.location))
            }
            for clause in statement.clauses where !ConditionOperators.isValid(clause.operator.value) {
                problems.append(Problem(message: "\(name): unknown condition operator '\(clause.operator.value)'"
                                        + ConditionOperators.suggestion(for: clause.operator.value), location: clause.operator.location))
            }
        }
        return problems
    }
}
