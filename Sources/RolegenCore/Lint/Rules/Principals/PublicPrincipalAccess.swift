/// Whether a statement that names everyone (`"*"`, `{"AWS": "*"}`) is limited to someone, for
/// principal-public and principal-public-conditioned.
enum PublicPrincipalAccess {
    enum Verdict {
        /// Nothing limits who: no condition, or only conditions that say nothing about the caller (why, clause by clause).
        case open(ignored: [String])
        /// Only the request's origin is limited (network, service).
        case network(keys: [String])
        /// Conditions on service keys rolegen cannot judge.
        case unclassified(keys: [String])
    }

    /// Whether the policy is a VPC endpoint policy (`AWS::EC2::VPCEndpoint`, `aws_vpc_endpoint`): there
    /// "*" is the norm and grants nothing by itself, the callers still need permissions of their own.
    static func isEndpointPolicy(_ input: PolicyInput) -> Bool {
        guard let kind = input.resourceKind?.lowercased() else { return false }
        return kind.filter { $0.isLetter }.contains("vpcendpoint")
    }

    /// Condition keys whose values the caller chooses or that hold for any caller.
    private static let callerChosenPrefixes = ["aws:", "sts:"]
    /// Keys that carve AWS services out of a Deny; they do not stop a Deny from fencing everyone else.
    private static let serviceCarveOutKeys: Set<String> = ["aws:principalisawsservice", "aws:viaawsservice"]

    /// The verdict for an Allow statement that names everyone, or `nil` when something limits who
    /// (an identity condition, or a Deny of the same policy that denies everyone outside an organisation
    /// or account).
    static func verdict(for statement: StatementView, in view: PolicyView) -> Verdict? {
        switch PrincipalLimits.strongest(in: statement) {
        case .identity?:
            return nil
        case .network?:
            if isFenced(statement, in: view) { return nil }
            let keys = statement.clauses.filter { PrincipalLimits.strength(of: $0) == .network }.map(\.key.value)
            return .network(keys: unique(keys))
        case nil:
            if isFenced(statement, in: view) { return nil }
            let unclassified = statement.clauses.filter { clause in
                clause.mustMatchPresentKey && !callerChosenPrefixes.contains { clause.loweredKeyName.hasPrefix($0) }
            }
            if !unclassified.isEmpty { return .unclassified(keys: unique(unclassified.map(\.key.value))) }
            return .open(ignored: notes(statement.clauses))
        }
    }

    /// Whether a Deny of the policy denies the statement's actions on its resources to everyone outside
    /// named organisations, accounts or principals (StringNotEquals aws:PrincipalOrgID …).
    static func isFenced(_ allow: StatementView, in view: PolicyView) -> Bool {
        view.statements.contains { deny in
            guard deny.isDeny, deny.notPrincipal == nil, PrincipalSupport.namesEveryone(deny.principal) else { return false }
            var fences = false
            for clause in deny.clauses {
                let key = clause.loweredKeyName
                if serviceCarveOutKeys.contains(key) { continue }
                guard PrincipalLimits.identityKeys.contains(key), clause.isNegatedOperator, clause.qualifier == nil, !clause.values.isEmpty,
                      !clause.values.contains(where: { PrincipalLimits.isBroad($0.value, key: key) }) else { return false }
                fences = true
            }
            return fences && covers(deny.actions, allow.actions) && coversResources(deny, allow)
        }
    }

    private static func covers(_ patterns: [Located<String>]?, _ items: [Located<String>]?) -> Bool {
        guard let patterns, let items, !items.isEmpty else { return false }
        let lowered = patterns.map { $0.value.lowercased() }
        return items.allSatisfy { item in
            let text = item.value.lowercased()
            return lowered.contains { PolicySafety.globMatches(pattern: $0, text: text) }
        }
    }

    private static func coversResources(_ deny: StatementView, _ allow: StatementView) -> Bool {
        if allow.resources == nil && allow.notResources == nil {
            // Trust policies have no Resource: the Deny covers the role when it names none, or "*".
            return deny.notResources == nil && (deny.resources == nil || deny.resources?.contains { $0.value == "*" } == true)
        }
        if deny.resources?.contains(where: { $0.value == "*" }) == true { return true }
        return allow.notResources == nil && covers(deny.resources, allow.resources)
    }

    /// Why each condition leaves the statement open, for messages.
    static func notes(_ clauses: [ConditionClause]) -> [String] {
        var plain: [String] = []
        var notes: [String] = []
        for clause in clauses {
            let key = clause.loweredKeyName
            guard PrincipalLimits.identityKeys.contains(key) || PrincipalLimits.networkKeys.contains(key) else {
                plain.append(clause.key.value)
                continue
            }
            if clause.isIfExists {
                notes.append("\(clause.operator.value) lets requests without \(clause.key.value) through")
            } else if clause.isNegatedOperator {
                notes.append("\(clause.operator.value) on \(clause.key.value) admits everyone it does not list")
            } else if clause.qualifier == "ForAllValues" {
                notes.append("ForAllValues is true when \(clause.key.value) is absent")
            } else if let broad = clause.values.first(where: { PrincipalLimits.isBroad($0.value, key: key) }) {
                notes.append("'\(broad.value)' on \(clause.key.value) matches everyone")
            } else {
                plain.append(clause.key.value)
            }
        }
        let unlimited = unique(plain)
        if !unlimited.isEmpty {
            notes.insert("\(unlimited.quotedList()) \(unlimited.count == 1 ? "does" : "do") not limit who calls", at: 0)
        }
        return notes
    }

    private static func unique(_ keys: [String]) -> [String] {
        var seen: Set<String> = []
        return keys.filter { seen.insert($0.lowercased()).inserted }
    }

    /// "s3:GetObject and 2 more", for messages.
    static func actionSummary(_ statement: StatementView) -> String {
        if let actions = statement.actions, let first = actions.first {
            return actions.count == 1 ? "'\(first.value)'" : "'\(first.value)' and \(actions.count - 1) more"
        }
        if statement.notActions != nil { return "every action but those in NotAction" }
        return "its actions"
    }
}
