/// Reads the policies `simulate` evaluates: policy documents (JSON or YAML), `aws iam
/// get-policy-version` output, and personas (generated exactly as `lint` generates them; their
/// permissions policies are the identity policies).
package struct PolicyFileLoader {
    package let fileSystem: any FileSystem
    /// Needed only for personas.
    package let catalog: Catalog?
    package let valuesFiles: [String]

    package init(fileSystem: any FileSystem, catalog: Catalog?, valuesFiles: [String] = []) {
        self.fileSystem = fileSystem
        self.catalog = catalog
        self.valuesFiles = valuesFiles
    }

    /// What one file contributes.
    package struct Loaded: Sendable {
        package var policies: [EvaluationPolicy]
        /// A persona's own permissions boundary, when rolegen generates it (`role: permissions_boundary: PERSONA`).
        package var boundary: EvaluationPolicy?
        /// The generated bundle, for a persona.
        package var bundle: RoleBundle?
    }

    /// A file's tree: `.json` files are read as strict JSON, others as YAML; nil after reporting.
    package func tree(_ path: String, limits: Limits = .standard, sink: DiagnosticSink) -> (root: SourceNode, isJSON: Bool)? {
        let loader = YAMLFileLoader(fileSystem: fileSystem, limits: limits)
        guard path.lowercased().hasSuffix(".json") else { return loader.load(path, sink: sink).map { ($0, false) } }
        guard let text = loader.readText(path, sink: sink) else { return nil }
        switch JSONReader.parse(text, path: path) {
        case .success(let node): return (node, true)
        case .failure(let failure):
            sink.error(.jsonSyntax, "not valid JSON: \(failure.message)", at: failure.location)
            return nil
        }
    }

    /// The file's policies, or nil after reporting why it cannot be read. Policy documents must
    /// be ones IAM would store as `profile` (an identity policy, an SCP, ...): evaluating a
    /// policy no account can hold would answer a question nobody can ask.
    package func load(_ path: String, as profile: IAMValidator.Profile = .identity, sink: DiagnosticSink) -> Loaded? {
        guard let (root, isJSON) = tree(path, sink: sink) else { return nil }
        func accepted(_ document: SourceNode) -> Bool {
            guard let rejection = IAMValidator(profile: profile).validate(document, fromYAML: !isJSON) else { return true }
            sink.error(.policyRejected, "IAM rejects this \(profile.title): \(rejection.message)", at: rejection.location)
            return false
        }
        switch LintFileFormat.detect(root, isYAML: !isJSON) {
        case .policy:
            guard accepted(root) else { return nil }
            return Loaded(policies: [EvaluationPolicy(root, name: path)])
        case .policyVersion:
            guard let version = PolicyView.last("PolicyVersion", in: root.mappingEntries ?? []),
                  let document = PolicyView.last("Document", in: version.mappingEntries ?? []) else {
                sink.error(.policyUnrecognized, "get-policy-version output without PolicyVersion.Document", at: root.location)
                return nil
            }
            switch EmbeddedDocument.read(document, path: path, name: nil) {
            case .document(let policy, _):
                guard accepted(policy) else { return nil }
                return Loaded(policies: [EvaluationPolicy(policy, name: path)])
            case .unreadable(let finding):
                sink.error(.policyUnrecognized, finding.message, at: finding.location)
                return nil
            }
        case .persona:
            return persona(path, sink: sink)
        default:
            sink.error(.policyUnrecognized, "not a policy rolegen can evaluate: expected a policy document (Version and Statement), "
                       + "`aws iam get-policy-version` output or a rolegen persona", at: root.location)
            return nil
        }
    }

    /// Generates a persona and reads its permissions policies.
    package func persona(_ path: String, sink: DiagnosticSink) -> Loaded? {
        guard let catalog else {
            sink.error(.catalogInvalid, "personas need the action catalog", at: SourceLocation(path: path))
            return nil
        }
        let loader = YAMLFileLoader(fileSystem: fileSystem)
        let generation = DiagnosticSink()
        let values = ValueSources.load(valuesFiles: valuesFiles, assignments: [], loader: loader, sink: generation)
        let bundle = Generator(fileSystem: fileSystem, catalog: catalog).generate(personaPath: path, values: values, sink: generation)
        for diagnostic in generation.diagnostics where diagnostic.severity == .error { sink.report(diagnostic) }
        guard let bundle, generation.errorCount == 0 else { return nil }
        var policies: [EvaluationPolicy] = []
        var boundary: EvaluationPolicy?
        for file in bundle.files where file.kind == "permissions-policy" || file.kind == BundleFile.boundaryKind {
            guard case .success(let root) = JSONReader.parse(file.contents, path: file.name) else { continue }
            let policy = EvaluationPolicy(root, name: "\(path) (\(file.name))")
            // The role's own generated boundary limits what it can do; a boundary for the roles
            // it creates (created-roles-boundary) is not one of its policies.
            if file.kind == BundleFile.boundaryKind { boundary = policy } else { policies.append(policy) }
        }
        return Loaded(policies: policies, boundary: boundary, bundle: bundle)
    }
}
