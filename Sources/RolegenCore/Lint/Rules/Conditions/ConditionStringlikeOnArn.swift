/// StringLike's wildcards cross the colons of an ARN; ArnLike's stay within one field.
struct ConditionStringlikeOnArn: LintRule {
    let metadata = RuleMetadata(
        id: "condition-stringlike-on-arn", title: "StringLike wildcard across ARN fields", severity: .low,
        category: .conditions,
        rationale: """
            ArnLike compares an ARN field by field, so a wildcard in the account field matches one \
            account. StringLike compares the whole text, so the same wildcard also matches colons and \
            whatever follows them: 'arn:aws:iam::*:role/x' and patterns shorter than the six fields \
            match more text than they appear to. Only wildcards before the resource field are reported, \
            since in the resource field both operators behave the same. Access Analyzer reports this as \
            a security warning; rolegen reports it low: the fields before the resource hold no ':' in \
            real ARNs, and most resource names cannot hold one, so the two operators almost always agree.
            """,
        fix: "Use ArnLike (or ArnNotLike) for ARN keys, with a value that has all six fields.",
        equivalents: [.aa("STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS"), .parliament("MISMATCHED_TYPE_BUT_USABLE"),
                      .validator("type_mismatch_usable")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"},
                 "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:q",
                 "Condition": {"StringLike": {"aws:SourceArn": "arn:aws:sns:*:111122223333*"}}}]}
                """#, type: .resource),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"},
                 "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:q",
                 "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:sns:*:111122223333:*"}}}]}
                """#, type: .resource),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*",
                 "Condition": {"StringLike": {"iam:AssociatedResourceArn": "arn:aws:sagemaker:us-east-1:111122223333:training-job/*"}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        for statement in subject.view.statements {
            for clause in statement.clauses {
                let op = ConditionSupport.Operator(clause.operator.value)
                guard op.isKnown, op.family == .string, op.isLike,
                      let type = try ConditionSupport.resolve(clause.key.value, catalog: subject.catalog).definition?.type,
                      ConditionSupport.elementType(type) == "ARN" else { continue }
                for value in clause.values where crossesFields(value.value) {
                    let arnOperator = (op.qualifier.map { $0.rawValue + ":" } ?? "") + (op.isNegated ? "ArnNotLike" : "ArnLike")
                        + (op.ifExists ? "IfExists" : "")
                    report.add("'\(op.text)' on the ARN key '\(clause.key.value)': the wildcard in '\(value.value)' also matches ':' "
                               + "and so more ARNs than it appears to", at: value.location, statement: statement,
                               suggestion: "use '\(arnOperator)'")
                }
            }
        }
    }

    /// A wildcard before the resource field, or a wildcarded value with fewer than six fields.
    private func crossesFields(_ value: String) -> Bool {
        guard ConditionSupport.hasWildcard(value) else { return false }
        let fields = ConditionSupport.arnFields(value)
        guard fields.count == 6 else { return true }
        return fields.dropLast().contains { ConditionSupport.hasWildcard($0) }
    }
}
