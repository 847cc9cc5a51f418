/// A policy without `Version` is read with the 2008 grammar: policy variables such as
/// `${aws:username}` are then plain text, and some newer features do not work.
struct VersionMissing: LintRule {
    let metadata = RuleMetadata(
        id: "version-missing", title: "The policy has no Version", severity: .low, category: .grammar,
        rationale: """
            Without a Version element IAM applies the original 2008-10-17 grammar, in which policy \
            variables like ${aws:username} are literal text; Organizations requires it in SCPs and RCPs.
            """,
        fix: "Add \"Version\": \"2012-10-17\" as the first element.",
        equivalents: [.aa("MISSING_VERSION"), .parliament("NO_VERSION"), .validator("missing_version")],
        examples: [
            .triggering(#"{"Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        guard subject.view.root.mappingEntries != nil, subject.view.version == nil else { return }
        let severity: Severity = [.scp, .rcp].contains(subject.type) ? .error : metadata.severity
        report.add("the policy has no Version; IAM reads it with the 2008 grammar, in which policy variables are literal text",
                   at: subject.view.root.location, suggestion: "add \"Version\": \"2012-10-17\"", severity: severity)
    }
}
