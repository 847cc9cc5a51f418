/// Whether a generated permissions boundary lets the role use what its permissions grant. A
/// role can do only what both allow, so a permission outside the boundary is dead weight, and a
/// boundary that covers nothing leaves a useless role.
///
/// Conservative in one direction only: a boundary statement's conditions are taken as met (the
/// request may well satisfy them), and its Deny statements count only without conditions. What
/// it reports is therefore certainly denied for some request the permissions allow.
package enum BoundaryCheck {
    /// The (action, resource) pairs of Allow statements that the boundary never allows.
    package static func uncovered(permissions: PolicyDocument, boundary: PolicyDocument) -> [(action: String, resource: String)] {
        var result: [(String, String)] = []
        for statement in permissions.statements where statement.effect == .allow && !statement.actionsAreExcluded {
            let resources = statement.resourcesAreExcluded ? ["*"] : statement.resources
            for action in statement.actions {
                for resource in resources where !allows(boundary, action: action, resource: resource) {
                    result.append((action, resource))
                }
            }
        }
        return result
    }

    package static func warnIfRestrictive(permissions: PolicyDocument, boundary: GeneratedPolicy, at location: SourceLocation,
                                          sink: DiagnosticSink) {
        let missing = uncovered(permissions: permissions, boundary: boundary.document)
        guard !missing.isEmpty else { return }
        let total = permissions.statements.filter { $0.effect == .allow && !$0.actionsAreExcluded }.reduce(0) {
            $0 + $1.actions.count * ($1.resourcesAreExcluded ? 1 : $1.resources.count)
        }
        let shown = missing.prefix(3).map { "\($0.action) on \($0.resource)" }.joined(separator: ", ")
            + (missing.count > 3 ? " and \(missing.count - 3) more" : "")
        let what = missing.count >= total ? "every permission of the role: the role would be useless"
            : "\(missing.count) of the role's \(total) action-resource grants, which the role could not use: \(shown)"
        sink.warning(.boundaryIneffective, "the permissions boundary (persona '\(boundary.persona)') denies \(what); a role can do "
                     + "only what its permissions and its boundary both allow (--strict makes this an error)", at: location)
    }

    private static func allows(_ boundary: PolicyDocument, action: String, resource: String) -> Bool {
        let statements = boundary.statements
        let denied = statements.contains { $0.effect == .deny && $0.condition.isEmpty && matches($0, action: action, resource: resource) }
        return !denied && statements.contains { $0.effect == .allow && matches($0, action: action, resource: resource) }
    }

    /// The statement names the action and the resource. A resource of the permissions that is
    /// itself a pattern is covered when the boundary's pattern matches it as written.
    private static func matches(_ statement: PolicyStatement, action: String, resource: String) -> Bool {
        let actionBytes = Array(action.lowercased().utf8)
        let actionListed = statement.actions.contains { Glob.matches(Array($0.lowercased().utf8), actionBytes) }
        guard actionListed != statement.actionsAreExcluded else { return false }
        let resourceBytes = Array(resource.utf8)
        let resourceListed = statement.resources.isEmpty
            || statement.resources.contains { Glob.matches(Array($0.utf8), resourceBytes) }
        return resourceListed != statement.resourcesAreExcluded
    }
}
