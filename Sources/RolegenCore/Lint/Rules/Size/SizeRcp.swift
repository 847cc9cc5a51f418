/// Organizations counts every character of a RCP as stored, white space included.
struct SizeRcp: LintRule {
    let metadata = RuleMetadata(
        id: "size-rcp", title: "RCP over \(SizeQuota.formatted(SizeQuota.rcp)) characters", severity: .error, category: .size,
        rationale: """
            AWS Organizations accepts a resource control policy of at most \(SizeQuota.formatted(SizeQuota.rcp)) characters, \
            and counts every character as stored: the console strips white space when it saves, but the \
            CLI, the SDKs, CloudFormation and Terraform store the document as written, indentation \
            included. A RCP that fits when minified may be rejected when deployed from a pretty-printed file.
            """,
        fix: "Minify the document before deploying it (jq -c), or split it into several RCPs.",
        appliesTo: [.rcp],
        equivalents: [.validator("policy_size_exceeded")],
        examples: [
            .triggering(SizeExamples.policy(about: 5_200), type: .rcp),
            .passing(SizeExamples.policy(about: 4_500), type: .rcp),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        guard SizeQuota.target(of: subject.input) == .rcp else { return }
        let size = PolicySize.measure(subject.input, written: true)
        let limit = SizeQuota.formatted(SizeQuota.rcp)
        if size.bytes > SizeQuota.rcp {
            report.add("the RCP is \(SizeQuota.formatted(size.bytes)) bytes even without white space; Organizations accepts at most \(limit)",
                       at: subject.view.root.location, suggestion: "split it into several RCPs")
        } else if let written = size.writtenAtLeast, written > SizeQuota.rcp {
            report.add("as written the RCP is at least \(SizeQuota.formatted(written)) characters (\(SizeQuota.formatted(size.bytes)) without "
                       + "white space): over the \(limit) Organizations accepts when it is saved as written (CLI, SDK, CloudFormation, "
                       + "Terraform); the console strips white space", at: subject.view.root.location,
                       suggestion: "minify the document before deploying it", severity: .medium)
        }
    }
}
