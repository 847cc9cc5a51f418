/// A role that another account may assume, with nothing that ties the request to you: the
/// classic confused deputy of third-party integrations.
struct TrustCrossAccountNoExternalid: LintRule {
    let metadata = RuleMetadata(
        id: "trust-cross-account-no-externalid", title: "Cross-account trust without sts:ExternalId or organisation condition",
        severity: .medium, category: .policyType,
        rationale: """
            A role trusted by an account outside the organisation (a vendor, a partner) can be assumed by \
            anyone that account lets in, on anyone's behalf: a vendor serving many customers can be \
            tricked into using your role for another customer. sts:ExternalId (a secret you share \
            with the vendor) or aws:PrincipalOrgID ties the request to you. Accounts of the organisation \
            are listed in lint.known_accounts; without that list the rule cannot tell own accounts from \
            others, and reports nothing.
            """,
        fix: """
            Add "Condition": {"StringEquals": {"sts:ExternalId": "<id agreed with the other party>"}}, or \
            aws:PrincipalOrgID when the account is in your organisation (and list it in known_accounts).
            """,
        appliesTo: [.trust],
        equivalents: [.validator("missing_required_condition_for_assume_action"), .cloudsplaining("AssumableByCrossAccountPrincipal")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999988887777:root"}, "Action": "sts:AssumeRole"}]}"#,
                        type: .trust, settings: "known_accounts: ['111122223333']"),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999988887777:root"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "c0ffee-42"}}}]}"#,
                     type: .trust, settings: "known_accounts: ['111122223333']"),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"}, "Action": "sts:AssumeRole"}]}"#,
                     type: .trust, settings: "known_accounts: ['111122223333']"),
        ])

    private static let guardKeys = ["sts:externalid", "aws:principalorgid", "aws:principalorgpaths"]

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        let known = Set(subject.settings.knownAccounts)
        guard !known.isEmpty else { return }
        for statement in subject.view.statements where statement.isAllow && PrincipalSupport.grants(statement, action: "sts:assumerole") {
            let guarded = statement.clauses.contains { clause in
                Self.guardKeys.contains(clause.loweredKeyName) && clause.mustMatchPresentKey && !clause.values.isEmpty
                    && !clause.values.contains { PrincipalLimits.isBroad($0.value, key: clause.loweredKeyName) }
            }
            guard !guarded else { continue }
            for value in PrincipalSupport.values(statement.principal) where value.kind == .aws {
                guard let account = AWSPrincipal(value.text).account, !known.contains(account) else { continue }
                report.add("'\(value.text.truncatedForMessage)' of account \(account), outside the known accounts, may assume this role "
                           + "without sts:ExternalId or aws:PrincipalOrgID: nothing ties its requests to you",
                           at: value.location, statement: statement,
                           suggestion: "add \"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"<agreed id>\"}}")
            }
        }
    }
}
