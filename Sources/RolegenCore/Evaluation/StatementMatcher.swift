/// Why a statement does not apply to a request: the first element that fails, in the order
/// action, resource, principal, condition (§2.2, §2.4 end).
package enum StatementMismatch: Sendable, Equatable, CustomStringConvertible {
    /// Effect missing or not exactly Allow/Deny.
    case effect
    case action(String)
    case resource(String)
    case principal(String)
    /// The first condition entry that does not hold.
    case condition(operator: String, key: String, reason: String)

    package var element: String {
        switch self {
        case .effect: "Effect"
        case .action: "action"
        case .resource: "resource"
        case .principal: "principal"
        case .condition(_, let key, _): "condition key \(key)"
        }
    }

    package var description: String {
        switch self {
        case .effect: "Effect is neither Allow nor Deny"
        case .action(let detail), .resource(let detail), .principal(let detail): detail
        case .condition(let op, let key, let reason): "condition \(op) \(key): \(reason)"
        }
    }
}

package enum StatementMatcher {
    /// nil when `statement` matches `request`; otherwise the first failing element.
    /// `checksPrincipal`: resource-based policies and RCPs name principals, identity policies do not.
    package static func match(_ statement: EvaluationStatement, request: EvaluationRequest, variables: Bool,
                              semantics: ResourceSemantics = .standard, checksPrincipal: Bool = false,
                              notes: inout EvaluationNotes) -> StatementMismatch? {
        guard statement.effect != nil else { return .effect }
        if let failure = matchAction(statement.actions, request.action, notes: &notes) { return failure }
        if let failure = matchResource(statement.resources, request, variables: variables, semantics: semantics,
                                       requiredResource: !checksPrincipal, notes: &notes) { return failure }
        if checksPrincipal, let principals = statement.principals,
           let failure = PrincipalMatcher.mismatch(principals, request: request) { return failure }
        for entry in statement.conditions {
            let verdict = ConditionEvaluator.evaluate(entry, context: request.context, variables: variables, notes: &notes)
            if !verdict.holds { return .condition(operator: entry.operatorName, key: entry.key, reason: verdict.reason) }
        }
        return nil
    }

    private static func matchAction(_ actions: PatternList?, _ action: String, notes: inout EvaluationNotes) -> StatementMismatch? {
        guard let actions else { return .action("the statement has neither Action nor NotAction") }
        if notes.collects && actions.patterns.contains(where: ActionMatcher.hasWildcardVendor) {
            notes.add("§3.1 I-D: a wildcard in an action's service prefix is matched as a glob")
        }
        let hit = actions.patterns.first { ActionMatcher.matches(pattern: $0, action: action) }
        switch actions {
        case .only(let patterns) where hit == nil:
            return .action("\(action) is not matched by Action \(listed(patterns))")
        case .except where hit != nil:
            return .action("\(action) is excluded by NotAction '\(hit!)'")
        default:
            return nil
        }
    }

    private static func matchResource(_ resources: PatternList?, _ request: EvaluationRequest, variables: Bool,
                                      semantics: ResourceSemantics, requiredResource: Bool,
                                      notes: inout EvaluationNotes) -> StatementMismatch? {
        guard let resources else {
            return requiredResource ? .resource("the statement has neither Resource nor NotResource") : nil
        }
        var hit: String?
        for pattern in resources.patterns {
            switch VariableSubstitution.resolve(pattern, context: request.context, enabled: variables) {
            case .unresolved(let key):
                notes.add("§3.6: variable ${\(key)} in resource '\(pattern)' is absent: the pattern matches no resource")
            case .resolved(let pieces):
                if pieces.contains(where: { if case .literal(let text) = $0 { return text.contains("*") || text.contains("?") } else { return false } }) {
                    notes.add("§3.6 I-D: text substituted for a policy variable is literal (its * and ? are not wildcards)")
                }
                let matched = ResourceMatcher.matches(pieces: pieces, resource: request.resource, semantics: semantics)
                if notes.collects { noteAmbiguity(pieces, pattern: pattern, resource: request.resource, notes: &notes) }
                if matched && hit == nil { hit = pattern }
            }
        }
        if request.resource == .top, hit == nil, resources.patterns.contains(where: { $0.hasPrefix("arn:") }) {
            notes.add("§3.2.4 I-D: an action without resource-level permissions (resource *) is matched only by a Resource of *, not by an ARN pattern")
        }
        switch resources {
        case .only(let patterns) where hit == nil:
            return .resource("\(request.resource) is not matched by Resource \(listed(patterns))")
        case .except where hit != nil:
            return .resource("\(request.resource) is excluded by NotResource '\(hit!)'")
        default:
            return nil
        }
    }

    /// §3.2.3: when the strict and loose readings of a pattern disagree, the result rests on
    /// undocumented AWS behaviour.
    private static func noteAmbiguity(_ pieces: [PatternPiece], pattern: String, resource: RequestResource,
                                      notes: inout EvaluationNotes) {
        let strict = ResourceMatcher.matches(pieces: pieces, resource: resource, semantics: .strict)
        let loose = ResourceMatcher.matches(pieces: pieces, resource: resource, semantics: .loose)
        guard strict != loose else { return }
        let standard = ResourceMatcher.matches(pieces: pieces, resource: resource, semantics: .standard)
        notes.add("§3.2.3 I-D: ambiguous ARN match of '\(pattern)' against \(resource): strict reading L \(strict ? "matches" : "does not match"), loose reading U \(loose ? "matches" : "does not match"); rolegen uses D (\(standard ? "matches" : "does not match"))")
    }

    static func listed(_ values: [String]) -> String {
        "[" + values.joined(separator: ", ") + "]"
    }
}
