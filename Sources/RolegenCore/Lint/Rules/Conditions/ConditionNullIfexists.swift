/// Null tests presence; IfExists would make the test pass when the key is absent. IAM rejects the mix.
struct ConditionNullIfexists: LintRule {
    let metadata = RuleMetadata(
        id: "condition-null-ifexists", title: "Null operator with IfExists", severity: .error, category: .conditions,
        rationale: """
            IfExists can be added to every condition operator except Null: Null already says what \
            happens when the key is absent, and the policy with NullIfExists is rejected.
            """,
        fix: "Write Null: {\"key\": \"true\"} to require the key's absence, \"false\" to require its presence.",
        equivalents: [.aa("NULL_WITH_IF_EXISTS")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "ec2:RunInstances", "Resource": "*",
                 "Condition": {"NullIfExists": {"aws:RequestTag/team": "true"}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "ec2:RunInstances", "Resource": "*",
                 "Condition": {"Null": {"aws:RequestTag/team": "true"}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for block in statement.condition?.mappingEntries ?? [] {
                guard let name = block.key.scalarText else { continue }
                let op = ConditionSupport.Operator(name)
                guard op.base == "Null", op.ifExists else { continue }
                report.add("'\(name)' does not exist: IfExists cannot be added to Null, and IAM rejects the policy",
                           at: block.key.location, statement: statement, suggestion: "write \"Null\"")
            }
        }
    }
}
