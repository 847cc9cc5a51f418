/// The policies of a Terraform plan in JSON (`terraform show -json plan.out`): the planned
/// values of `aws_iam_policy`, `aws_iam_role` (trust and inline policies),
/// `aws_iam_{role,user,group}_policy`, bucket, key, queue, topic, repository and secret
/// policies, and `aws_organizations_policy` SCPs and RCPs, in the root module and every child
/// module. A policy Terraform only knows after apply (`null` in the plan) cannot be checked and
/// is left out; data sources are left out because their JSON reaches the resources that use it.
package enum TerraformPlanReader {
    private static let attributes: [String: [(attribute: String, type: PolicyType, target: SizeTarget?, label: String)]] = [
        "aws_iam_policy": [("policy", .identity, .managed, "policy")],
        "aws_iam_role": [("assume_role_policy", .trust, .trust, "trust policy")],
        "aws_iam_role_policy": [("policy", .identity, .inlineRole, "inline policy")],
        "aws_iam_user_policy": [("policy", .identity, .inlineUser, "inline policy")],
        "aws_iam_group_policy": [("policy", .identity, .inlineGroup, "inline policy")],
        "aws_s3_bucket_policy": [("policy", .resource, .resource, "bucket policy")],
        "aws_kms_key": [("policy", .resource, .resource, "key policy")],
        "aws_sqs_queue_policy": [("policy", .resource, .resource, "queue policy")],
        "aws_sns_topic_policy": [("policy", .resource, .resource, "topic policy")],
        "aws_ecr_repository_policy": [("policy", .resource, .resource, "repository policy")],
        "aws_secretsmanager_secret_policy": [("policy", .resource, .resource, "secret policy")],
        "aws_ssoadmin_permission_set_inline_policy": [("inline_policy", .identity, nil, "inline policy")],
    ]

    private static let format = "a Terraform plan"

    package static func read(_ root: SourceNode, path: String) -> [LintItem] {
        var items: [LintItem] = []
        let planned = PolicyView.last("planned_values", in: root.mappingEntries ?? [])
        var modules = [PolicyView.last("root_module", in: planned?.mappingEntries ?? [])].compactMap { $0 }
        while let module = modules.popLast() {
            let fields = module.mappingEntries ?? []
            modules += InputShape.list("child_modules", in: fields, format: format, path: path, items: &items)
            for resource in InputShape.list("resources", in: fields, format: format, path: path, items: &items) {
                items += self.items(of: resource, path: path)
            }
        }
        return items
    }

    private static func items(of resource: SourceNode, path: String) -> [LintItem] {
        let fields = resource.mappingEntries ?? []
        guard PolicyView.last("mode", in: fields)?.scalarText != "data",
              let type = PolicyView.last("type", in: fields)?.scalarText,
              let values = PolicyView.last("values", in: fields)?.mappingEntries else { return [] }
        let address = PolicyView.last("address", in: fields)?.scalarText ?? type
        var items: [LintItem] = []
        for attribute in attributes[type] ?? [] {
            guard let node = PolicyView.last(attribute.attribute, in: values), !node.isNull else { continue }
            items.append(item(node, path: path, name: "\(address) (\(attribute.label))", type: attribute.type,
                              target: attribute.target, entity: entity(type, values, address: address)))
        }
        if type == "aws_iam_role" {
            let entity = entity(type, values, address: address)
            for inline in PolicyView.last("inline_policy", in: values)?.sequenceItems ?? [] {
                let inlineFields = inline.mappingEntries ?? []
                guard let policy = PolicyView.last("policy", in: inlineFields), !policy.isNull else { continue }
                let name = PolicyView.last("name", in: inlineFields)?.scalarText ?? "(unnamed)"
                items.append(item(policy, path: path, name: "\(address) (inline policy \(name))", type: .identity,
                                  target: .inlineRole, entity: entity))
            }
        }
        if type == "aws_organizations_policy", let content = PolicyView.last("content", in: values), !content.isNull {
            let kind = PolicyView.last("type", in: values)?.scalarText
            if kind == nil || kind == "SERVICE_CONTROL_POLICY" || kind == "RESOURCE_CONTROL_POLICY" {
                let policyType: PolicyType = kind == "RESOURCE_CONTROL_POLICY" ? .rcp : .scp
                items.append(item(content, path: path, name: "\(address)", type: policyType, target: policyType == .rcp ? .rcp : .scp,
                                  entity: nil))
            }
        }
        return items
    }

    private static func entity(_ type: String, _ values: [SourceNode.Entry], address: String) -> PolicyInput.Entity? {
        switch type {
        case "aws_iam_role":
            let attached = PolicyView.last("managed_policy_arns", in: values)?.sequenceItems?.count
            return PolicyInput.Entity(kind: .role, name: PolicyView.last("name", in: values)?.scalarText ?? address,
                                      attachedManagedPolicies: attached)
        case "aws_iam_role_policy": return PolicyView.last("role", in: values)?.scalarText.map { PolicyInput.Entity(kind: .role, name: $0) }
        case "aws_iam_user_policy": return PolicyView.last("user", in: values)?.scalarText.map { PolicyInput.Entity(kind: .user, name: $0) }
        case "aws_iam_group_policy": return PolicyView.last("group", in: values)?.scalarText.map { PolicyInput.Entity(kind: .group, name: $0) }
        default: return nil
        }
    }

    private static func item(_ node: SourceNode, path: String, name: String, type: PolicyType, target: SizeTarget?,
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
