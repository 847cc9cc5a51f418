/// All inline policies of a group share one quota; a single one over it is certainly rejected.
struct SizeInlineGroup: LintRule {
    let metadata = RuleMetadata(
        id: "size-inline-group", title: "Inline group policy over \(SizeQuota.formatted(SizeQuota.inlineGroup)) characters",
        severity: .error, category: .size,
        rationale: """
            IAM limits the inline policies of a group to \(SizeQuota.formatted(SizeQuota.inlineGroup)) characters \
            together, not counting white space (spaces inside strings count). An inline policy larger \
            than that on its own is rejected; size-aggregate-inline checks the sum when all of the \
            group's policies are known.
            """,
        fix: "Move statements into managed policies, which have their own 6,144-character quota each.",
        appliesTo: [.identity],
        equivalents: [.aa("POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"), .validator("policy_size_exceeded")],
        examples: [
            .triggering(SizeExamples.policy(about: 5_200), sizeTarget: .inlineGroup),
            .passing(SizeExamples.policy(about: 5_000), sizeTarget: .inlineGroup),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        guard subject.input.sizeTarget == .inlineGroup else { return }
        let size = PolicySize.measure(subject.input)
        guard size.characters > SizeQuota.inlineGroup else { return }
        report.add("this inline policy is \(SizeQuota.formatted(size.characters)) characters without white space; the inline "
                   + "policies of a group may have at most \(SizeQuota.formatted(SizeQuota.inlineGroup)) together",
                   at: subject.view.root.location, suggestion: "move statements into managed policies")
    }
}
