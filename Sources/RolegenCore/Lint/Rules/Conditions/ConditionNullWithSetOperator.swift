/// ForAllValues:Null and ForAnyValue:Null are constant.
struct ConditionNullWithSetOperator: LintRule {
    let metadata = RuleMetadata(
        id: "condition-null-with-set-operator", title: "Null operator with ForAllValues or ForAnyValue", severity: .low,
        category: .conditions,
        rationale: """
            Null tests whether a key is present; the set qualifiers compare each of the key's values. \
            Combined, Access Analyzer notes, ForAllValues:Null is always true and ForAnyValue:Null \
            always false, so the condition tests nothing.
            """,
        fix: "Remove the qualifier: \"Null\": {\"key\": \"false\"} requires the key to be present.",
        equivalents: [.aa("NULL_WITH_QUALIFIER")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "ec2:CreateTags", "Resource": "*",
                 "Condition": {"ForAnyValue:Null": {"aws:TagKeys": "true"}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "ec2:CreateTags", "Resource": "*",
                 "Condition": {"Null": {"aws:TagKeys": "true"}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for block in statement.condition?.mappingEntries ?? [] {
                guard let name = block.key.scalarText else { continue }
                let op = ConditionSupport.Operator(name)
                guard op.base == "Null", !op.ifExists, let qualifier = op.qualifier else { continue }
                let constant = qualifier == .forAllValues ? "always true" : "always false"
                report.add("'\(name)' is \(constant): Null does not compare values one by one", at: block.key.location,
                           statement: statement, suggestion: "write \"Null\"")
            }
        }
    }
}
