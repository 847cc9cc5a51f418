/// Sids name statements; IAM requires them to be unique.
struct SidDuplicate: LintRule {
    let metadata = RuleMetadata(
        id: "sid-duplicate", title: "Two statements with the same Sid", severity: .error, category: .grammar,
        rationale: """
            In IAM and Organizations policies a Sid must be unique within the policy, and IAM rejects \
            duplicates. Other services' resource policies only recommend it, but tools that address \
            statements by Sid (baselines, suppressions, diffs, Access Analyzer findings) then point \
            at the wrong statement.
            """,
        fix: "Rename one of the statements, or merge them if they say the same thing.",
        equivalents: [.aa("UNIQUE_SIDS_REQUIRED"), .aa("UNIQUE_SIDS_RECOMMENDED"), .parliament("DUPLICATE_SID"),
                      .validator("duplicate_sid")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::a/*"}, {"Sid": "Read", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::a"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Sid": "Public", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::a/*"}, {"Sid": "Public", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::a/*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}"#,
                        type: .resource),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Sid": "ReadObjects", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::a/*"}, {"Sid": "ListBucket", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::a"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        let required = PolicyGrammar.iamTypes.contains(subject.type)
        var seen: [String: Int] = [:]
        subject.view.forEachStatement { statement in
            guard let sid = statement.sid, !sid.value.isEmpty else { return }
            guard let first = seen[sid.value] else {
                seen[sid.value] = statement.index
                return
            }
            // A Sid that is not a string is element-json-type's.
            guard statement.element("Sid")?.jsonKind == .string else { return }
            let message = "the Sid '\(sid.value.truncatedForMessage)' is also the Sid of statement \(first + 1)"
            if required {
                report.add(message + "; IAM requires Sids to be unique within a policy", at: sid.location, statement: copy statement,
                           suggestion: "rename this statement's Sid")
            } else {
                report.add(message + "; the service may accept it, but tools that address statements by Sid will confuse them",
                           at: sid.location, statement: copy statement, suggestion: "rename this statement's Sid", severity: .low)
            }
        }
    }
}
