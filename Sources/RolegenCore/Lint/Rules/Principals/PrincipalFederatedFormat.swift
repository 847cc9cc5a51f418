/// A `Federated` principal is an identity provider (SAML, OIDC, or a web identity domain), and it
/// belongs in role trust policies.
struct PrincipalFederatedFormat: LintRule {
    let metadata = RuleMetadata(
        id: "principal-federated-format", title: "Federated principal is not an identity provider, or not in a trust policy",
        severity: .error, category: .principals,
        rationale: """
            A federated principal is the identity provider whose users may assume the role: a SAML \
            provider ARN (arn:aws:iam::ACCOUNT:saml-provider/NAME), an OIDC provider ARN \
            (arn:aws:iam::ACCOUNT:oidc-provider/HOST, e.g. token.actions.githubusercontent.com), or \
            cognito-identity.amazonaws.com, accounts.google.com, graph.facebook.com or www.amazon.com. \
            Anything else is rejected. Federated users act through the roles they assume, so resource-based \
            policies name those roles, not the provider.
            """,
        fix: """
            Write the provider's ARN from the IAM console (Identity providers), or move the statement to \
            the trust policy of the role the federated users assume.
            """,
        appliesTo: [.trust, .resource],
        equivalents: [.aa("INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY"), .aa("FEDERATED_PRINCIPAL_NOT_SUPPORTED"),
                      .parliament("UNKNOWN_FEDERATION_SOURCE"), .validator("invalid_provider_format")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "okta"}, "Action": "sts:AssumeRoleWithSAML"}]}"#, type: .trust),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:role/okta"}, "Action": "sts:AssumeRoleWithSAML"}]}"#, type: .trust),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#, type: .resource),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": [
                 "arn:aws:iam::111122223333:saml-provider/okta", "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com",
                 "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE",
                 "cognito-identity.amazonaws.com", "accounts.google.com"]}, "Action": ["sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity"]}]}
                """#, type: .trust),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for node in [statement.principal, statement.notPrincipal] {
                for value in PrincipalSupport.values(node) where value.kind == .federated {
                    if subject.type == .resource {
                        report.add("a Federated principal ('\(value.text.truncatedForMessage)') in a resource-based policy: federated users act "
                                   + "through the roles they assume, and resource policies do not accept providers",
                                   at: value.location, statement: statement,
                                   suggestion: "name the role the federated users assume: {\"AWS\": \"arn:aws:iam::ACCOUNT:role/NAME\"}")
                        continue
                    }
                    if case .invalid(let reason) = FederatedProvider(value.text) {
                        report.add("'\(value.text.truncatedForMessage)' is not an identity provider: \(reason)", at: value.location,
                                   statement: statement)
                    }
                }
            }
        }
    }
}
