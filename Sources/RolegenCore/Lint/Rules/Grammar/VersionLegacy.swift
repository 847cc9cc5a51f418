/// 2008-10-17 is the original policy language: no policy variables.
struct VersionLegacy: LintRule {
    let metadata = RuleMetadata(
        id: "version-legacy", title: "Version 2008-10-17", severity: .low, category: .grammar,
        rationale: """
            Version 2008-10-17 is the first version of the policy language. Under it, policy variables \
            such as ${aws:username} are literal text, and some newer features are not available. AWS \
            recommends 2012-10-17 for every policy; old bucket and queue policies often still carry the \
            2008 version.
            """,
        fix: "Write \"Version\": \"2012-10-17\"; check that no string meant literally contains '${'.",
        equivalents: [.parliament("OLD_VERSION"), .validator("outdated_version")],
        examples: [
            .triggering(#"{"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        guard let version = subject.view.version, version.jsonKind == .string, version.scalarText == "2008-10-17" else { return }
        report.add("the policy uses Version 2008-10-17, the original policy language, without policy variables", at: version.location,
                   suggestion: "write \"Version\": \"2012-10-17\"")
    }
}
