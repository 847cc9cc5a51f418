/// One side of a diff: the identity policies it stands for, and notes the report must carry
/// (policies a dump lacks, generated files).
package struct DiffInput: Sendable {
    package var name: String
    package var policies: [EvaluationPolicy]
    package var notes: [String]
}

/// Reads a diff side from a file: a policy (JSON or YAML), `aws iam get-policy-version` output,
/// a rolegen persona (generated first; its identity policies are one set), or one role of an
/// `aws iam get-account-authorization-details` dump (`--role`). Input errors go to the sink with
/// file:line:column; nil then.
package struct DiffInputLoader {
    package let fileSystem: any FileSystem
    package let catalog: Catalog
    package let valuesFiles: [String]
    package let role: String?

    package static let maxFileBytes = 256 << 20

    package init(fileSystem: any FileSystem, catalog: Catalog, valuesFiles: [String] = [], role: String? = nil) {
        self.fileSystem = fileSystem
        self.catalog = catalog
        self.valuesFiles = valuesFiles
        self.role = role
    }

    package func load(_ path: String, sink: DiagnosticSink) -> DiffInput? {
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.readFile(path, limit: Self.maxFileBytes)
        } catch {
            let id: DiagnosticID = error.reason == .notFound ? .fileNotFound : .fileUnreadable
            sink.error(id, "cannot read \(path): \(error.reasonText)", at: SourceLocation(path: path))
            return nil
        }
        let isYAML = path.hasSuffix(".yaml") || path.hasSuffix(".yml")
        let root: SourceNode
        if isYAML {
            guard let parsed = YAMLReader.parse(String(decoding: bytes, as: UTF8.self), path: path, into: sink) else { return nil }
            root = parsed
        } else {
            switch JSONReader.parse(bytes, path: path) {
            case .success(let parsed): root = parsed
            case .failure(let failure):
                sink.error(.diffInput, "not valid JSON: \(failure.message)", at: failure.location)
                return nil
            }
        }
        switch LintFileFormat.detect(root, isYAML: isYAML) {
        case .policy:
            return policy(root, name: path, fromYAML: isYAML, sink: sink).map { DiffInput(name: path, policies: [$0], notes: []) }
        case .policyVersion:
            guard let version = PolicyView.last("PolicyVersion", in: root.mappingEntries ?? []),
                  let document = PolicyView.last("Document", in: version.mappingEntries ?? []) else {
                sink.error(.diffInput, "get-policy-version output without PolicyVersion.Document", at: root.location)
                return nil
            }
            return embedded(document, path: path, name: path, sink: sink).map { DiffInput(name: path, policies: [$0], notes: []) }
        case .authorizationDetails:
            return roleFromDump(root, path: path, sink: sink)
        case .persona:
            return persona(path, sink: sink)
        default:
            sink.error(.diffInput, "expected a policy document, `aws iam get-policy-version` output, an account authorization dump "
                       + "(with --role NAME) or a rolegen persona", at: root.location)
            return nil
        }
    }

    /// Why a file found in a directory is not compared (nil: it is): not a document rolegen
    /// reads, or a trust or resource policy (one naming a Principal). Unreadable files are
    /// compared, so that their errors are reported.
    package func skipReason(_ path: String) -> String? {
        guard let bytes = try? fileSystem.readFile(path, limit: Self.maxFileBytes) else { return nil }
        let isYAML = path.hasSuffix(".yaml") || path.hasSuffix(".yml")
        let root: SourceNode?
        if isYAML {
            root = YAMLReader.parse(String(decoding: bytes, as: UTF8.self), path: path, into: DiagnosticSink())
        } else {
            root = try? JSONReader.parse(bytes, path: path).get()
        }
        guard let root else { return nil }
        switch LintFileFormat.detect(root, isYAML: isYAML) {
        case .policy:
            let view = PolicyView(root)
            return view.statements.contains { $0.principal != nil || $0.notPrincipal != nil } ? "a trust or resource policy" : nil
        case .policyVersion, .persona:
            return nil
        case .authorizationDetails:
            return role == nil ? "an account authorization dump (give --role)" : nil
        default:
            return "not a policy"
        }
    }

    // MARK: Policies

    /// A document IAM would store as an identity policy; otherwise IAM's answer at its place.
    private func policy(_ root: SourceNode, name: String, fromYAML: Bool = false, sink: DiagnosticSink) -> EvaluationPolicy? {
        if let rejection = IAMValidator(profile: .identity).validate(root, fromYAML: fromYAML) {
            sink.error(.policyRejected, "IAM rejects this identity policy: \(rejection.message)", at: rejection.location)
            return nil
        }
        return EvaluationPolicy(root, name: name)
    }

    private func embedded(_ node: SourceNode, path: String, name: String, sink: DiagnosticSink) -> EvaluationPolicy? {
        switch EmbeddedDocument.read(node, path: path, name: name) {
        case .document(let document, _):
            return policy(document, name: name, sink: sink)
        case .unreadable(let finding):
            sink.error(.diffInput, finding.message, at: finding.location)
            return nil
        }
    }

    // MARK: Personas

    /// A persona's generated permissions policies, read as `simulate` reads them. Its generated
    /// boundary is left out: the diff compares identity policies.
    private func persona(_ path: String, sink: DiagnosticSink) -> DiffInput? {
        guard let loaded = PolicyFileLoader(fileSystem: fileSystem, catalog: catalog, valuesFiles: valuesFiles).persona(path, sink: sink) else {
            return nil
        }
        return DiffInput(name: path, policies: loaded.policies,
                         notes: ["\(path) is a persona: its generated identity policies are compared as one set"])
    }

    // MARK: Account authorization dumps

    private func roleFromDump(_ root: SourceNode, path: String, sink: DiagnosticSink) -> DiffInput? {
        let entries = root.mappingEntries ?? []
        let roles = PolicyView.last("RoleDetailList", in: entries)?.sequenceItems ?? []
        let names = roles.compactMap { PolicyView.last("RoleName", in: $0.mappingEntries ?? [])?.scalarText }
        guard let role else {
            sink.error(.diffRoleUnknown, "\(path) is an account authorization dump: choose a role with --role NAME"
                       + (names.isEmpty ? "" : " (roles: \(names.sorted().prefix(10).joined(separator: ", "))\(names.count > 10 ? ", …" : ""))"),
                       at: SourceLocation(path: path))
            return nil
        }
        guard let detail = roles.first(where: { PolicyView.last("RoleName", in: $0.mappingEntries ?? [])?.scalarText == role }) else {
            sink.error(.diffRoleUnknown, "no role '\(role)' in \(path)\(Suggestions.didYouMean(role, in: names))", at: SourceLocation(path: path))
            return nil
        }
        let fields = detail.mappingEntries ?? []
        var policies: [EvaluationPolicy] = []
        var notes: [String] = []
        var failed = false
        for inline in PolicyView.last("RolePolicyList", in: fields)?.sequenceItems ?? [] {
            let inlineFields = inline.mappingEntries ?? []
            guard let document = PolicyView.last("PolicyDocument", in: inlineFields) else { continue }
            let name = "role \(role), inline policy \(PolicyView.last("PolicyName", in: inlineFields)?.scalarText ?? "(unnamed)")"
            if let policy = embedded(document, path: path, name: name, sink: sink) { policies.append(policy) } else { failed = true }
        }
        let managed = Dictionary((PolicyView.last("Policies", in: entries)?.sequenceItems ?? []).compactMap { policy -> (String, SourceNode)? in
            guard let arn = PolicyView.last("Arn", in: policy.mappingEntries ?? [])?.scalarText else { return nil }
            return (arn, policy)
        }, uniquingKeysWith: { first, _ in first })
        var leftOut: [String] = []
        for attached in PolicyView.last("AttachedManagedPolicies", in: fields)?.sequenceItems ?? [] {
            guard let arn = PolicyView.last("PolicyArn", in: attached.mappingEntries ?? [])?.scalarText else { continue }
            guard let policy = managed[arn], let document = Self.defaultDocument(policy) else {
                leftOut.append(arn)
                continue
            }
            let policyName = PolicyView.last("PolicyName", in: policy.mappingEntries ?? [])?.scalarText ?? arn
            if let parsed = embedded(document, path: path, name: "managed policy \(policyName)", sink: sink) { policies.append(parsed) } else { failed = true }
        }
        if !leftOut.isEmpty {
            notes.append("role \(role) has attached policies the dump does not contain, left out: \(leftOut.sorted().joined(separator: ", ")); "
                         + "the verdict is relative to what the dump contains")
        }
        if PolicyView.last("PermissionsBoundary", in: fields) != nil {
            notes.append("role \(role) has a permissions boundary; the diff compares its identity policies only")
        }
        return failed ? nil : DiffInput(name: "\(path) (role \(role))", policies: policies, notes: notes)
    }

    /// The default version's document of a managed policy entry of a dump.
    private static func defaultDocument(_ policy: SourceNode) -> SourceNode? {
        let fields = policy.mappingEntries ?? []
        let defaultVersion = PolicyView.last("DefaultVersionId", in: fields)?.scalarText
        let versions = PolicyView.last("PolicyVersionList", in: fields)?.sequenceItems ?? []
        let chosen = versions.first { version in
            let versionFields = version.mappingEntries ?? []
            return PolicyView.last("IsDefaultVersion", in: versionFields)?.scalarText == "true"
                || (defaultVersion != nil && PolicyView.last("VersionId", in: versionFields)?.scalarText == defaultVersion)
        }
        return chosen.flatMap { PolicyView.last("Document", in: $0.mappingEntries ?? []) }
    }
}
