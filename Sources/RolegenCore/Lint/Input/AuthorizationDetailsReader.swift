/// `aws iam get-account-authorization-details` output: every user, group and role with their
/// inline policies, attached managed policies and trust policies, and every managed policy.
/// Each inline policy is linted as an inline policy of its entity (for the aggregate size and
/// attachment checks), each role's trust policy as a trust policy, each customer managed policy's
/// default version as a managed policy (a boundary when some entity uses it as one). AWS managed
/// policies are left out: they are AWS's to fix, and a dump lists hundreds.
package enum AuthorizationDetailsReader {
    private static let format = "`get-account-authorization-details` output"

    private struct EntityList {
        var key: String
        var kind: PolicyInput.Entity.Kind
        var name: String
        var inline: String
        var target: SizeTarget
    }

    private static let entityLists = [
        EntityList(key: "UserDetailList", kind: .user, name: "UserName", inline: "UserPolicyList", target: .inlineUser),
        EntityList(key: "GroupDetailList", kind: .group, name: "GroupName", inline: "GroupPolicyList", target: .inlineGroup),
        EntityList(key: "RoleDetailList", kind: .role, name: "RoleName", inline: "RolePolicyList", target: .inlineRole),
    ]

    /// The lists of users, groups and roles: a reader may hand their elements over one at a time
    /// (`entity`) and the rest of the document afterwards (`rest`).
    package static let entityListKeys: Set<String> = Set(entityLists.map(\.key))

    package static func read(_ root: SourceNode, path: String) -> [LintItem] {
        var items: [LintItem] = []
        var boundaries: Set<String> = []
        let entries = root.mappingEntries ?? []
        for list in entityLists {
            for detail in InputShape.list(list.key, in: entries, format: format, path: path, items: &items) {
                items += entity(detail, list: list, path: path, boundaries: &boundaries)
            }
        }
        return items + managedPolicies(entries, path: path, boundaries: boundaries)
    }

    /// The items of one element of the list `key` (a user, group or role); the ARN of its
    /// permissions boundary goes to `boundaries`.
    package static func entity(_ detail: SourceNode, list key: String, path: String, boundaries: inout Set<String>) -> [LintItem] {
        guard let list = entityLists.first(where: { $0.key == key }) else { return [] }
        return entity(detail, list: list, path: path, boundaries: &boundaries)
    }

    /// What the document holds besides the entity lists' elements, once those were handed over:
    /// the lists' shape problems and the customer managed policies (typed as boundaries by
    /// `boundaries`).
    package static func rest(_ root: SourceNode, path: String, boundaries: Set<String>) -> [LintItem] {
        var items: [LintItem] = []
        let entries = root.mappingEntries ?? []
        for list in entityLists {
            _ = InputShape.list(list.key, in: entries, format: format, path: path, items: &items)
        }
        return items + managedPolicies(entries, path: path, boundaries: boundaries)
    }

    private static func entity(_ detail: SourceNode, list: EntityList, path: String, boundaries: inout Set<String>) -> [LintItem] {
        var items: [LintItem] = []
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
        return items
    }

    private static func managedPolicies(_ entries: [SourceNode.Entry], path: String, boundaries: Set<String>) -> [LintItem] {
        var items: [LintItem] = []
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
