/// Between 6,144 and 10,240 characters, an identity policy fits only inline on a role.
struct SizeTargetAmbiguous: LintRule {
    let metadata = RuleMetadata(
        id: "size-target-ambiguous", title: "Size quota depends on how the policy is attached", severity: .low,
        category: .size,
        rationale: """
            An identity policy of 6,145 to 10,240 characters is too large for a managed policy \
            (6,144) and fits only as an inline policy of a role (10,240 for all of the role's inline \
            policies together). When the input does not say how the policy is attached, rolegen cannot \
            tell whether IAM will accept it; smaller policies fit every target but an inline user \
            (2,048) or group (5,120) policy, whose quotas are per entity and checked when the entity is known.
            """,
        fix: "Say how the policy is attached (its size target: managed, inline-role, ...), or make it smaller than 6,144.",
        appliesTo: [.identity],
        equivalents: [.validator("policy_size_type_ambiguous")],
        examples: [
            .triggering(SizeExamples.policy(about: 7_000)),
            .passing(SizeExamples.policy(about: 7_000), sizeTarget: .inlineRole),
            .passing(SizeExamples.policy(about: 3_000)),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        guard SizeQuota.target(of: subject.input) == nil else { return }
        let size = PolicySize.measure(subject.input)
        guard size.characters > SizeQuota.managed && size.characters <= SizeQuota.inlineRole else { return }
        report.add("the policy is \(SizeQuota.formatted(size.characters)) characters without white space: too large for a managed "
                   + "policy (\(SizeQuota.formatted(SizeQuota.managed))), it fits only as an inline policy of a role "
                   + "(\(SizeQuota.formatted(SizeQuota.inlineRole)) for all of them together)", at: subject.view.root.location,
                   suggestion: "declare how the policy is attached, or split it to fit a managed policy")
    }
}
