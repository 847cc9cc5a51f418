/// Only string and ARN conditions substitute variables.
struct VariableOperator: LintRule {
    let metadata = RuleMetadata(
        id: "variable-operator", title: "Policy variable in a condition that is not a string or ARN comparison",
        severity: .error, category: .variables,
        rationale: """
            In a Condition, IAM substitutes policy variables only in the values of string operators \
            (StringEquals, StringLike...) and ARN operators (ArnEquals, ArnLike...). With a numeric, \
            date, Bool, binary, IP address or Null operator, '${aws:...}' is not a valid value: the \
            comparison never holds as intended.
            """,
        fix: "Compare with a literal value, or use a string operator if the key's value is text.",
        equivalents: [.aa("INVALID_VARIABLE_FOR_OPERATOR")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"DateGreaterThan": {"aws:CurrentTime": "${aws:TokenIssueTime}"}}}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "${aws:PrincipalTag/cidr}"}}}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"s3:ExistingObjectTag/owner": "${aws:userid}"}, "ArnLike": {"aws:SourceArn": "arn:aws:sagemaker:*:${aws:PrincipalAccount}:*"}}}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        guard subject.view.isCurrentVersion else { return }
        subject.view.forEachStatement { statement in
            var found: [(value: Located<String>, operator: String)] = []
            statement.forEachVariableCarrier { value, clause in
                guard let clause, !found.contains(where: { $0.operator == clause.operator.value }) else { return }
                let base = clause.baseOperator
                // Unknown operators are the condition rules' business.
                guard ConditionOperators.base.contains(base), !base.hasPrefix("String"), !base.hasPrefix("Arn") else { return }
                found.append((value, clause.operator.value))
            }
            for item in found {
                report.add("'\(item.value.value.truncatedForMessage)' uses a policy variable with \(item.operator); IAM substitutes "
                           + "variables only with string and ARN operators", at: item.value.location, statement: copy statement,
                           suggestion: "compare with a literal value")
            }
        }
    }
}
