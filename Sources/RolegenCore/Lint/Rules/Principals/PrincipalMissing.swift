/// A resource-based or trust policy says who it lets in; without a Principal, AWS rejects it.
struct PrincipalMissing: LintRule {
    let metadata = RuleMetadata(
        id: "principal-missing", title: "Resource or trust policy statement without Principal", severity: .error,
        category: .principals,
        rationale: """
            A resource-based policy and a role trust policy grant access to the principals they name; \
            a statement without Principal or NotPrincipal names no one, and IAM, S3, KMS and the other \
            services reject it.
            """,
        fix: """
            Add "Principal" with who is allowed: {"AWS": "arn:aws:iam::111122223333:role/NAME"}, \
            {"Service": "sagemaker.amazonaws.com"} or {"Federated": "arn:aws:iam::111122223333:saml-provider/NAME"}.
            """,
        appliesTo: [.resource, .trust],
        equivalents: [.aa("MISSING_PRINCIPAL"), .validator("missing_principal")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole"}]}"#, type: .trust),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#, type: .resource),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"}]}"#, type: .resource),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements where statement.principal == nil && statement.notPrincipal == nil {
            let example = subject.type == .trust ? "{\"Service\": \"sagemaker.amazonaws.com\"}" : "{\"AWS\": \"arn:aws:iam::ACCOUNT:role/NAME\"}"
            report.add("\(statement.label) has no Principal: a \(subject.type.title) must say who it applies to, and AWS rejects it without one",
                       at: statement.node.location, statement: statement, suggestion: "add \"Principal\": \(example)")
        }
    }
}
