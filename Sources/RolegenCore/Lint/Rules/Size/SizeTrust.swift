/// A role trust policy holds 2,048 characters unless the account's quota was raised.
struct SizeTrust: LintRule {
    let metadata = RuleMetadata(
        id: "size-trust", title: "Role trust policy over its size quota", severity: .error, category: .size,
        rationale: """
            IAM limits a role's trust policy to 2,048 characters without white space by default \
            (AssumeRolePolicySizeQuota). The quota can be raised through Service Quotas, to 4,096 in \
            IAM's quota table (later sources say 8,192), so a longer policy may be accepted in one \
            account and rejected in the next. Trust policies that list many accounts or roles grow past \
            it first.
            """,
        fix: """
            Trust the account (arn:aws:iam::111122223333:root) or the organisation (a condition on \
            aws:PrincipalOrgID) instead of listing roles one by one, or raise the quota.
            """,
        appliesTo: [.trust],
        equivalents: [.aa("POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA"), .validator("policy_size_exceeded")],
        examples: [
            .triggering(SizeExamples.policy(about: 2_300, trust: true), type: .trust),
            .triggering(SizeExamples.policy(about: 8_500, trust: true), type: .trust),
            .passing(SizeExamples.policy(about: 1_500, trust: true), type: .trust),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        guard SizeQuota.target(of: subject.input) == .trust else { return }
        let size = PolicySize.measure(subject.input)
        guard size.characters > SizeQuota.trustDefault else { return }
        let count = SizeQuota.formatted(size.characters)
        if size.characters > SizeQuota.trustHighest {
            report.add("the trust policy is \(count) characters without white space: over the highest quota IAM grants for trust "
                       + "policies (\(SizeQuota.formatted(SizeQuota.trustHighest)))", at: subject.view.root.location,
                       suggestion: "trust accounts or the organisation instead of listing roles")
        } else {
            let raised = size.characters > SizeQuota.trustRaised ? "above \(SizeQuota.formatted(SizeQuota.trustRaised)), more than IAM's quota table offers"
                : "(up to \(SizeQuota.formatted(SizeQuota.trustRaised)))"
            report.add("the trust policy is \(count) characters without white space, over the default quota of "
                       + "\(SizeQuota.formatted(SizeQuota.trustDefault)); IAM rejects it unless the account's trust-policy quota was raised \(raised)",
                       at: subject.view.root.location, suggestion: "trust accounts or the organisation instead of listing roles",
                       severity: size.characters > SizeQuota.trustRaised ? .high : .medium)
        }
    }
}
