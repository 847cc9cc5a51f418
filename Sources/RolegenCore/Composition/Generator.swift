/// The whole pipeline for one persona: load → validate → expand → merge → render.
///
/// Diagnostics are collected, not thrown: one run reports every problem it can find. A bundle
/// comes back only when there was no error.
package final class Generator {
    private let loader: YAMLFileLoader
    private let catalog: Catalog
    private let templateDirectories: [String]
    private var libraries: [[String]: TemplateLibrary] = [:]
    /// Managed or inline, and how many managed policies a role may have.
    package var packaging = PackagingOptions()

    /// - Parameter templateDirectories: searched before the `templates/` directories found by
    ///   walking up from each persona file.
    ///   - catalog: what AWS offers; actions, resources and condition keys are checked against it.
    package init(fileSystem: any FileSystem, catalog: Catalog, templateDirectories: [String] = [], limits: Limits = .standard) {
        self.loader = YAMLFileLoader(fileSystem: fileSystem, limits: limits)
        self.catalog = catalog
        self.templateDirectories = templateDirectories
    }

    package func generate(personaPath: String, values: ValueSources, sink: DiagnosticSink) -> RoleBundle? {
        generate(personaPath: personaPath, values: values, sink: sink, asBoundary: false)
    }

    /// - Parameter asBoundary: the persona is generated for its permissions only, to make another
    ///   role's boundary: its own boundaries are not generated (no chain, no cycle) and its
    ///   permissions are not packaged.
    private func generate(personaPath: String, values: ValueSources, sink: DiagnosticSink, asBoundary: Bool) -> RoleBundle? {
        let before = sink.errorCount
        guard let (persona, composed) = compose(personaPath: personaPath, values: values, sink: sink) else { return nil }
        let library = library(for: personaPath)
        let statements = StatementMerger.merge(composed)
        PolicySafety.check(statements, partition: persona.context.partition.text, sink: sink)
        if statements.isEmpty {
            sink.error(.policyEmpty, "persona '\(persona.name)' grants nothing: it uses no capability", at: persona.location)
        }
        guard sink.errorCount == before else { return nil }

        // The manifest names files relative to the persona's directory: the same bytes whatever
        // directory rolegen runs from and however the paths were typed.
        let base = parentDirectory(of: personaPath)
        let relative = { (path: String) in relativePath(of: path, from: base, fileSystem: self.loader.fileSystem) }
        var used: [TemplateUse] = []
        for name in Set(statements.flatMap { $0.provenance.flatMap { [$0.template].compactMap { $0 } + $0.includeChain } }).sorted() {
            if case .template(let template)? = library.entry(named: name, sink: sink) {
                used.append(TemplateUse(name: name, version: template.version, path: relative(template.path)))
            }
        }
        let permissions = PolicyDocument(statements: statements.map(\.statement))
        if asBoundary {
            return RoleBundle(persona: persona, statements: statements, permissions: permissions, trust: nil, templates: used,
                              managedPolicies: [permissions], manifestSources: [])
        }
        var packed: [PolicyDocument] = [permissions]
        switch PolicyPackager.package(permissions, options: packaging) {
        case .success(let documents): packed = documents
        case .failure(let reason):
            sink.error(.policyTooLarge, "persona '\(persona.name)' does not fit IAM's quotas: \(reason.message)", at: persona.location)
        }
        let makeBoundary = { (reference: BoundaryReference) in
            self.generateBoundary(reference, rolePath: persona.role.path, values: values, sink: sink)
        }
        let boundary = persona.role.permissionsBoundary.flatMap(makeBoundary)
        let createdRolesBoundary = persona.role.createdRolesBoundary.flatMap(makeBoundary)
        guard sink.errorCount == before else { return nil }
        let bundle = RoleBundle(
            persona: persona, statements: statements, permissions: permissions, trust: TrustPolicyBuilder.build(for: persona),
            templates: used, managedPolicies: packed, manifestSources: persona.sources.map(relative), attachment: packaging.attachment,
            boundary: boundary, createdRolesBoundary: createdRolesBoundary)
        if let boundary, case .generated(_, _, _, _, let location)? = persona.role.permissionsBoundary {
            BoundaryCheck.warnIfRestrictive(permissions: permissions, boundary: boundary, at: location, sink: sink)
        }
        checkQuotas(bundle, sink: sink)
        return bundle
    }

    /// The persona and its templates' statements as expanded, before they are merged, sorted
    /// and split (the property tests compare the two).
    package func compose(personaPath: String, values: ValueSources, sink: DiagnosticSink) -> (ResolvedPersona, [ComposedStatement])? {
        let resolver = PersonaResolver(loader: loader, sink: sink,
                                       personaSearchPaths: Self.discover("personas", from: personaPath, fileSystem: loader.fileSystem))
        guard let persona = resolver.resolve(path: personaPath, sources: values) else { return nil }
        let composer = Composer(library: library(for: personaPath), catalog: catalog, sink: sink, limits: loader.limits)
        guard let composed = composer.compose(persona) else { return nil }
        return (persona, composed)
    }

    /// The boundary as the managed policy rolegen generates from a persona's permissions.
    /// The policy takes the role's path (its ARN was made so by the resolver).
    private func generateBoundary(_ reference: BoundaryReference, rolePath: String, values: ValueSources,
                                  sink: DiagnosticSink) -> GeneratedPolicy? {
        guard case .generated(let name, let path, let policyName, let arn, let location) = reference else { return nil }
        // The other persona's warnings belong to its own run; its errors stop this one.
        let inner = DiagnosticSink()
        let generated = generate(personaPath: path, values: values, sink: inner, asBoundary: true)
        for diagnostic in inner.diagnostics where diagnostic.severity == .error { sink.report(diagnostic) }
        guard let generated, inner.errorCount == 0 else {
            sink.error(.personaUnknown, "the permissions boundary cannot be generated: persona '\(name)' has errors", at: location)
            return nil
        }
        let size = PolicyJSONWriter.quotaSize(of: generated.permissionsJSON)
        if size > IAMQuota.managedPolicy {
            sink.error(.policyTooLarge, "the permissions boundary generated from persona '\(name)' is \(size) characters, "
                       + "\(size - IAMQuota.managedPolicy) more than the \(IAMQuota.managedPolicy) of the one managed policy a boundary is",
                       at: location)
            return nil
        }
        return GeneratedPolicy(name: policyName, path: rolePath, arn: arn, persona: name, document: generated.permissions)
    }

    private func checkQuotas(_ bundle: RoleBundle, sink: DiagnosticSink) {
        let size = PolicyJSONWriter.quotaSize(of: bundle.permissionsJSON)
        let count = bundle.managedPolicies.count
        if size > IAMQuota.managedPolicy && count > 1 {
            let message = "the permissions policy is \(size) characters, more than the \(IAMQuota.managedPolicy) of one managed "
                + "policy: the bundle (--output) holds it as \(count) managed policies that together grant the same"
            sink.warning(.policyTooLarge, message, at: bundle.persona.location)
        }
        if let trust = bundle.trust {
            let trustSize = PolicyJSONWriter.quotaSize(of: PolicyJSONWriter.render(trust))
            if trustSize > IAMQuota.trustPolicy {
                sink.warning(.policyTooLarge, "the trust policy is \(trustSize) characters, \(trustSize - IAMQuota.trustPolicy) over "
                             + "IAM's default \(IAMQuota.trustPolicy) (4096 with a quota increase)", at: bundle.persona.location)
            }
        }
    }

    private func library(for personaPath: String) -> TemplateLibrary {
        var paths = templateDirectories + Self.discover("templates", from: personaPath, fileSystem: loader.fileSystem)
            .filter { !templateDirectories.contains($0) }
        // Last, the library installed with rolegen, so personas anywhere can use the bundled
        // templates; only on the real file system (tests' in-memory files stand alone).
        if loader.fileSystem is LocalFileSystem, let bundled = BundledLibrary.templatesDirectory,
           !paths.contains(where: { loader.fileSystem.canonicalPath($0) == loader.fileSystem.canonicalPath(bundled) }) {
            paths.append(bundled)
        }
        if let existing = libraries[paths] { return existing }
        let library = TemplateLibrary(searchPaths: paths, loader: loader)
        libraries[paths] = library
        return library
    }

    /// Directories named `name` beside the file's directory and each of its ancestors, nearest
    /// first: a project's `templates/` is found from `personas/x.yaml` or `examples/team/x.yaml`.
    package static func discover(_ name: String, from filePath: String, fileSystem: any FileSystem) -> [String] {
        let directory = parentDirectory(of: filePath)
        // How many levels lie above the directory decides how far `..` can climb.
        let absolute = fileSystem.canonicalPath(directory) ?? directory
        let levels = absolute.split(separator: "/").count
        var found: [String] = []
        for up in 0...levels {
            let candidate = normalizePath(directory + String(repeating: "/..", count: up) + "/" + name)
            if fileSystem.kind(of: candidate) == .directory && !found.contains(candidate) { found.append(candidate) }
        }
        return found
    }
}

/// Removes `.` and `name/..` from a path without touching the file system.
package func normalizePath(_ path: String) -> String {
    let absolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
        if part == "." || part.isEmpty { continue }
        if part == "..", let last = parts.last, last != ".." {
            parts.removeLast()
        } else if part == ".." && absolute {
            continue
        } else {
            parts.append(part)
        }
    }
    let joined = parts.joined(separator: "/")
    if absolute { return "/" + joined }
    return joined.isEmpty ? "." : joined
}
