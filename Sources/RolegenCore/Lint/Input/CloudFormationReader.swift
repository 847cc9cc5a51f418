/// The policies of a CloudFormation template (JSON or YAML): identity policies of
/// `AWS::IAM::Policy`, `ManagedPolicy`, `RolePolicy`/`UserPolicy`/`GroupPolicy` and the inline
/// `Policies` of roles, users and groups; roles' trust policies; resource policies of buckets,
/// keys, queues, topics, repositories and secrets; SCPs and RCPs of `AWS::Organizations::Policy`;
/// permission sets' inline policies.
///
/// Intrinsic functions are resolved as far as a template alone allows: `AWS::Partition` is `aws`
/// and `AWS::URLSuffix` `amazonaws.com` (the commercial partition; templates for others say so in
/// their own ARNs), and every other reference, attribute or function result becomes an IAM-style
/// variable `${unresolved:Name}`, which the rules treat as a value known only at deploy time, as
/// they treat policy variables. Nothing a template can contain makes the reader fail.
package enum CloudFormationReader {
    /// A policy property of a resource type, what it is, and what its size counts against.
    private struct PolicyProperty {
        var path: [String]
        var type: PolicyType
        var target: SizeTarget?
        var label: String
    }

    private static let properties: [String: [PolicyProperty]] = [
        "AWS::IAM::Policy": [PolicyProperty(path: ["PolicyDocument"], type: .identity, target: nil, label: "policy")],
        "AWS::IAM::ManagedPolicy": [PolicyProperty(path: ["PolicyDocument"], type: .identity, target: .managed, label: "managed policy")],
        "AWS::IAM::RolePolicy": [PolicyProperty(path: ["PolicyDocument"], type: .identity, target: .inlineRole, label: "inline policy")],
        "AWS::IAM::UserPolicy": [PolicyProperty(path: ["PolicyDocument"], type: .identity, target: .inlineUser, label: "inline policy")],
        "AWS::IAM::GroupPolicy": [PolicyProperty(path: ["PolicyDocument"], type: .identity, target: .inlineGroup, label: "inline policy")],
        "AWS::IAM::Role": [PolicyProperty(path: ["AssumeRolePolicyDocument"], type: .trust, target: .trust, label: "trust policy")],
        "AWS::S3::BucketPolicy": [PolicyProperty(path: ["PolicyDocument"], type: .resource, target: .resource, label: "bucket policy")],
        "AWS::KMS::Key": [PolicyProperty(path: ["KeyPolicy"], type: .resource, target: .resource, label: "key policy")],
        "AWS::SQS::QueuePolicy": [PolicyProperty(path: ["PolicyDocument"], type: .resource, target: .resource, label: "queue policy")],
        "AWS::SNS::TopicPolicy": [PolicyProperty(path: ["PolicyDocument"], type: .resource, target: .resource, label: "topic policy")],
        "AWS::ECR::Repository": [PolicyProperty(path: ["RepositoryPolicyText"], type: .resource, target: .resource, label: "repository policy")],
        "AWS::SecretsManager::ResourcePolicy": [PolicyProperty(path: ["ResourcePolicy"], type: .resource, target: .resource, label: "secret policy")],
        "AWS::SSO::PermissionSet": [PolicyProperty(path: ["InlinePolicy"], type: .identity, target: nil, label: "inline policy")],
    ]

    package static func read(_ root: SourceNode, path: String) -> [LintItem] {
        var items: [LintItem] = []
        let resolver = IntrinsicResolver(parameters: root)
        for resource in InputShape.mapping("Resources", in: root.mappingEntries ?? [], format: "a CloudFormation template", path: path,
                                           items: &items) {
            guard let logicalID = resource.key.scalarText else { continue }
            let fields = resource.value.mappingEntries ?? []
            guard let resourceType = PolicyView.last("Type", in: fields)?.scalarText,
                  let propertiesNode = PolicyView.last("Properties", in: fields) else { continue }
            let suppressions = Self.suppressions(in: PolicyView.last("Metadata", in: fields))
            items += policies(of: resourceType, logicalID, properties: propertiesNode.mappingEntries ?? [], resolver: resolver, path: path)
                .map { item in
                    guard case .policy(var input) = item else { return item }
                    input.suppressions = suppressions
                    return .policy(input)
                }
        }
        return items
    }

    private static func policies(of resourceType: String, _ logicalID: String, properties props: [SourceNode.Entry],
                                 resolver: IntrinsicResolver, path: String) -> [LintItem] {
        var items: [LintItem] = []
        for property in properties[resourceType] ?? [] {
            guard let node = value(at: property.path, in: props) else { continue }
            items.append(item(resolver.resolve(node), path: path, name: "\(resourceType) \(logicalID), \(property.label)",
                              type: property.type, target: property.target, entity: entity(for: resourceType, logicalID, props),
                              resourceKind: resourceKind(resourceType)))
        }
        if ["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"].contains(resourceType) {
            let kind: PolicyInput.Entity.Kind = resourceType == "AWS::IAM::Role" ? .role : resourceType == "AWS::IAM::User" ? .user : .group
            let target: SizeTarget = kind == .role ? .inlineRole : kind == .user ? .inlineUser : .inlineGroup
            let attached = PolicyView.last("ManagedPolicyArns", in: props)?.sequenceItems?.count
            let entity = PolicyInput.Entity(kind: kind, name: logicalID, attachedManagedPolicies: attached)
            for policy in PolicyView.last("Policies", in: props)?.sequenceItems ?? [] {
                let policyFields = policy.mappingEntries ?? []
                guard let document = PolicyView.last("PolicyDocument", in: policyFields) else { continue }
                let name = PolicyView.last("PolicyName", in: policyFields)?.scalarText ?? "(unnamed)"
                items.append(item(resolver.resolve(document), path: path, name: "\(resourceType) \(logicalID), inline policy \(name)",
                                  type: .identity, target: target, entity: entity, resourceKind: nil))
            }
        }
        if resourceType == "AWS::Organizations::Policy", let content = PolicyView.last("Content", in: props) {
            let kind = PolicyView.last("Type", in: props)?.scalarText
            let type: PolicyType = kind == "RESOURCE_CONTROL_POLICY" ? .rcp : .scp
            if kind == nil || kind == "SERVICE_CONTROL_POLICY" || kind == "RESOURCE_CONTROL_POLICY" {
                items.append(item(resolver.resolve(content), path: path, name: "\(resourceType) \(logicalID)",
                                  type: type, target: type == .rcp ? .rcp : .scp, entity: nil, resourceKind: nil))
            }
        }
        return items
    }

    /// `Metadata: {rolegen: {ignore: [{rule: passrole-unscoped, reason: ...}]}}`: findings of
    /// the resource's policies a team accepts, next to the policy, the way cfn-nag reads its own
    /// metadata. An entry without a reason suppresses nothing.
    private static func suppressions(in metadata: SourceNode?) -> [LintSettings.Suppression] {
        guard let rolegen = PolicyView.last("rolegen", in: metadata?.mappingEntries ?? []),
              let ignore = PolicyView.last("ignore", in: rolegen.mappingEntries ?? [])?.sequenceItems else { return [] }
        return ignore.compactMap { entry in
            let fields = entry.mappingEntries ?? []
            guard let rule = PolicyView.last("rule", in: fields)?.scalarText,
                  let reason = PolicyView.last("reason", in: fields)?.scalarText, !reason.trimmed.isEmpty else { return nil }
            return LintSettings.Suppression(rule: rule, statement: PolicyView.last("statement", in: fields)?.scalarText, reason: reason)
        }
    }

    private static func value(at path: [String], in entries: [SourceNode.Entry]) -> SourceNode? {
        var current = entries
        var node: SourceNode?
        for key in path {
            guard let next = PolicyView.last(key, in: current) else { return nil }
            node = next
            current = next.mappingEntries ?? []
        }
        return node
    }

    private static func entity(for type: String, _ logicalID: String, _ props: [SourceNode.Entry]) -> PolicyInput.Entity? {
        switch type {
        case "AWS::IAM::Role": PolicyInput.Entity(kind: .role, name: logicalID,
                                                  attachedManagedPolicies: PolicyView.last("ManagedPolicyArns", in: props)?.sequenceItems?.count)
        case "AWS::IAM::RolePolicy": PolicyView.last("RoleName", in: props)?.scalarText.map { PolicyInput.Entity(kind: .role, name: $0) }
        case "AWS::IAM::UserPolicy": PolicyView.last("UserName", in: props)?.scalarText.map { PolicyInput.Entity(kind: .user, name: $0) }
        case "AWS::IAM::GroupPolicy": PolicyView.last("GroupName", in: props)?.scalarText.map { PolicyInput.Entity(kind: .group, name: $0) }
        default: nil
        }
    }

    private static func resourceKind(_ type: String) -> String? {
        ["AWS::S3::BucketPolicy": "AWS::S3::Bucket", "AWS::KMS::Key": "AWS::KMS::Key", "AWS::SQS::QueuePolicy": "AWS::SQS::Queue",
         "AWS::SNS::TopicPolicy": "AWS::SNS::Topic", "AWS::ECR::Repository": "AWS::ECR::Repository",
         "AWS::SecretsManager::ResourcePolicy": "AWS::SecretsManager::Secret"][type]
    }

    private static func item(_ node: SourceNode, path: String, name: String, type: PolicyType, target: SizeTarget?,
                             entity: PolicyInput.Entity?, resourceKind: String?) -> LintItem {
        switch EmbeddedDocument.read(node, path: path, name: name) {
        case .document(let document, let embeddedAt):
            return .policy(PolicyInput(path: path, name: name, document: document, type: type, typeSource: .source,
                                       sizeTarget: target, entity: entity, resourceKind: resourceKind, embeddedAt: embeddedAt))
        case .unreadable(let finding):
            return .finding(finding)
        }
    }
}

/// Replaces CloudFormation's intrinsic functions in a tree by strings (see `CloudFormationReader`).
package struct IntrinsicResolver: Sendable {
    /// The template's Parameters with a Default, used for `Ref` to a parameter.
    private let defaults: [String: String]

    package static let unresolvedPrefix = "${unresolved:"

    package init(parameters template: SourceNode) {
        var defaults: [String: String] = [:]
        for parameter in PolicyView.last("Parameters", in: template.mappingEntries ?? [])?.mappingEntries ?? [] {
            if let name = parameter.key.scalarText,
               let value = PolicyView.last("Default", in: parameter.value.mappingEntries ?? [])?.scalarText {
                defaults[name] = value
            }
        }
        self.defaults = defaults
    }

    package func resolve(_ node: SourceNode) -> SourceNode {
        if let tag = node.tag {
            return SourceNode.scalar(function(tag.dropFirst() == "Ref" ? "Ref" : "Fn::" + tag.dropFirst(), node), plain: false,
                                     at: node.location)
        }
        switch node.content {
        case .scalar:
            return node
        case .sequence(let items):
            return SourceNode(.sequence(items.map(resolve)), at: node.location)
        case .mapping(let entries):
            if entries.count == 1, let key = entries[0].key.scalarText, key == "Ref" || key.hasPrefix("Fn::") {
                return SourceNode.scalar(function(key, entries[0].value), plain: false, at: node.location)
            }
            return SourceNode(.mapping(entries.map { SourceNode.Entry(key: $0.key, value: resolve($0.value)) }), at: node.location)
        }
    }

    /// The string an intrinsic function stands for.
    private func function(_ name: String, _ argument: SourceNode) -> String {
        switch name {
        case "Ref":
            return reference(argument.scalarText ?? "")
        case "Fn::Sub":
            if let text = argument.scalarText { return substitute(text, variables: [:]) }
            let items = argument.sequenceItems ?? []
            guard let text = items.first?.scalarText else { return unresolved("Fn::Sub") }
            var variables: [String: String] = [:]
            for entry in items.dropFirst().first?.mappingEntries ?? [] {
                if let key = entry.key.scalarText { variables[key] = string(of: entry.value) }
            }
            return substitute(text, variables: variables)
        case "Fn::Join":
            let items = argument.sequenceItems ?? []
            guard items.count == 2, let delimiter = items[0].scalarText, let parts = items[1].sequenceItems else {
                return unresolved("Fn::Join")
            }
            return parts.map(string(of:)).joined(separator: delimiter)
        case "Fn::GetAtt":
            let target = argument.scalarText ?? (argument.sequenceItems ?? []).compactMap(\.scalarText).joined(separator: ".")
            return unresolved(target.isEmpty ? "Fn::GetAtt" : target)
        default:
            return unresolved(name)
        }
    }

    private func string(of node: SourceNode) -> String {
        resolve(node).scalarText ?? unresolved("value")
    }

    private func reference(_ name: String) -> String {
        switch name {
        case "AWS::Partition": return "aws"
        case "AWS::URLSuffix": return "amazonaws.com"
        case "AWS::NoValue": return ""
        default: return defaults[name] ?? unresolved(name)
        }
    }

    /// `Fn::Sub`'s `${Name}` and `${Name.Attribute}`; `${!Literal}` is the literal `${Literal}`,
    /// and IAM policy variables (`${aws:username}`) are left as written.
    private func substitute(_ text: String, variables: [String: String]) -> String {
        var result = ""
        var rest = Substring(text)
        while let start = rest.firstRange(of: "${") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                result += rest[start.lowerBound...]
                return result
            }
            let name = String(rest[start.upperBound..<end])
            if name.hasPrefix("!") {
                result += "${" + name.dropFirst() + "}"
            } else if name.contains(":") && !name.contains("::") {
                result += "${" + name + "}"
            } else if let value = variables[name] {
                result += value
            } else if name.contains(".") {
                result += unresolved(name)
            } else {
                result += reference(name)
            }
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }

    private func unresolved(_ name: String) -> String {
        Self.unresolvedPrefix + name + "}"
    }
}
