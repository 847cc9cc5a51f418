/// Variables are substituted in Resource and in condition values only.
struct VariableElement: LintRule {
    let metadata = RuleMetadata(
        id: "variable-element", title: "Policy variable outside Resource and Condition", severity: .error,
        category: .variables,
        rationale: """
            IAM substitutes policy variables only in Resource and NotResource values and in the values \
            of string and ARN conditions. In Action, NotAction, Principal or NotPrincipal the text \
            ${...} is kept literally, so "arn:aws:iam::${aws:PrincipalAccount}:root" names no principal \
            and "s3:${aws:PrincipalTag/op}" no action.
            """,
        fix: """
            Name the principals or actions explicitly; to scope by the caller, use a condition \
            (aws:PrincipalAccount, aws:PrincipalTag/...) or a variable in Resource.
            """,
        equivalents: [.aa("VARIABLE_UNSUPPORTED_IN_ELEMENT")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::${aws:PrincipalAccount}:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#,
                        type: .resource),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:${aws:PrincipalTag/op}", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*", "Condition": {"StringEquals": {"s3:ExistingObjectTag/owner": "${aws:userid}"}}}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.checkedStatements {
            for name in ["Action", "NotAction", "Principal", "NotPrincipal"] {
                statement.element(name)?.forEachScalar { node in
                    guard let text = node.scalarText, PolicyVariables.mayContain(text) else { return }
                    report.add("'\(text.truncatedForMessage)' in \(name) holds a policy variable, but IAM substitutes variables "
                               + "only in Resource and Condition values: here it is literal text and matches nothing",
                               at: node.location, statement: statement,
                               suggestion: name.hasSuffix("Principal") ? "name the principals, or move the check to a condition"
                                   : "list the actions explicitly")
                }
            }
        }
    }
}
