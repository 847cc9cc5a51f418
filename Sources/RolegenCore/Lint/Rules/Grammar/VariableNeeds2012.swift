/// Policy variables exist only in version 2012-10-17; before, `${aws:username}` is literal text.
struct VariableNeeds2012: LintRule {
    let metadata = RuleMetadata(
        id: "variable-needs-2012", title: "Policy variable without Version 2012-10-17", severity: .error, category: .grammar,
        rationale: """
            IAM substitutes policy variables only in policies with "Version": "2012-10-17". Without a \
            Version, or with 2008-10-17, "arn:aws:s3:::home/${aws:username}/*" is compared literally, \
            so the statement matches no real resource or request: an Allow grants nothing and a Deny \
            protects nothing.
            """,
        fix: "Add \"Version\": \"2012-10-17\" as the first element.",
        equivalents: [.aa("VARIABLE_UNSUPPORTED_IN_VERSION")],
        examples: [
            .triggering(#"{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*"}]}"#),
            .triggering(#"{"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::home", "Condition": {"StringLike": {"s3:prefix": "${aws:username}/*"}}}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        let version = subject.view.version
        // An invalid Version is version-invalid's; only the missing and the 2008 one read variables literally.
        guard version == nil || (version?.jsonKind == .string && version?.scalarText == "2008-10-17") else { return }
        let reason = version == nil ? "the policy has no Version" : "the policy's Version is 2008-10-17"
        subject.view.forEachStatement { statement in
            var found: [Located<String>] = []
            statement.forEachVariableCarrier { value, _ in found.append(value) }
            for value in found {
                report.add("'\(value.value.truncatedForMessage)' holds a policy variable, but \(reason): IAM compares the text "
                           + "literally, so it matches nothing", at: value.location, statement: copy statement,
                           suggestion: version == nil ? "add \"Version\": \"2012-10-17\"" : "write \"Version\": \"2012-10-17\"")
            }
        }
    }
}
