/// A principal in an account the organisation does not list: access crosses the account boundary.
struct PrincipalCrossAccount: LintRule {
    let metadata = RuleMetadata(
        id: "principal-cross-account", title: "Principal in an account that is not known", severity: .medium,
        category: .principals,
        rationale: """
            A principal in another account (its root, a role, a user, a session) gets access granted by \
            whoever controls that account. Accounts of the organisation are listed in \
            .rolegen.yaml (lint.known_accounts); in a resource-based policy the account that owns the \
            resource (from its Resource ARNs) counts as known too. Without known accounts the rule \
            cannot tell the policy's own account from others, and reports nothing.
            """,
        fix: """
            Add the account to lint.known_accounts if it belongs to the organisation; otherwise make \
            sure the access is meant, and limit it (sts:ExternalId for third parties, aws:PrincipalOrgID).
            """,
        appliesTo: [.trust, .resource],
        equivalents: [.cloudsplaining("AssumableByCrossAccountPrincipal"), .validator("cross_account_org")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999988887777:root"}, "Action": "sts:AssumeRole"}]}"#,
                        type: .trust, settings: "known_accounts: ['111122223333']"),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "999988887777"}, "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:jobs"}]}"#,
                        type: .resource),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:role/ci", "444455556666"]}, "Action": "sts:AssumeRole"}]}"#,
                     type: .trust, settings: "known_accounts: ['111122223333', '444455556666']"),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999988887777:root"}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        let known = PrincipalOwnAccounts.of(subject)
        guard !known.isEmpty else { return }
        for statement in subject.view.statements where statement.isAllow {
            for value in PrincipalSupport.values(statement.principal) where value.kind == .aws {
                guard let account = AWSPrincipal(value.text).account, !known.contains(account) else { continue }
                report.add("'\(value.text.truncatedForMessage)' is in account \(account), which is not one of the known accounts: "
                           + "whoever controls that account decides who gets this access",
                           at: value.location, statement: statement,
                           suggestion: "add \(account) to lint.known_accounts if it is yours; otherwise limit the access (sts:ExternalId, aws:PrincipalOrgID)")
            }
        }
    }
}

/// The accounts a policy's principals may belong to without crossing an account boundary.
enum PrincipalOwnAccounts {
    /// `lint.known_accounts`, plus, in a resource-based policy, the accounts of its Resource ARNs (the owner's).
    static func of(_ subject: RuleSubject) -> Set<String> {
        var accounts = Set(subject.settings.knownAccounts)
        guard subject.type == .resource else { return accounts }
        for statement in subject.view.statements {
            for resource in statement.resources ?? [] {
                if case .success(let arn) = ARN.parse(resource.value), PrincipalSupport.isAccountID(arn.account) {
                    accounts.insert(arn.account)
                }
            }
        }
        return accounts
    }
}
