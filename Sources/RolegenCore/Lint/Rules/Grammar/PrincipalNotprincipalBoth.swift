/// Principal and NotPrincipal exclude each other.
struct PrincipalNotprincipalBoth: LintRule {
    let metadata = RuleMetadata(
        id: "principal-notprincipal-both", title: "Statement with both Principal and NotPrincipal", severity: .error,
        category: .grammar,
        rationale: """
            A statement names its principals either with Principal or with NotPrincipal (everyone \
            except these), never both: the combination is rejected.
            """,
        fix: "Keep Principal; express exceptions with a condition on aws:PrincipalArn.",
        equivalents: [.aa("UNSUPPORTED_ELEMENT_COMBINATION"), .parliament("MALFORMED"), .validator("principal_conflict")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/admin"}, "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"}]}"#,
                        type: .resource),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*", "Condition": {"ArnNotEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/admin"}}}]}"#,
                     type: .resource),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        subject.view.forEachStatement { statement in
            ElementPair.report("Principal", "NotPrincipal", in: statement, &report,
                               suggestion: "keep Principal and exclude principals with a condition on aws:PrincipalArn")
        }
    }
}
