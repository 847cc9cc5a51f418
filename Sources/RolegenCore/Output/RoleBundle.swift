/// Everything generated for one persona: the documents, and the files they are written as.
package struct RoleBundle: Sendable {
    package var persona: ResolvedPersona
    package var statements: [ComposedStatement]
    package var permissions: PolicyDocument
    package var trust: PolicyDocument?
    /// Template name → (version, path) for the templates the persona used, for the manifest.
    package var templates: [TemplateUse]

    /// The permissions policy as IAM takes it.
    package var permissionsJSON: String { PolicyJSONWriter.render(permissions) }

    /// The files of the bundle, in the order they are listed in the manifest (the manifest last).
    package var files: [BundleFile] {
        var files = [BundleFile(name: BundleFile.permissionsName, kind: "permissions-policy", contents: permissionsJSON)]
        if let trust {
            files.append(BundleFile(name: BundleFile.trustName, kind: "trust-policy", contents: PolicyJSONWriter.render(trust)))
        }
        files.append(BundleFile(name: BundleFile.manifestName, kind: "manifest", contents: Manifest.render(self, files: files)))
        return files
    }
}

package struct TemplateUse: Hashable, Sendable {
    package var name: String
    package var version: Int
    package var path: String
}

package struct BundleFile: Hashable, Sendable {
    package static let permissionsName = "permissions-policy.json"
    package static let trustName = "trust-policy.json"
    package static let manifestName = "manifest.json"

    package var name: String
    package var kind: String
    package var contents: String
}

/// IAM's size quotas, in characters not counting white space.
package enum IAMQuota {
    package static let managedPolicy = 6_144
    /// All inline policies of one role together.
    package static let inlinePolicies = 10_240
    package static let trustPolicy = 2_048
}
