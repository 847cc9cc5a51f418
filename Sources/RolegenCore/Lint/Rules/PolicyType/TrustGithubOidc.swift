/// GitHub's OIDC provider issues tokens to every workflow of every repository on github.com: the
/// `sub` claim is what ties the role to yours.
struct TrustGithubOidc: LintRule {
    let metadata = RuleMetadata(
        id: "trust-github-oidc", title: "GitHub Actions trust without a specific repository", severity: .high,
        category: .policyType,
        rationale: """
            token.actions.githubusercontent.com signs tokens for any workflow in any repository on \
            GitHub. A role that trusts it without a condition on token.actions.githubusercontent.com:sub, \
            or with a sub pattern whose owner is a wildcard, can be assumed from anyone's repository; a \
            wildcard repository admits every repository of the owner, and a wildcard after the repository \
            every branch, tag, environment and pull request of it.
            """,
        fix: """
            Add "StringEquals": {"token.actions.githubusercontent.com:sub": \
            "repo:OWNER/REPO:ref:refs/heads/main"} (or ":environment:NAME"), and \
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com".
            """,
        appliesTo: [.trust],
        equivalents: [.aa("MISSING_GITHUB_REPO_CONDITION_KEY"), .aa("SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}}]}"#, type: .trust),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/*"}}}]}"#, type: .trust),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:*"}}}]}"#, type: .trust),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
                 "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                 "token.actions.githubusercontent.com:sub": ["repo:acme/ml-pipeline:ref:refs/heads/main", "repo:acme/ml-pipeline:environment:prod"]}}}]}
                """#, type: .trust),
        ])

    private static let host = "token.actions.githubusercontent.com"

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements where statement.isAllow {
            for value in PrincipalSupport.values(statement.principal) where value.kind == .federated {
                guard case .oidc(let providerHost) = FederatedProvider(value.text),
                      providerHost.lowercased().hasPrefix(Self.host) else { continue }
                let prefix = providerHost.lowercased()
                let subClauses = statement.clauses.filter { $0.loweredKeyName == "\(prefix):sub" && $0.mustMatchPresentKey && !$0.values.isEmpty }
                if subClauses.isEmpty {
                    missingSubject(value, prefix: prefix, statement: statement, report: &report)
                    continue
                }
                for clause in subClauses where clause.baseOperator.hasSuffix("Like") {
                    for subject in clause.values {
                        guard let (message, severity) = breadth(of: subject.value) else { continue }
                        report.add("GitHub subject '\(subject.value)' \(message)", at: subject.location, statement: statement,
                                   suggestion: "name the repository and branch or environment: \"repo:OWNER/REPO:ref:refs/heads/main\"",
                                   severity: severity)
                    }
                }
            }
        }
    }

    private func missingSubject(_ value: PrincipalValue, prefix: String, statement: StatementView, report: inout RuleReport) {
        let otherClaims = statement.clauses.filter {
            $0.loweredKeyName.hasPrefix(prefix + ":") && $0.loweredKeyName != "\(prefix):aud" && $0.mustMatchPresentKey
        }
        if otherClaims.isEmpty {
            report.add("GitHub's OIDC provider is trusted without a \(prefix):sub condition: a workflow in any repository on GitHub "
                       + "can assume this role", at: value.location, statement: statement,
                       suggestion: "add \"StringEquals\": {\"\(prefix):sub\": \"repo:OWNER/REPO:ref:refs/heads/main\"}")
        } else {
            let keys = otherClaims.map(\.key.value)
            report.add("GitHub's OIDC provider is trusted without a \(prefix):sub condition, only \(keys.quotedList()): IAM may not "
                       + "evaluate that claim, and sub is the documented way to name the repository", at: value.location,
                       statement: statement, suggestion: "add a condition on \(prefix):sub", severity: .medium)
        }
    }

    /// What a sub pattern admits beyond one repository and ref, and how bad that is; `nil` when it is specific.
    private func breadth(of pattern: String) -> (String, Severity)? {
        guard PrincipalSupport.hasWildcard(pattern) else { return nil }
        guard pattern.hasPrefix("repo:") else {
            if pattern.first == "*" || pattern.first == "?" {
                return ("matches workflows of any repository on GitHub", .high)
            }
            return nil
        }
        let rest = pattern.dropFirst("repo:".count)
        guard let slash = rest.firstIndex(of: "/"), !PrincipalSupport.hasWildcard(rest[..<slash]) else {
            return ("leaves the repository owner open: workflows of any owner's repositories can assume this role", .high)
        }
        let afterOwner = rest[rest.index(after: slash)...]
        let repository = afterOwner.prefix { $0 != ":" }
        if PrincipalSupport.hasWildcard(repository) {
            return ("matches every repository of '\(rest[..<slash])', not one", .medium)
        }
        return ("matches any branch, tag, environment or pull request of '\(rest[..<slash])/\(repository)'", .low)
    }
}
