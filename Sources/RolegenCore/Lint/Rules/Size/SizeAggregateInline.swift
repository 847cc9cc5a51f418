/// The inline policies of one user, group or role share one quota.
struct SizeAggregateInline: LintEntityRule {
    let metadata = RuleMetadata(
        id: "size-aggregate-inline", title: "Inline policies of one entity over their shared quota", severity: .error,
        category: .size,
        rationale: """
            IAM's inline-policy quota is for all inline policies of an entity together: 2,048 \
            characters for a user, 5,120 for a group, 10,240 for a role, without white space. Each \
            policy can be small and the next PutRolePolicy still fails. The peers check one document \
            at a time and cannot see this; rolegen checks it when an account dump or template gives \
            all of an entity's policies.
            """,
        fix: "Move inline policies into managed policies (6,144 characters each, 10 attached by default).",
        appliesTo: [.identity],
        examples: [
            .triggering(SizeExamples.policy(about: 6_000), sizeTarget: .inlineRole,
                        entity: .init(kind: .role, name: "ml-exec"), otherPolicies: [SizeExamples.policy(about: 5_000)]),
            .triggering(SizeExamples.policy(about: 1_200), sizeTarget: .inlineUser,
                        entity: .init(kind: .user, name: "alice"), otherPolicies: [SizeExamples.policy(about: 1_200)]),
            .passing(SizeExamples.policy(about: 4_000), sizeTarget: .inlineRole,
                     entity: .init(kind: .role, name: "ml-exec"), otherPolicies: [SizeExamples.policy(about: 4_000)]),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {}

    func check(entity: PolicyInput.Entity, policies: [PolicyInput], _ report: inout RuleReport) {
        let inline = policies.filter { [.inlineUser, .inlineGroup, .inlineRole].contains($0.sizeTarget) }
        // One policy over the quota on its own is size-inline-<kind>'s finding.
        guard inline.count > 1, let first = inline.first else { return }
        let limit = switch entity.kind {
        case .user: SizeQuota.inlineUser
        case .group: SizeQuota.inlineGroup
        case .role: SizeQuota.inlineRole
        }
        let total = inline.reduce(0) { $0 + PolicySize.measure($1).characters }
        guard total > limit else { return }
        report.add("the \(inline.count) inline policies of \(entity.kind.rawValue) '\(entity.name)' are \(SizeQuota.formatted(total)) "
                   + "characters together without white space; IAM accepts at most \(SizeQuota.formatted(limit)) for all inline "
                   + "policies of a \(entity.kind.rawValue)", at: first.document.location,
                   suggestion: "move some of them into managed policies")
    }
}
