/// `*` and `?` are wildcards only for the Like operators; elsewhere they are literal characters.
struct ConditionWildcardWithoutLike: LintRule {
    let metadata = RuleMetadata(
        id: "condition-wildcard-without-like", title: "Wildcard in a value of an Equals operator", severity: .medium,
        category: .conditions,
        rationale: """
            StringEquals and its variants compare literally: 'ml-*' matches only a value that is \
            exactly 'ml-*'. If a pattern was meant, the condition never matches (or, negated, always \
            does). A '?' in a URL (aws:Referer) is left alone, as literal question marks are common \
            there; ${*} and ${?} are the policy variables for literal characters.
            """,
        fix: "Use StringLike (or StringNotLike) for patterns, or remove the wildcard if the character is meant literally.",
        equivalents: [.aa("WILDCARD_WITHOUT_LIKE_OPERATOR")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*",
                 "Condition": {"StringEquals": {"aws:PrincipalTag/team": "ml-*"}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*",
                 "Condition": {"StringLike": {"aws:PrincipalTag/team": "ml-*"}, "StringEquals": {"aws:PrincipalTag/level": "${*}"}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for clause in statement.clauses {
                let op = ConditionSupport.Operator(clause.operator.value)
                guard op.isKnown, op.family == .string, !op.isLike else { continue }
                for value in clause.values where hasPattern(value.value) {
                    let like = (op.qualifier.map { $0.rawValue + ":" } ?? "") + (op.isNegated ? "StringNotLike" : "StringLike")
                        + (op.ifExists ? "IfExists" : "")
                    report.add("'\(value.value)' has a wildcard, but '\(op.text)' compares literally: it matches only that exact text",
                               at: value.location, statement: statement, suggestion: "use '\(like)' if a pattern is meant")
                }
            }
        }
    }

    private func hasPattern(_ value: String) -> Bool {
        guard ConditionSupport.hasWildcard(value) else { return false }
        if value.contains("://") { return ConditionSupport.hasWildcard(value.filter { $0 != "?" }) }
        return true
    }
}
