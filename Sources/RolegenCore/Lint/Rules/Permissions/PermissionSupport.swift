/// What the permissions and ml rules share: which statements of a policy grant an action, on
/// which resources and under which conditions, with the unconditioned Deny statements subtracted.
/// Actions are matched as IAM matches them (without case, `*` and `?`), without the catalog, so a
/// question about one action costs a few string comparisons whatever the policy holds.
struct GrantIndex {
    /// An Allow statement, read for the questions the rules ask.
    struct Grant {
        let statement: StatementView
        /// The `Action` patterns, lower-cased, with where they are written; `nil` for NotAction.
        let actions: [(pattern: String, location: SourceLocation)]?
        /// The `NotAction` patterns, lower-cased (the statement grants what they do not match).
        let excluded: [String]
        let notActionLocation: SourceLocation?
        /// Every resource: `*`, a pattern such as `arn:aws:iam::*:role/*`, or NotResource.
        let isUnscoped: Bool
        /// Whether the statement has a Resource or NotResource at all (without, IAM rejects it).
        let hasResource: Bool
        let isConditioned: Bool

        /// Where the statement grants `action` (lower-cased `service:name`), or `nil` when it does not.
        func location(granting action: String) -> SourceLocation? {
            if let actions {
                return actions.first { GrantIndex.matches($0.pattern, action) }?.location
            }
            return excluded.contains { GrantIndex.matches($0, action) } ? nil : notActionLocation
        }

        /// Granted on every resource, with no condition: what the peers call unconstrained.
        var isUnconstrained: Bool { isUnscoped && !isConditioned }
    }

    let grants: [Grant]
    /// Deny statements without a condition that cover every resource: what they name is never allowed.
    private let denials: [(actions: [String]?, excluded: [String])]

    init(_ view: PolicyView) {
        var grants: [Grant] = []
        var denials: [(actions: [String]?, excluded: [String])] = []
        for statement in view.statements {
            let resources = statement.resources?.map(\.value) ?? []
            let unscoped = statement.notResources != nil || resources.contains(where: ResourceScope.coversEverything)
            let conditioned = !statement.clauses.isEmpty
            let actions = statement.actions?.map { (pattern: $0.value.lowercased(), location: $0.location) }
            let excluded = (statement.notActions ?? []).map { $0.value.lowercased() }
            if statement.isAllow, actions != nil || statement.notActions != nil {
                grants.append(Grant(statement: statement, actions: actions, excluded: excluded,
                                    notActionLocation: statement.element("NotAction")?.location, isUnscoped: unscoped,
                                    hasResource: statement.resources != nil || statement.notResources != nil,
                                    isConditioned: conditioned))
            } else if statement.isDeny, !conditioned, statement.notResources == nil, resources.contains("*"),
                      actions != nil || statement.notActions != nil {
                denials.append((actions?.map(\.pattern), excluded))
            }
        }
        self.grants = grants
        self.denials = denials
    }

    /// Whether an unconditioned Deny on every resource covers `action` (lower-cased).
    func isDenied(_ action: String) -> Bool {
        denials.contains { denial in
            if let actions = denial.actions { return actions.contains { Self.matches($0, action) } }
            return !denial.excluded.contains { Self.matches($0, action) }
        }
    }

    /// The Allow statements that grant `action` (lower-cased `service:name`), with where; none when a Deny removes it.
    func grants(of action: String, where include: (Grant) -> Bool = { _ in true }) -> [(grant: Grant, location: SourceLocation)] {
        var result: [(grant: Grant, location: SourceLocation)] = []
        for grant in grants where grant.hasResource && include(grant) {
            if let location = grant.location(granting: action) { result.append((grant, location)) }
        }
        if result.isEmpty || isDenied(action) { return [] }
        return result
    }

    /// The first place `action` is granted unconstrained (every resource, no condition), if any.
    func unconstrainedGrant(of action: String) -> (grant: Grant, location: SourceLocation)? {
        grants(of: action) { $0.isUnconstrained }.first
    }

    /// IAM's action match: without case (both sides lower-cased by the caller), `*` and `?`.
    static func matches(_ pattern: String, _ action: String) -> Bool {
        if pattern == action { return true }
        guard pattern.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }) else { return false }
        return PolicySafety.globMatches(pattern: pattern, text: action)
    }
}

/// Questions about what a Resource string covers.
enum ResourceScope {
    /// Whether a resource names every resource an action could act on: `*`, an ARN whose
    /// resource part is only wildcards (`arn:aws:sagemaker:*:*:*/*`, `arn:aws:s3:::*`), or a
    /// resource type followed by only wildcards (`arn:aws:iam::111122223333:role/*`,
    /// `arn:aws:secretsmanager:*:*:secret:*`): every role of the account is every role that
    /// matters for escalation. A path or name prefix (`role/service-role/*`, `role/ml-*`) is a scope.
    static func coversEverything(_ resource: String) -> Bool {
        if isWildcardOnly(Substring(resource)) { return true }
        let fields = resource.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6 else {
            // `arn:*`, `arn:aws:*`: the last field swallows the rest.
            return fields.count >= 2 && fields[0] == "arn" && isWildcardOnly(fields[fields.count - 1])
        }
        let part = fields[5]
        let segments = part.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == ":" }
        if segments.allSatisfy(isWildcardOnly) { return true }
        // S3 names buckets without a type; everywhere else the first segment is the type.
        guard fields[2] != "s3", segments.count >= 2, !segments[0].contains("*"), !segments[0].contains("?") else { return false }
        return segments.dropFirst().allSatisfy(isWildcardOnly)
    }

    /// Whether the last name of a resource is only wildcards, so the pattern names every resource
    /// of its parent: `user-profile/d-abc/*` is every user profile of domain d-abc.
    static func coversEveryName(_ resource: String) -> Bool {
        if coversEverything(resource) { return true }
        guard let last = resource.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == ":" }).last else { return false }
        return isWildcardOnly(last)
    }

    static func isWildcardOnly(_ text: Substring) -> Bool {
        text.contains("*") && text.allSatisfy { $0 == "*" || $0 == "?" }
    }
}

/// Short lists of action names for messages: the first few, then how many more.
enum ActionList {
    static func describe(_ names: [String], limit: Int = 5) -> String {
        let shown = names.prefix(limit).map { "'\($0)'" }.joined(separator: ", ")
        return names.count > limit ? "\(shown) and \(names.count - limit) more" : shown
    }
}

extension GrantIndex {
    /// For each Action entry (or NotAction element) of the Allow statements on every resource
    /// without a condition: the names from `list` it grants that no Deny removes.
    func unconstrainedEntries(granting list: [String]) -> [(statement: StatementView, location: SourceLocation, actions: [String])] {
        let lowered = list.map { ($0, $0.lowercased()) }
        var result: [(statement: StatementView, location: SourceLocation, actions: [String])] = []
        for grant in grants where grant.hasResource && grant.isUnconstrained {
            if let actions = grant.actions {
                for (pattern, location) in actions {
                    let names = lowered.filter { GrantIndex.matches(pattern, $0.1) && !isDenied($0.1) }.map(\.0)
                    if !names.isEmpty { result.append((grant.statement, location, names)) }
                }
            } else if let location = grant.notActionLocation {
                let names = lowered.filter { name in !grant.excluded.contains { GrantIndex.matches($0, name.1) } && !isDenied(name.1) }.map(\.0)
                if !names.isEmpty { result.append((grant.statement, location, names)) }
            }
        }
        return result
    }

    /// For each Action entry of the Allow statements on every resource without a condition: the
    /// catalog actions it grants that `include` accepts and no Deny removes. NotAction statements
    /// are notaction-allow's.
    func unconstrainedEntries(context: LintContext, where include: (ActionDefinition) -> Bool) throws
        -> [(statement: StatementView, location: SourceLocation, actions: [ActionDefinition])] {
        var result: [(statement: StatementView, location: SourceLocation, actions: [ActionDefinition])] = []
        for grant in grants where grant.hasResource && grant.isUnconstrained {
            for (pattern, location) in grant.actions ?? [] {
                let actions = try context.actions(matching: pattern).filter { include($0) && !isDenied($0.fullName.lowercased()) }
                if !actions.isEmpty { result.append((grant.statement, location, actions)) }
            }
        }
        return result
    }
}
