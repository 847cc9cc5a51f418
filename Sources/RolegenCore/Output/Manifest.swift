/// `manifest.json`: what a bundle holds and where it came from, so a reviewer or a deploy step
/// can check sizes and digests without re-running rolegen. Deterministic: no dates, no hosts.
package enum Manifest {
    package static let formatVersion = 2

    package static func render(_ bundle: RoleBundle, files: [BundleFile]) -> String {
        let persona = bundle.persona
        var fields: [(String, JSONValue)] = [
            ("manifest_version", .number(formatVersion)),
            ("generator", .string("rolegen \(RolegenVersion.current)")),
            ("persona", .string(persona.name)),
        ]
        if let description = persona.description { fields.append(("description", .string(description))) }
        fields.append(("sources", .array(bundle.manifestSources.map(JSONValue.string))))
        fields.append(("context", .object([
            ("partition", .string(persona.context.partition.text)),
            ("account", .string(persona.context.account.text)),
            ("regions", .array(persona.context.regions.map { .string($0.text) })),
        ])))
        fields.append(("principal", principal(persona.principal)))
        fields.append(("role", role(bundle)))
        fields.append(("capabilities", .array(persona.capabilities.map { use in
            let template = bundle.templates.first { $0.name == use.template.value }
            var entry: [(String, JSONValue)] = [("id", .string(use.identity)), ("template", .string(use.template.value))]
            if let template {
                entry.append(("version", .number(template.version)))
                entry.append(("path", .string(template.path)))
            }
            if let reason = use.reason { entry.append(("reason", .string(reason))) }
            return .object(entry)
        })))
        let included = bundle.templates.filter { template in !persona.capabilities.contains { $0.template.value == template.name } }
        if !included.isEmpty {
            fields.append(("included_templates", .array(included.map {
                .object([("template", .string($0.name)), ("version", .number($0.version)), ("path", .string($0.path))])
            })))
        }
        let guardNames = Set(bundle.statements.flatMap { $0.provenance.flatMap { $0.guards.map(\.name) } })
        fields.append(("guards", .array(guardNames.sorted().map(JSONValue.string))))
        if !persona.tags.isEmpty {
            fields.append(("tags", .object(persona.tags.map { ($0.key.text, .string($0.value.text)) })))
        }
        let policyFiles = files.filter { $0.kind == "permissions-policy" }
        fields.append(("files", .array(files.map { file in
            var entry: [(String, JSONValue)] = [("name", .string(file.name)), ("kind", .string(file.kind))]
            if let index = policyFiles.firstIndex(of: file), index < bundle.policyNames.count {
                entry.append(("policy_name", .string(bundle.policyNames[index])))
                entry.append(("attachment", .string(bundle.attachment.rawValue)))
            } else if let boundary = bundle.generatedBoundaries.first(where: { $0.kind == file.kind }) {
                entry.append(("policy_name", .string(boundary.policy.name)))
                entry.append(("from_persona", .string(boundary.policy.persona)))
            }
            entry.append(("bytes", .number(file.contents.utf8.count)))
            entry.append(("iam_characters", .number(PolicyJSONWriter.quotaSize(of: file.contents))))
            if let quota = quota(of: file.kind, attachment: bundle.attachment) { entry.append(("iam_quota", .number(quota))) }
            entry.append(("sha256", .string(SHA256.hex(of: Array(file.contents.utf8)))))
            return .object(entry)
        })))
        return JSONValue.object(fields).rendered()
    }

    package static func quota(of kind: String, attachment: PackagingOptions.Attachment = .managed) -> Int? {
        switch kind {
        case "permissions-policy": attachment == .inline ? IAMQuota.inlinePolicies : IAMQuota.managedPolicy
        case "trust-policy": IAMQuota.trustPolicy
        case BundleFile.boundaryKind, BundleFile.createdRolesBoundaryKind: IAMQuota.managedPolicy
        default: nil
        }
    }

    private static func role(_ bundle: RoleBundle) -> JSONValue {
        let role = bundle.role
        let context = bundle.persona.context
        guard bundle.trust != nil else {
            // IAM Identity Center creates and names the role of a permission set.
            return .object([
                ("attachment", .string(bundle.attachment.rawValue)),
                ("policies", .array(bundle.policyNames.map(JSONValue.string))),
            ])
        }
        var fields: [(String, JSONValue)] = [
            ("name", .string(role.name)), ("path", .string(role.path)),
            ("arn", .string("arn:\(context.partition.text):iam::\(context.account.text):role\(role.path)\(role.name)")),
            ("max_session_duration", .number(role.maxSessionDuration)),
            ("attachment", .string(bundle.attachment.rawValue)),
            ("policies", .array(bundle.policyNames.map(JSONValue.string))),
        ]
        if let boundary = role.permissionsBoundary { fields.append(("permissions_boundary", .string(boundary.arn))) }
        if let boundary = role.createdRolesBoundary { fields.append(("created_roles_boundary", .string(boundary.arn))) }
        return .object(fields)
    }

    private static func principal(_ principal: ResolvedPrincipal) -> JSONValue {
        switch principal {
        case .service(let services):
            .object([("kind", .string("service")), ("services", .array(services.map { .string($0.text) }))])
        case .saml(let provider):
            .object([("kind", .string("human")), ("federation", .string("saml")), ("saml_provider", .string(provider.text))])
        case .identityCenter:
            .object([
                ("kind", .string("human")), ("federation", .string("identity-center")),
                ("note", .string("deploy the permissions policy as an inline policy of an IAM Identity Center permission set; "
                    + "AWS writes the trust policy")),
            ])
        case .oidc(let provider, let host, let audiences, let subjects):
            .object([
                ("kind", .string("ci")), ("oidc_provider", .string(provider.text)), ("host", .string(host)),
                ("audiences", .array(audiences.map { .string($0.text) })), ("subjects", .array(subjects.map { .string($0.text) })),
            ])
        case .crossAccount(let principals, _):
            // The external id is a shared secret: the manifest says there is one, not what it is.
            .object([
                ("kind", .string("cross-account")), ("principals", .array(principals.map { .string($0.text) })),
                ("external_id", .string("required")),
            ])
        }
    }
}

/// The version of rolegen, recorded in manifests.
package enum RolegenVersion {
    package static let current = "0.1.0"
}
