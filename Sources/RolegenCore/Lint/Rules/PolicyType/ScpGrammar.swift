/// Service control policies apply to every principal of the accounts they are attached to: they
/// name no principal.
struct ScpGrammar: LintRule {
    let metadata = RuleMetadata(
        id: "scp-grammar", title: "Principal or NotPrincipal in a service control policy", severity: .error,
        category: .policyType,
        rationale: """
            An SCP applies to the principals of the accounts it is attached to, so Organizations rejects \
            Principal and NotPrincipal; exceptions are written as conditions on aws:PrincipalArn. Since \
            2025-09-19 SCPs accept the rest of the IAM policy language (Condition, resource ARNs and \
            NotAction in Allow statements, NotResource, wildcards anywhere in actions), so the older \
            Access Analyzer SCP_SYNTAX_ERROR_ALLOW_* , _NOTRESOURCE and _ACTION_WILDCARD findings are no \
            longer errors and rolegen does not report them.
            """,
        fix: "Remove Principal/NotPrincipal; to exempt principals, add a condition such as ArnNotLike aws:PrincipalArn.",
        appliesTo: [.scp],
        equivalents: [.aa("SCP_SYNTAX_ERROR_PRINCIPAL"), .aa("SCP_SYNTAX_ERROR_ACTION_WILDCARD"), .aa("SCP_SYNTAX_ERROR_ALLOW_CONDITION"),
                      .aa("SCP_SYNTAX_ERROR_ALLOW_NOTACTION"), .aa("SCP_SYNTAX_ERROR_ALLOW_RESOURCE"), .aa("SCP_SYNTAX_ERROR_NOTRESOURCE"),
                      .validator("invalid_principal"), .validator("invalid_not_principal")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:DeleteBucket", "Resource": "*"}]}"#, type: .scp),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/admin"}, "Action": "iam:*", "Resource": "*"}]}"#, type: .scp),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "iam:*", "Resource": "*", "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/admin"}}}]}"#, type: .scp),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}}]}"#, type: .scp),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for element in ["Principal", "NotPrincipal"] {
                guard let key = PrincipalSupport.keyNode(element, in: statement) else { continue }
                report.add("\(element) in \(statement.label) of a service control policy: SCPs apply to every principal of the accounts they "
                           + "are attached to, and Organizations rejects the element", at: key.location, statement: statement,
                           suggestion: "remove \(element); to exempt principals, add a condition such as ArnNotLike aws:PrincipalArn")
            }
        }
    }
}
