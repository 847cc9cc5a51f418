/// Allow with NotPrincipal grants the access to everyone but the principals listed, anonymous
/// callers included.
struct NotprincipalAllow: LintRule {
    let metadata = RuleMetadata(
        id: "notprincipal-allow", title: "Allow with NotPrincipal", severity: .high, category: .principals,
        rationale: """
            "Effect": "Allow" with NotPrincipal allows every principal except the ones listed: every \
            other AWS account and, where the service accepts them, anonymous callers. It is almost never \
            what was meant; AWS recommends naming the principals in Principal instead.
            """,
        fix: """
            Name who is allowed in Principal; to exclude some principals from a broad grant, use \
            Principal "*" with a condition on aws:PrincipalArn (ArnNotEquals).
            """,
        appliesTo: [.resource],
        equivalents: [.aa("ALLOW_WITH_NOTPRINCIPAL"), .parliament("NOTPRINCIPAL_WITH_ALLOW"), .validator("not_principal_with_allow")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:user/mallory"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#, type: .resource),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotPrincipal": {"AWS": ["arn:aws:iam::111122223333:user/admin", "arn:aws:iam::111122223333:root"]}, "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::b"}]}"#, type: .resource),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements where statement.isAllow {
            guard let key = PrincipalSupport.keyNode("NotPrincipal", in: statement) else { continue }
            report.add("\(statement.label) allows \(PublicPrincipalAccess.actionSummary(statement)) to every principal except those in NotPrincipal, "
                       + "including other accounts and anonymous callers", at: key.location, statement: statement,
                       suggestion: "name who is allowed in Principal instead")
        }
    }
}
