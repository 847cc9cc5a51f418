/// An operator IAM does not know makes it reject the policy.
struct ConditionOperatorUnknown: LintRule {
    let metadata = RuleMetadata(
        id: "condition-operator-unknown", title: "Unknown condition operator", severity: .error, category: .conditions,
        rationale: """
            IAM knows 27 condition operators, each with an optional ForAllValues:/ForAnyValue: \
            qualifier and an IfExists suffix (except Null), and compares their names with case. \
            A policy with any other operator is rejected.
            """,
        fix: "Use one of the operators of the IAM User Guide (StringEquals, ArnLike, IpAddress, ...) with its exact spelling.",
        equivalents: [.aa("INVALID_CONDITION_OPERATOR"), .parliament("UNKNOWN_OPERATOR"), .validator("invalid_operator")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b",
                 "Condition": {"StringEqual": {"s3:prefix": "home/"}}}]}
                """#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*",
                 "Condition": {"ForAnyValues:StringEquals": {"aws:TagKeys": ["secret"]}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b",
                 "Condition": {"StringLikeIfExists": {"s3:prefix": "home/*"}, "ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for block in statement.condition?.mappingEntries ?? [] {
                guard let name = block.key.scalarText else { continue }
                let op = ConditionSupport.Operator(name)
                // NullIfExists has its own rule; two qualifiers are one too many.
                guard !op.isKnown, !(op.base == "Null" && op.ifExists) else { continue }
                let hint = ConditionOperators.suggestion(for: name)
                report.add("unknown condition operator '\(name)': IAM rejects the policy", at: block.key.location, statement: statement,
                           suggestion: hint.isEmpty ? nil : String(hint.dropFirst(2)))
            }
        }
    }
}
