/// A role trust policy is attached to the role it protects: there is no resource to name.
struct TrustResource: LintRule {
    let metadata = RuleMetadata(
        id: "trust-resource", title: "Resource or NotResource in a role trust policy", severity: .error,
        category: .policyType,
        rationale: """
            The resource of a trust policy is the role it belongs to, so IAM rejects a trust policy whose \
            statements have a Resource or NotResource element. (Linters that check trust policies like \
            identity policies report the opposite, a missing Resource; that is a false positive.)
            """,
        fix: "Remove Resource (or NotResource) from the trust policy's statements.",
        appliesTo: [.trust],
        equivalents: [.aa("ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE"), .validator("unexpected_resource")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole", "Resource": "*"}]}"#, type: .trust),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for element in ["Resource", "NotResource"] {
                guard let key = PrincipalSupport.keyNode(element, in: statement) else { continue }
                report.add("\(element) in \(statement.label) of a role trust policy: the resource is the role itself, and IAM rejects the element",
                           at: key.location, statement: statement, suggestion: "remove \(element)")
            }
        }
    }
}
