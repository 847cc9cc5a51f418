/// A user, group or role can have only so many managed policies attached.
struct AttachmentCount: LintEntityRule {
    let metadata = RuleMetadata(
        id: "attachment-count", title: "Too many managed policies attached to one entity", severity: .error,
        category: .size,
        rationale: """
            IAM attaches at most 10 managed policies to a user, group or role by default. For users and \
            roles the quota can be raised to 20 (IAM's quota table); for groups it cannot. The eleventh \
            AttachRolePolicy fails, often in the middle of a deployment. No peer checks it.
            """,
        fix: "Merge managed policies that are always attached together, or raise the quota for users and roles.",
        appliesTo: [.identity],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#,
                        entity: .init(kind: .role, name: "ml-exec", attachedManagedPolicies: 22)),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#,
                        entity: .init(kind: .group, name: "data-scientists", attachedManagedPolicies: 11)),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#,
                     entity: .init(kind: .role, name: "ml-exec", attachedManagedPolicies: 4)),
        ])

    static let defaultQuota = 10
    static let highestQuota = 20

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {}

    func check(entity: PolicyInput.Entity, policies: [PolicyInput], _ report: inout RuleReport) {
        let managed = Set(policies.filter { $0.sizeTarget == .managed }.map { $0.name ?? $0.path })
        let count = entity.attachedManagedPolicies ?? managed.count
        guard count > Self.defaultQuota, let first = policies.first else { return }
        let name = "\(entity.kind.rawValue) '\(entity.name)'"
        if entity.kind == .group || count > Self.highestQuota {
            let limit = entity.kind == .group ? Self.defaultQuota : Self.highestQuota
            report.add("\(name) has \(count) managed policies attached; IAM attaches at most \(limit) to a \(entity.kind.rawValue)",
                       at: first.document.location, suggestion: "merge policies that are always attached together")
        } else {
            report.add("\(name) has \(count) managed policies attached, over the default quota of \(Self.defaultQuota); IAM rejects "
                       + "the attachments past it unless the account's quota was raised (up to \(Self.highestQuota))",
                       at: first.document.location, suggestion: "merge policies, or raise the quota in Service Quotas",
                       severity: .medium)
        }
    }
}
