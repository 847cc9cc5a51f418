/// All inline policies of a role share one quota; a single one over it is certainly rejected.
struct SizeInlineRole: LintRule {
    let metadata = RuleMetadata(
        id: "size-inline-role", title: "Inline role policy over \(SizeQuota.formatted(SizeQuota.inlineRole)) characters",
        severity: .error, category: .size,
        rationale: """
            IAM limits the inline policies of a role to \(SizeQuota.formatted(SizeQuota.inlineRole)) characters \
            together, not counting white space (spaces inside strings count). An inline policy larger \
            than that on its own is rejected; size-aggregate-inline checks the sum when all of the \
            role's policies are known.
            """,
        fix: "Move statements into managed policies, which have their own 6,144-character quota each.",
        appliesTo: [.identity],
        equivalents: [.aa("POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"), .validator("policy_size_exceeded")],
        examples: [
            .triggering(SizeExamples.policy(about: 10_300), sizeTarget: .inlineRole),
            .passing(SizeExamples.policy(about: 10_000), sizeTarget: .inlineRole),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        guard subject.input.sizeTarget == .inlineRole else { return }
        let size = PolicySize.measure(subject.input)
        guard size.characters > SizeQuota.inlineRole else { return }
        report.add("this inline policy is \(SizeQuota.formatted(size.characters)) characters without white space; the inline "
                   + "policies of a role may have at most \(SizeQuota.formatted(SizeQuota.inlineRole)) together",
                   at: subject.view.root.location, suggestion: "move statements into managed policies")
    }
}
