/// aws:ARN is an old key: use the key that says which ARN is meant.
struct ConditionKeyDeprecated: LintRule {
    let metadata = RuleMetadata(
        id: "condition-key-deprecated", title: "Deprecated global condition key aws:ARN", severity: .low, category: .conditions,
        rationale: """
            aws:ARN is deprecated: Access Analyzer reports it as deprecated, and in some policies as \
            unsupported, in which case the condition never sees it. The newer keys say which ARN is \
            compared: aws:PrincipalArn (the caller) or aws:SourceArn (the resource on whose behalf a \
            service calls).
            """,
        fix: "Replace aws:ARN with aws:PrincipalArn or aws:SourceArn, whichever is meant.",
        equivalents: [.aa("DEPRECATED_GLOBAL_CONDITION_KEY"), .aa("UNSUPPORTED_GLOBAL_CONDITION_KEY")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*",
                 "Condition": {"ArnNotLike": {"aws:ARN": "arn:aws:iam::111122223333:role/admin"}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*",
                 "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/admin"}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for clause in statement.clauses where clause.key.value.equalsIgnoringCase("aws:ARN") {
                report.add("'\(clause.key.value)' is deprecated and may not be evaluated at all", at: clause.key.location,
                           statement: statement, suggestion: "use aws:PrincipalArn (the caller) or aws:SourceArn (the source resource)")
            }
        }
    }
}
