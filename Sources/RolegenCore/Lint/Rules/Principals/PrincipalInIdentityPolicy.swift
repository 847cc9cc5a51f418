/// An identity policy (or permissions boundary) applies to the user, group or role it is attached
/// to: there is no one to name, and IAM rejects the element.
struct PrincipalInIdentityPolicy: LintRule {
    let metadata = RuleMetadata(
        id: "principal-in-identity-policy", title: "Principal or NotPrincipal in an identity policy", severity: .error,
        category: .principals,
        rationale: """
            The principal of an identity policy is the user, group or role it is attached to, so IAM \
            rejects a policy that names one. A Principal usually means the document is really a \
            resource-based or trust policy, linted as the wrong type.
            """,
        fix: """
            Remove the Principal (or NotPrincipal) element; if the document is a bucket, key or trust \
            policy, lint it with --type resource or --type trust.
            """,
        appliesTo: PolicyType.identityLike,
        equivalents: [.aa("UNSUPPORTED_PRINCIPAL"), .validator("unexpected_principal"), .validator("policy_type_hint")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotPrincipal": {"AWS": "111122223333"}, "Action": "s3:*", "Resource": "*"}]}"#, type: .boundary),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        let article = subject.type == .boundary ? "a" : "an"
        for statement in subject.view.statements {
            for element in ["Principal", "NotPrincipal"] {
                guard let key = PrincipalSupport.keyNode(element, in: statement) else { continue }
                report.add("\(element) in \(statement.label) of \(article) \(subject.type.title): "
                           + "the principal is whoever the policy is attached to, and IAM rejects the element",
                           at: key.location, statement: statement,
                           suggestion: "remove \(element), or lint the document as a resource (--type resource) or trust (--type trust) policy")
            }
        }
    }
}
