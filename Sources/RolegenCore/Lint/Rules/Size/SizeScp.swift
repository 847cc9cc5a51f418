/// Organizations counts every character of a SCP as stored, white space included.
struct SizeScp: LintRule {
    let metadata = RuleMetadata(
        id: "size-scp", title: "SCP over \(SizeQuota.formatted(SizeQuota.scp)) characters", severity: .error, category: .size,
        rationale: """
            AWS Organizations accepts a service control policy of at most \(SizeQuota.formatted(SizeQuota.scp)) characters, \
            and counts every character as stored: the console strips white space when it saves, but the \
            CLI, the SDKs, CloudFormation and Terraform store the document as written, indentation \
            included. A SCP that fits when minified may be rejected when deployed from a pretty-printed file.
            """,
        fix: "Minify the document before deploying it (jq -c), or split it into several SCPs.",
        appliesTo: [.scp],
        equivalents: [.aa("POLICY_SIZE_EXCEEDS_SCP_QUOTA"), .validator("policy_size_exceeded")],
        examples: [
            .triggering(SizeExamples.policy(about: 10_300), type: .scp),
            .passing(SizeExamples.policy(about: 9_000), type: .scp),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        guard SizeQuota.target(of: subject.input) == .scp else { return }
        let size = PolicySize.measure(subject.input, written: true)
        let limit = SizeQuota.formatted(SizeQuota.scp)
        if size.bytes > SizeQuota.scp {
            report.add("the SCP is \(SizeQuota.formatted(size.bytes)) bytes even without white space; Organizations accepts at most \(limit)",
                       at: subject.view.root.location, suggestion: "split it into several SCPs")
        } else if let written = size.writtenAtLeast, written > SizeQuota.scp {
            report.add("as written the SCP is at least \(SizeQuota.formatted(written)) characters (\(SizeQuota.formatted(size.bytes)) without "
                       + "white space): over the \(limit) Organizations accepts when it is saved as written (CLI, SDK, CloudFormation, "
                       + "Terraform); the console strips white space", at: subject.view.root.location,
                       suggestion: "minify the document before deploying it", severity: .medium)
        }
    }
}
