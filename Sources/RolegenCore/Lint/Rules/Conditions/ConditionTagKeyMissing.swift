/// `aws:ResourceTag` alone names no tag: the key is `aws:ResourceTag/<tag key>`.
struct ConditionTagKeyMissing: LintRule {
    let metadata = RuleMetadata(
        id: "condition-tag-key-missing", title: "Tag condition key without the tag key", severity: .error, category: .conditions,
        rationale: """
            The tag keys (aws:RequestTag/, aws:ResourceTag/, aws:PrincipalTag/, and service keys such \
            as s3:ExistingObjectTag/) take the tag's key after the slash. Without it the key names no \
            value of any request, so the condition never matches as meant.
            """,
        fix: "Add the tag key: aws:ResourceTag/team. To test which tag keys a request sets, use aws:TagKeys.",
        equivalents: [.aa("MISSING_TAG_KEY_IN_CONDITION")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:StartInstances", "Resource": "*",
                 "Condition": {"StringEquals": {"aws:ResourceTag": "ml"}}}]}
                """#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"StringEquals": {"s3:ExistingObjectTag/": "public"}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:StartInstances", "Resource": "*",
                 "Condition": {"StringEquals": {"aws:ResourceTag/team": "ml", "aws:PrincipalTag/team": "ml"}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        for statement in subject.view.statements {
            for clause in statement.clauses {
                switch try ConditionSupport.resolve(clause.key.value, catalog: subject.catalog) {
                case .unknownGlobal, .unknownService: break
                default: continue
                }
                guard let documented = try ConditionSupport.keyMissingVariablePart(clause.key.value, catalog: subject.catalog),
                      let stem = ConditionSupport.variableStem(of: documented.lowercased()) else { continue }
                let written = String(documented.prefix(stem.count))
                report.add("'\(clause.key.value)' lacks its variable part ('\(documented)'): it names no value of any request",
                           at: clause.key.location, statement: statement, suggestion: "write '\(written)<key>'" + (stem.contains("tag") ? ", for example '\(written)team'" : ""))
            }
        }
    }
}
