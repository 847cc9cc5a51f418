/// A managed policy (and a permissions boundary, which is one) holds at most 6,144 characters.
struct SizeManaged: LintRule {
    let metadata = RuleMetadata(
        id: "size-managed", title: "Managed policy over 6,144 characters", severity: .error, category: .size,
        rationale: """
            IAM rejects a customer managed policy longer than 6,144 characters, not counting white \
            space (spaces inside strings count). Permissions boundaries are managed policies. An \
            identity policy whose attachment is unknown is held against the largest identity quota, \
            10,240 for the inline policies of a role; between the two, size-target-ambiguous says so.
            """,
        fix: """
            Split the policy into several managed policies (10 can be attached by default), merge \
            statements with the same actions, or let wildcards cover action families.
            """,
        appliesTo: PolicyType.identityLike,
        equivalents: [.aa("POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"), .validator("policy_size_exceeded")],
        examples: [
            .triggering(SizeExamples.policy(about: 6_200), sizeTarget: .managed),
            .triggering(SizeExamples.policy(about: 6_200), type: .boundary),
            .triggering(SizeExamples.policy(about: 10_300)),
            .passing(SizeExamples.policy(about: 6_000), sizeTarget: .managed),
            .passing(SizeExamples.policy(about: 8_000), sizeTarget: .inlineRole),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        let target = SizeQuota.target(of: subject.input)
        guard target == .managed || (target == nil && subject.type == .identity) else { return }
        let size = PolicySize.measure(subject.input)
        let count = SizeQuota.formatted(size.characters)
        let location = subject.view.root.location
        if target == nil {
            guard size.characters > SizeQuota.inlineRole else { return }
            report.add("the policy is \(count) characters without white space: over every identity-policy quota "
                       + "(\(SizeQuota.formatted(SizeQuota.managed)) for a managed policy, \(SizeQuota.formatted(SizeQuota.inlineRole)) "
                       + "for all inline policies of a role together)", at: location,
                       suggestion: "split it into several managed policies")
            return
        }
        guard size.characters > SizeQuota.managed else { return }
        if subject.input.isAWSManaged {
            report.add("this AWS managed policy is \(count) characters without white space; AWS's own policies are not held to "
                       + "the quota, but a customer managed copy of it would be rejected (at most \(SizeQuota.formatted(SizeQuota.managed)))",
                       at: location, suggestion: "attach the AWS managed policy itself, or copy only the statements you need",
                       severity: .info)
            return
        }
        report.add("the policy is \(count) characters without white space; IAM accepts at most \(SizeQuota.formatted(SizeQuota.managed)) "
                   + "in a managed policy", at: location, suggestion: "split it into several managed policies")
    }
}
