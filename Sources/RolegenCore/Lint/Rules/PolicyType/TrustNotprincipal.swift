/// Role trust policies name who may assume the role; NotPrincipal is not accepted there.
struct TrustNotprincipal: LintRule {
    let metadata = RuleMetadata(
        id: "trust-notprincipal", title: "NotPrincipal in a role trust policy", severity: .error, category: .policyType,
        rationale: """
            IAM does not accept NotPrincipal in a role trust policy: who may assume a role is said with \
            Principal, and exceptions with conditions such as aws:PrincipalArn.
            """,
        fix: "Replace NotPrincipal with Principal naming who may assume the role; express exceptions with a condition.",
        appliesTo: [.trust],
        equivalents: [.aa("ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/admin"}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/admin"}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            guard let key = PrincipalSupport.keyNode("NotPrincipal", in: statement) else { continue }
            report.add("NotPrincipal in \(statement.label) of a role trust policy: IAM rejects it", at: key.location, statement: statement,
                       suggestion: "name who may assume the role in Principal, and express exceptions with a condition on aws:PrincipalArn")
        }
    }
}
