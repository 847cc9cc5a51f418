/// sts:AssumeRole serves AWS and service principals, sts:AssumeRoleWithSAML SAML providers and
/// sts:AssumeRoleWithWebIdentity OIDC providers: a pairing that does not fit can never be used.
struct TrustActionPrincipalKind: LintRule {
    let metadata = RuleMetadata(
        id: "trust-action-principal-kind", title: "Assume-role action that does not fit the principal", severity: .error,
        category: .policyType,
        rationale: """
            Each kind of principal assumes a role with its own action: AWS and service principals with \
            sts:AssumeRole, SAML providers with sts:AssumeRoleWithSAML, OIDC providers (GitHub, EKS, \
            Cognito, Google) with sts:AssumeRoleWithWebIdentity. A statement that allows a principal \
            only actions it cannot call grants it nothing: federation through the role fails.
            """,
        fix: """
            Use the action that fits the principal, e.g. sts:AssumeRoleWithWebIdentity for \
            {"Federated": "cognito-identity.amazonaws.com"}.
            """,
        appliesTo: [.trust],
        equivalents: [.aa("MISMATCHED_ACTION_FOR_PRINCIPAL"), .validator("invalid_principal_type_for_assume_action")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": ["sts:AssumeRole", "sts:TagSession"], "Condition": {"StringEquals": {"cognito-identity.amazonaws.com:aud": "us-west-2:example"}}}]}"#, type: .trust),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRoleWithWebIdentity"}]}"#, type: .trust),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/okta", "AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/okta"}, "Action": ["sts:AssumeRoleWithSAML", "sts:TagSession"], "Condition": {"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}}}]}"#, type: .trust),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/okta", "AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole*"}]}"#, type: .trust),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"}, "Action": "sts:TagSession"}]}"#, type: .trust),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            guard let actions = statement.actions else { continue }
            let assumers = TrustSupport.assumers(statement)
            guard !assumers.isEmpty else { continue }
            var granted: Set<TrustSupport.AssumeAction> = []
            var unusable = false
            for action in actions {
                let kinds = TrustSupport.assumeActions(action.value)
                granted.formUnion(kinds)
                // Only an exact action is reported: a wildcard also stands for the actions that fit.
                guard kinds.count == 1, let kind = kinds.first, !PrincipalSupport.hasWildcard(action.value),
                      !assumers.contains(where: { $0.assumer.canUse(kind) }) else { continue }
                unusable = true
                let named = assumers.compactMap { $0.value.map { "'\($0.text.truncatedForMessage)'" } }
                report.add("'\(action.value)' is for \(kind.principals); \(statement.label) names only \(named.joined(separator: ", ")), "
                           + "so the action can never be used", at: action.location, statement: statement,
                           suggestion: suggestedAction(for: assumers).map { "write '\($0.name)'" })
            }
            guard !unusable, !granted.isEmpty else { continue }
            for (value, assumer) in assumers {
                guard let value, let needed = assumer.action, !granted.contains(needed) else { continue }
                report.add("'\(value.text.truncatedForMessage)' is \(assumer.description), which assumes roles with '\(needed.name)'; "
                           + "\(statement.label) does not allow it, so this principal can never assume the role",
                           at: value.location, statement: statement, suggestion: "add '\(needed.name)' to Action")
            }
        }
    }

    /// The action the statement's principals need, when they all need the same one.
    private func suggestedAction(for assumers: [(value: PrincipalValue?, assumer: TrustSupport.Assumer)]) -> TrustSupport.AssumeAction? {
        let needed = Set(assumers.compactMap(\.assumer.action))
        return needed.count == 1 ? needed.first : nil
    }
}
