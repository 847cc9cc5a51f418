/// `aws iam get-account-authorization-details` output: every user, group and role with their
/// inline policies, attached managed policies and trust policies, and every managed policy.
/// Each inline policy is linted as an inline policy of its entity (for the aggregate size and
/// attachment checks), each role's trust policy as a trust policy, each customer managed policy's
/// default version as a managed policy (a boundary when some entity uses it as one). AWS managed
/// policies are left out: they are AWS's to fix, and a dump lists hundreds.
package enum AuthorizationDetailsReader {
    private static let format = "`get-account-authorization-details` output"

    package static func read(_ root: SourceNode, path: String) -> [LintItem] {
        let entries = root.mappingEntries ?? []
        var items: [LintItem] = []
        var boundaries: Set<String> = []
        let lists: [(key: String, kind: PolicyInput.Entity.Kind, name: String, inline: String, target: SizeTarget)] = [
            ("UserDetailList", .user, "UserName", "UserPolicyList", .inlineUser),
            ("GroupDetailList", .group, "GroupName", "GroupPolicyList", .inlineGroup),
            ("RoleDetailList", .role, "RoleName", "RolePolicyList", .inlineRole),
        ]
        for list in lists {
            for detail in InputShape.list(list.key, in: entries, format: format, path: path, items: &items) {
                let fields = detail.mappingEntries ?? []
                let entityName = PolicyView.last(list.name, in: fields)?.scalarText ?? "(unnamed)"
                let attached = PolicyView.last("AttachedManagedPolicies", in: fields)?.sequenceItems?.count
                let entity = PolicyInput.Entity(kind: list.kind, name: entityName, attachedManagedPolicies: attached)
                if let boundary = PolicyView.last("PermissionsBoundary", in: fields)?.mappingEntries,
                   let arn = PolicyView.last("PermissionsBoundaryArn", in: boundary)?.scalarText {
                    boundaries.insert(arn)
                }
                if list.kind == .role, let trust = PolicyView.last("AssumeRolePolicyDocument", in: fields) {
                    items.append(item(trust, path: path, name: "role \(entityName), trust policy", type: .trust,
                                      target: .trust, entity: entity))
                }
                for policy in PolicyView.last(list.inline, in: fields)?.sequenceItems ?? [] {
                    let policyFields = policy.mappingEntries ?? []
                    guard let document = PolicyView.last("PolicyDocument", in: policyFields) else { continue }
                    let policyName = PolicyView.last("PolicyName", in: policyFields)?.scalarText ?? "(unnamed)"
                    items.append(item(document, path: path, name: "\(list.kind.rawValue) \(entityName), inline policy \(policyName)",
                                      type: .identity, target: list.target, entity: entity))
                }
            }
        }
        for policy in InputShape.list("Policies", in: entries, format: format, path: path, items: &items) {
            let fields = policy.mappingEntries ?? []
            let arn = PolicyView.last("Arn", in: fields)?.scalarText ?? ""
            if arn.contains(":iam::aws:policy/") { continue }
            let policyName = PolicyView.last("PolicyName", in: fields)?.scalarText ?? arn
            let defaultVersion = PolicyView.last("DefaultVersionId", in: fields)?.scalarText
            let versions = PolicyView.last("PolicyVersionList", in: fields)?.sequenceItems ?? []
            let chosen = versions.first { version in
                let versionFields = version.mappingEntries ?? []
                return PolicyView.last("IsDefaultVersion", in: versionFields)?.scalarText == "true"
                    || (defaultVersion != nil && PolicyView.last("VersionId", in: versionFields)?.scalarText == defaultVersion)
            } ?? versions.first
            guard let document = chosen.flatMap({ PolicyView.last("Document", in: $0.mappingEntries ?? []) }) else { continue }
            let isBoundary = boundaries.contains(arn)
            items.append(item(document, path: path, name: "managed policy \(policyName)", type: isBoundary ? .boundary : .identity,
                              target: .managed, entity: nil))
        }
        return items
    }

    private static func item(_ node: SourceNode, path: String, name: String, type: PolicyType, target: SizeTarget,
                             entity: PolicyInput.Entity?) -> LintItem {
        switch EmbeddedDocument.read(node, path: path, name: name) {
        case .document(let document, let embeddedAt):
            return .policy(PolicyInput(path: path, name: name, document: document, type: type, typeSource: .source,
                                       sizeTarget: target, entity: entity, embeddedAt: embeddedAt))
        case .unreadable(let finding):
            return .finding(finding)
        }
    }
}
