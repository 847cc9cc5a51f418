/// A role that trusts an identity provider must say which of the provider's tokens it accepts:
/// the audience (this application, this sign-in) and, for OIDC, which users.
struct TrustFederationConditions: LintRule {
    let metadata = RuleMetadata(
        id: "trust-federation-conditions", title: "Federated trust without audience or subject conditions", severity: .high,
        category: .policyType,
        rationale: """
            A SAML or OIDC provider issues tokens for many applications and users. Without SAML:aud, the \
            role accepts assertions the IdP issued for other audiences; without the OIDC audience \
            (HOST:aud, or app_id for Facebook and Amazon) any application registered with the provider \
            can get in (for Cognito: any identity pool, of any account); without HOST:sub (or \
            cognito-identity.amazonaws.com:amr), any user of it. GitHub's subject is checked by \
            trust-github-oidc.
            """,
        fix: """
            Add StringEquals conditions: "SAML:aud": "https://signin.aws.amazon.com/saml"; for OIDC \
            "HOST:aud": "<client id>" and "HOST:sub": "<the subject>"; for Cognito \
            "cognito-identity.amazonaws.com:aud": "<identity pool id>" and ForAnyValue:StringLike \
            "cognito-identity.amazonaws.com:amr": "authenticated".
            """,
        appliesTo: [.trust],
        equivalents: [.aa("MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL"), .validator("missing_required_condition_for_assume_action")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/okta"}, "Action": "sts:AssumeRoleWithSAML"}]}"#, type: .trust),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE:aud": "sts.amazonaws.com"}}}]}"#, type: .trust),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"}}}]}"#, type: .trust),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/okta"}, "Action": "sts:AssumeRoleWithSAML", "Condition": {"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}}}]}"#, type: .trust),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE"},
                 "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE:aud": "sts.amazonaws.com",
                 "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE:sub": "system:serviceaccount:ml:trainer"}}}]}
                """#, type: .trust),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "sts:AssumeRoleWithWebIdentity",
                 "Condition": {"StringEquals": {"cognito-identity.amazonaws.com:aud": "us-east-1:12345678-1234-1234-1234-123456789012"},
                 "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"}}}]}
                """#, type: .trust),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements where statement.isAllow {
            for value in PrincipalSupport.values(statement.principal) where value.kind == .federated {
                let provider = FederatedProvider(value.text)
                switch provider {
                case .saml:
                    guard PrincipalSupport.grants(statement, action: "sts:assumerolewithsaml"),
                          !TrustSupport.requires(statement, key: "saml:aud") else { continue }
                    report.add("SAML provider '\(value.text.truncatedForMessage)' is trusted without a SAML:aud condition: "
                               + "assertions the provider issued for other audiences are accepted too",
                               at: value.location, statement: statement,
                               suggestion: "add \"StringEquals\": {\"SAML:aud\": \"https://signin.aws.amazon.com/saml\"}")
                case .oidc, .webIdentity:
                    guard PrincipalSupport.grants(statement, action: "sts:assumerolewithwebidentity"),
                          let prefix = provider.conditionPrefix else { continue }
                    let registered: Bool
                    if case .oidc = provider { registered = true } else { registered = false }
                    checkOIDC(value, prefix: prefix, registered: registered, statement: statement, report: &report)
                default:
                    continue
                }
            }
        }
    }

    /// `registered`: an IAM OIDC provider (its ARN), whose registered client ids STS checks the audience against.
    private func checkOIDC(_ value: PrincipalValue, prefix: String, registered: Bool, statement: StatementView,
                           report: inout RuleReport) {
        let host = prefix.lowercased()
        let appKeyed = host == "graph.facebook.com" || host == "www.amazon.com"
        let audience = appKeyed ? ["app_id"] : (host == "accounts.google.com" ? ["aud", "oaud"] : ["aud"])
        if !audience.contains(where: { TrustSupport.requires(statement, key: "\(prefix):\($0)") }) {
            let cognito = host.hasPrefix("cognito-identity.")
            let suggestion = "add \"StringEquals\": {\"\(prefix):\(audience[0])\": \"<\(cognito ? "identity pool id" : "client id")>\"}"
            if registered {
                // STS accepts only audiences registered on the provider; the condition matters when several are.
                report.add("OIDC provider '\(value.text.truncatedForMessage)' is trusted without a condition on \(prefix):aud: every client id "
                           + "registered on the provider can get tokens that assume this role", at: value.location, statement: statement,
                           suggestion: suggestion, severity: .medium)
            } else {
                let who = cognito ? "any Cognito identity pool, of any account," : "any application registered with \(prefix)"
                report.add("'\(value.text.truncatedForMessage)' is trusted without a condition on \(prefix):\(audience[0]): \(who) can get tokens "
                           + "that assume this role", at: value.location, statement: statement, suggestion: suggestion)
            }
        }
        // Google, Facebook and Amazon tokens are scoped by the application; GitHub has its own rule.
        if appKeyed || host == "accounts.google.com" || host.hasPrefix("token.actions.githubusercontent.com") { return }
        if host.hasPrefix("cognito-identity.") {
            if !TrustSupport.requires(statement, key: "\(prefix):amr") && !TrustSupport.requires(statement, key: "\(prefix):sub") {
                report.add("'\(value.text)' is trusted without a condition on \(prefix):amr: both authenticated and guest identities "
                           + "of the pool can assume this role", at: value.location, statement: statement,
                           suggestion: "add \"ForAnyValue:StringLike\": {\"\(prefix):amr\": \"authenticated\"}", severity: .medium)
            }
            return
        }
        if !TrustSupport.requires(statement, key: "\(prefix):sub") && !TrustSupport.requires(statement, key: "\(prefix):amr") {
            report.add("OIDC provider '\(value.text.truncatedForMessage)' is trusted without a condition on \(prefix):sub: every identity "
                       + "the provider issues tokens for can assume this role", at: value.location, statement: statement,
                       suggestion: "add \"StringEquals\": {\"\(prefix):sub\": \"<the subject, e.g. system:serviceaccount:NAMESPACE:NAME>\"}")
        }
    }
}
