/// Several bounds for one numeric comparison: the values are alternatives, so only the widest counts.
struct ConditionNumericRedundant: LintRule {
    let metadata = RuleMetadata(
        id: "condition-numeric-redundant", title: "Several numeric bounds where one suffices", severity: .info,
        category: .conditions,
        rationale: """
            The values of one condition key are alternatives: NumericLessThan [2700, 3600] holds when \
            the value is below 2700 or below 3600, that is below 3600. The smaller bound has no effect \
            and suggests a stricter limit than the one enforced.
            """,
        fix: "Keep the one bound that is meant.",
        equivalents: [.aa("REDUNDANT_CONDITION_VALUE_NUM")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*",
                 "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": ["2700", "3600"]}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*",
                 "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}, "NumericEquals": {"s3:max-keys": ["10", "20"]}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for clause in statement.clauses {
                let op = ConditionSupport.Operator(clause.operator.value)
                guard op.isKnown, op.family == .numeric else { continue }
                let upper = op.base.hasPrefix("NumericLessThan"), lower = op.base.hasPrefix("NumericGreaterThan")
                guard upper || lower else { continue }
                let numbers = clause.values.compactMap { value in ConditionSupport.number(value.value).map { (value, $0) } }
                guard numbers.count > 1, numbers.count == clause.values.count,
                      let widest = upper ? numbers.max(by: { $0.1 < $1.1 }) : numbers.min(by: { $0.1 < $1.1 }) else { continue }
                report.add("'\(op.text)' holds if any of its values holds, so only \(widest.0.value) counts for '\(clause.key.value)'",
                           at: clause.valueNode.location, statement: statement, suggestion: "write \"\(widest.0.value)\" alone")
            }
        }
    }
}
