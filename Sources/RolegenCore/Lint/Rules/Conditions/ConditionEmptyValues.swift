/// A condition key with an empty list of values compares against nothing.
struct ConditionEmptyValues: LintRule {
    let metadata = RuleMetadata(
        id: "condition-empty-values", title: "Condition key with an empty list of values", severity: .info,
        category: .conditions,
        rationale: """
            A condition with no values to compare is almost always a mistake (a list emptied by a \
            template, a forgotten value). Access Analyzer notes that it has no effect; with IfExists \
            it matches only requests without the key, with ForAnyValue never. (ForAllValues with an \
            empty list is condition-forallvalues-allow-empty's finding.)
            """,
        fix: "Add the values to compare, or remove the condition key; to test presence, use Null.",
        equivalents: [.aa("EMPTY_ARRAY_CONDITION"), .aa("EMPTY_ARRAY_CONDITION_IFEXISTS"), .aa("EMPTY_ARRAY_CONDITION_FORANYVALUE")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"StringEquals": {"aws:SourceVpce": []}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"StringEquals": {"aws:SourceVpce": ["vpce-1a2b3c4d"]}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for clause in statement.clauses where clause.valueNode.sequenceItems?.isEmpty == true {
                let op = ConditionSupport.Operator(clause.operator.value)
                guard op.qualifier != .forAllValues else { continue }
                let effect: String
                if op.ifExists {
                    effect = "with IfExists it matches only requests without the key"
                } else if op.qualifier == .forAnyValue {
                    effect = "with ForAnyValue it never matches"
                } else {
                    effect = "the condition compares against nothing"
                }
                report.add("'\(clause.key.value)' has an empty list of values: \(effect)", at: clause.valueNode.location,
                           statement: statement, suggestion: "add the values to compare, or remove the key")
            }
        }
    }
}
