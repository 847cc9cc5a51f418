/// Deny with NotPrincipal works, but is easy to get wrong; a condition on aws:PrincipalArn says the
/// same thing plainly.
struct NotprincipalUsage: LintRule {
    let metadata = RuleMetadata(
        id: "notprincipal-usage", title: "Deny with NotPrincipal", severity: .low, category: .principals,
        rationale: """
            A Deny with NotPrincipal denies everyone except the listed principals, but IAM checks every \
            principal of a request (session, role, account) against the list, so carve-outs silently \
            fail unless they list the account and the role sessions too, and services' own principals \
            are denied. AWS recommends "Principal": "*" with an ArnNotEquals condition on aws:PrincipalArn \
            instead.
            """,
        fix: """
            Write "Principal": "*" and "Condition": {"ArnNotEquals": {"aws:PrincipalArn": \
            ["arn:aws:iam::111122223333:role/admin"]}}.
            """,
        appliesTo: [.resource],
        equivalents: [.validator("not_principal_usage")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotPrincipal": {"AWS": ["arn:aws:iam::111122223333:user/admin", "arn:aws:iam::111122223333:root"]}, "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::b"}]}"#, type: .resource),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::b", "Condition": {"ArnNotEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:user/admin"}}}]}"#, type: .resource),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements where statement.isDeny {
            guard let key = PrincipalSupport.keyNode("NotPrincipal", in: statement) else { continue }
            report.add("\(statement.label) denies with NotPrincipal: carve-outs fail unless they list every principal of a request "
                       + "(session, role and account); a condition on aws:PrincipalArn is clearer",
                       at: key.location, statement: statement,
                       suggestion: "write \"Principal\": \"*\" with \"Condition\": {\"ArnNotEquals\": {\"aws:PrincipalArn\": [...]}}")
        }
    }
}
