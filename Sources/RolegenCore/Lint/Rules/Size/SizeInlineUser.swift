/// All inline policies of a user share one quota; a single one over it is certainly rejected.
struct SizeInlineUser: LintRule {
    let metadata = RuleMetadata(
        id: "size-inline-user", title: "Inline user policy over \(SizeQuota.formatted(SizeQuota.inlineUser)) characters",
        severity: .error, category: .size,
        rationale: """
            IAM limits the inline policies of a user to \(SizeQuota.formatted(SizeQuota.inlineUser)) characters \
            together, not counting white space (spaces inside strings count). An inline policy larger \
            than that on its own is rejected; size-aggregate-inline checks the sum when all of the \
            user's policies are known.
            """,
        fix: "Move statements into managed policies, which have their own 6,144-character quota each.",
        appliesTo: [.identity],
        equivalents: [.aa("POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"), .validator("policy_size_exceeded")],
        examples: [
            .triggering(SizeExamples.policy(about: 2_100), sizeTarget: .inlineUser),
            .passing(SizeExamples.policy(about: 1_900), sizeTarget: .inlineUser),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        guard subject.input.sizeTarget == .inlineUser else { return }
        let size = PolicySize.measure(subject.input)
        guard size.characters > SizeQuota.inlineUser else { return }
        report.add("this inline policy is \(SizeQuota.formatted(size.characters)) characters without white space; the inline "
                   + "policies of a user may have at most \(SizeQuota.formatted(SizeQuota.inlineUser)) together",
                   at: subject.view.root.location, suggestion: "move statements into managed policies")
    }
}
