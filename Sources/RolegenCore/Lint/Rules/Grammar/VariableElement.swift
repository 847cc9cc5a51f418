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
        subject.view.forEachStatement { statement in
            var found: [(text: String, location: SourceLocation, element: String)] = []
            func actions(_ values: [Located<String>]?, _ name: String) {
                guard let values else { return }
                for index in values.indices where PolicyVariables.mayContain(values[index].value) {
                    found.append((values[index].value, values[index].location, name))
                }
            }
            func principals(_ node: SourceNode?, _ name: String) {
                node?.forEachScalar(skippingIntrinsics: true) { scalar in
                    guard let text = scalar.scalarText, PolicyVariables.mayContain(text) else { return }
                    found.append((text, scalar.location, name))
                }
            }
            actions(statement.actions, "Action")
            actions(statement.notActions, "NotAction")
            principals(statement.principal, "Principal")
            principals(statement.notPrincipal, "NotPrincipal")
            for item in found {
                report.add("'\(item.text.truncatedForMessage)' in \(item.element) holds a policy variable, but IAM substitutes variables "
                           + "only in Resource and Condition values: here it is literal text and matches nothing",
                           at: item.location, statement: copy statement,
                           suggestion: item.element.hasSuffix("Principal") ? "name the principals, or move the check to a condition"
                               : "list the actions explicitly")
            }
        }
    }
}
