/// Principal matching for resource-based policies (§3.5). Policy values are normalised by the
/// model (`AWS:arn`, `Service:name`, `*`); the request names its principal the same way.
package enum PrincipalMatcher {
    /// How a statement's principal names the requester: decides whether a resource-policy Allow
    /// grants on its own (§2.4 step 4).
    package enum Naming: Sendable, Equatable {
        /// The user, role session or federated-user session itself: grants directly.
        case direct
        /// `*`, or the role of a role session: replaces the identity Allow but the boundary and
        /// session policies still apply (I-D for `*`).
        case roleOrEveryone
        /// The principal's account: delegates to the account's IAM policies.
        case account
    }

    static func mismatch(_ principals: PatternList, request: EvaluationRequest) -> StatementMismatch? {
        let named = naming(principals.patterns, request: request) != nil
        switch principals {
        case .only(let values) where !named:
            return .principal("\(request.principal ?? "the anonymous principal") is not named by Principal \(StatementMatcher.listed(values))")
        case .except where named:
            return .principal("\(request.principal ?? "the principal") is excluded by NotPrincipal")
        default:
            return nil
        }
    }

    /// The strongest way any of `values` names the request's principal, nil when none does.
    package static func naming(_ values: [String], request: EvaluationRequest) -> Naming? {
        var best: Naming?
        for value in values {
            guard let naming = naming(value, request: request) else { continue }
            if naming == .direct { return .direct }
            if naming == .roleOrEveryone || best == nil { best = naming }
        }
        return best
    }

    private static func naming(_ value: String, request: EvaluationRequest) -> Naming? {
        if value == "*" || value == "AWS:*" { return .roleOrEveryone }
        guard let principal = request.principal else { return nil }
        if value == principal { return .direct }
        guard value.hasPrefix("AWS:arn:"), principal.hasPrefix("AWS:arn:") else { return nil }
        let policyARN = value.dropFirst(4).split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        let requestARN = principal.dropFirst(4).split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard policyARN.count == 6, requestARN.count == 6, policyARN[4] == requestARN[4] else { return nil }
        if policyARN[5] == "root" { return .account }
        // arn:aws:sts::ACC:assumed-role/NAME/SESSION is a session of arn:aws:iam::ACC:role/[path/]NAME.
        let session = requestARN[5].split(separator: "/")
        if requestARN[2] == "sts", session.count == 3, session[0] == "assumed-role", policyARN[2] == "iam",
           policyARN[5].hasPrefix("role/"), policyARN[5].split(separator: "/").last == session[1] {
            return .roleOrEveryone
        }
        return nil
    }
}
