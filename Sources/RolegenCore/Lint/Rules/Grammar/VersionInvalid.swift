/// Only two versions of the policy language exist.
struct VersionInvalid: LintRule {
    let metadata = RuleMetadata(
        id: "version-invalid", title: "Version is not 2012-10-17 or 2008-10-17", severity: .error, category: .grammar,
        rationale: "IAM rejects a policy whose Version is not one of the two versions of the policy language.",
        fix: "Write \"Version\": \"2012-10-17\" (the date the language was published, not today's date).",
        equivalents: [.aa("INVALID_VERSION"), .parliament("INVALID_VERSION"), .validator("invalid_version")],
        examples: [
            .triggering(#"{"Version": "2024-01-01", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
            .triggering(#"{"Version": 2012, "Statement": []}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        guard let version = subject.view.version else { return }
        let text = version.jsonKind == .string ? version.scalarText ?? "" : nil
        guard text != "2012-10-17" && text != "2008-10-17" else { return }
        let found = text.map { "'\($0)'" } ?? version.jsonKind.described
        report.add("Version must be \"2012-10-17\" or \"2008-10-17\", found \(found)", at: version.location,
                   suggestion: "write \"Version\": \"2012-10-17\"")
    }
}
