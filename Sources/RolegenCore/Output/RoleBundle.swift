/// Everything generated for one persona: the role, its documents, and the files they are written as.
package struct RoleBundle: Sendable {
    package init(
        persona: ResolvedPersona, statements: [ComposedStatement], permissions: PolicyDocument, trust: PolicyDocument?,
        templates: [TemplateUse], managedPolicies: [PolicyDocument], manifestSources: [String],
        attachment: PackagingOptions.Attachment = .managed, boundary: GeneratedPolicy? = nil,
        createdRolesBoundary: GeneratedPolicy? = nil
    ) {
        self.persona = persona
        self.statements = statements
        self.permissions = permissions
        self.trust = trust
        self.templates = templates
        self.managedPolicies = managedPolicies
        self.manifestSources = manifestSources
        self.attachment = attachment
        self.boundary = boundary
        self.createdRolesBoundary = createdRolesBoundary
        self.permissionsJSON = PolicyJSONWriter.render(permissions)
    }

    package var persona: ResolvedPersona
    package var statements: [ComposedStatement]
    package var permissions: PolicyDocument
    package var trust: PolicyDocument?
    /// Template name → (version, path) for the templates the persona used, for the manifest.
    package var templates: [TemplateUse]

    /// The permissions policy as the documents deployed: managed policies that each fit IAM's
    /// quota (one when it fits), or the one inline policy.
    package var managedPolicies: [PolicyDocument]
    /// The persona's source files, relative to the persona file's directory, for the manifest.
    package var manifestSources: [String]
    /// Whether the permissions are attached as managed policies or written inline.
    package var attachment: PackagingOptions.Attachment
    /// The role's own permissions boundary when rolegen generates it.
    package var boundary: GeneratedPolicy?
    /// The boundary generated for the roles the persona may create (`created_roles_boundary`).
    package var createdRolesBoundary: GeneratedPolicy?

    /// The permissions policy as IAM takes it (rendered once, when the bundle is made).
    package let permissionsJSON: String

    package var role: ResolvedRole { persona.role }

    /// The names of the permission policies, in the order of `managedPolicies`: `ROLE-permissions`,
    /// or `ROLE-permissions-1`, `-2`, ... when there are several. Never a date: the same persona
    /// deploys over the same policies.
    package var policyNames: [String] {
        managedPolicies.count == 1 ? ["\(role.name)-permissions"]
            : managedPolicies.indices.map { "\(role.name)-permissions-\($0 + 1)" }
    }

    /// The managed policies rolegen generates beside the permissions: the boundaries.
    package var generatedBoundaries: [(kind: String, policy: GeneratedPolicy)] {
        [boundary.map { (BundleFile.boundaryKind, $0) }, createdRolesBoundary.map { (BundleFile.createdRolesBoundaryKind, $0) }]
            .compactMap { $0 }
    }

    /// The files of the bundle, in the order they are listed in the manifest (the manifest last).
    /// A policy too large for one managed policy becomes `permissions-policy-1.json`, `-2`, ...
    package var files: [BundleFile] {
        var files: [BundleFile] = managedPolicies.count == 1
            ? [BundleFile(name: BundleFile.permissionsName, kind: "permissions-policy", contents: permissionsJSON)]
            : managedPolicies.enumerated().map { index, document in
                BundleFile(name: "permissions-policy-\(index + 1).json", kind: "permissions-policy",
                           contents: PolicyJSONWriter.render(document))
            }
        if let trust {
            files.append(BundleFile(name: BundleFile.trustName, kind: "trust-policy", contents: PolicyJSONWriter.render(trust)))
        }
        for (kind, policy) in generatedBoundaries {
            files.append(BundleFile(name: kind + ".json", kind: kind, contents: PolicyJSONWriter.render(policy.document)))
        }
        files.append(BundleFile(name: BundleFile.manifestName, kind: "manifest", contents: Manifest.render(self, files: files)))
        return files
    }
}

/// A managed policy rolegen generates from another persona's permissions: a permissions boundary.
package struct GeneratedPolicy: Hashable, Sendable {
    package var name: String
    package var path: String
    package var arn: String
    /// The persona whose permissions it holds.
    package var persona: String
    package var document: PolicyDocument

    package init(name: String, path: String, arn: String, persona: String, document: PolicyDocument) {
        self.name = name
        self.path = path
        self.arn = arn
        self.persona = persona
        self.document = document
    }
}

package struct TemplateUse: Hashable, Sendable {
    package var name: String
    package var version: Int
    /// Relative to the persona file's directory.
    package var path: String
}

package struct BundleFile: Hashable, Sendable {
    package static let permissionsName = "permissions-policy.json"
    package static let trustName = "trust-policy.json"
    package static let manifestName = "manifest.json"
    package static let boundaryKind = "permissions-boundary"
    package static let createdRolesBoundaryKind = "created-roles-boundary"

    /// Whether a file name is one rolegen writes into a bundle directory, so that a later run
    /// may remove it when it no longer produces it. Other files there are left alone.
    package static func isOwned(_ name: String) -> Bool {
        if [permissionsName, trustName, manifestName, boundaryKind + ".json", createdRolesBoundaryKind + ".json"].contains(name) {
            return true
        }
        guard name.hasPrefix("permissions-policy-"), name.hasSuffix(".json") else { return false }
        let number = name.dropFirst("permissions-policy-".count).dropLast(".json".count)
        return !number.isEmpty && number.allSatisfy(\.isASCIIDigit)
    }

    package var name: String
    package var kind: String
    package var contents: String
}

/// IAM's size quotas, in characters not counting white space.
package enum IAMQuota {
    package static let managedPolicy = 6_144
    /// Managed policies attached to one role, by default (the quota can be raised to 20).
    package static let attachedPolicies = 10
    /// The most managed policies a role can have attached after a quota increase.
    package static let attachedPoliciesMaximum = 20
    /// All inline policies of one role together.
    package static let inlinePolicies = 10_240
    package static let trustPolicy = 2_048
}
