/// Turns a persona file into a `ResolvedPersona`: follows `extends`, merges the chain, applies
/// values files and `--set`, resolves every `${value}`, and checks the context and principal.
///
/// Precedence of values, highest first: `--set`, then `--values` files (the last one given
/// wins), then the persona's own `values:`, then the `values:` of the personas it extends.
package struct PersonaResolver {
    package let loader: YAMLFileLoader
    package let sink: DiagnosticSink
    /// Directories searched for personas named by `extends`, after the extending file's own.
    package let personaSearchPaths: [String]

    package static let contextValueNames = ["partition", "account", "region", "regions"]
    /// `${created_roles_boundary}`: the ARN of the boundary generated for the roles a persona creates.
    package static let createdRolesBoundaryName = "created_roles_boundary"

    package init(loader: YAMLFileLoader, sink: DiagnosticSink, personaSearchPaths: [String] = []) {
        self.loader = loader
        self.sink = sink
        self.personaSearchPaths = personaSearchPaths
    }

    package func resolve(path: String, sources: ValueSources) -> ResolvedPersona? {
        guard let chain = loadChain(path) else { return nil }
        let merged = merge(chain)
        let before = sink.errorCount
        let (values, declared) = resolveValues(merged, sources: sources)
        let external = Set((sources.files.flatMap(\.entries) + sources.overrides).map(\.name.value))
        guard let context = resolveContext(merged, values: values, declared: declared, external: external) else { return nil }
        checkAgreement(of: values, with: context)
        // `${account}` and friends mean the context everywhere, as they do in templates.
        var scope = values
        for (name, value) in context.builtins { scope[name] = value }
        let principal = resolvePrincipal(merged, scope: scope, context: context)
        let tags = resolveTags(merged, scope: scope)
        let role = resolveRole(merged, scope: scope, context: context)
        if let boundary = role?.createdRolesBoundary {
            // What the persona's capabilities name the boundary by.
            scope[Self.createdRolesBoundaryName] = .scalar(BoundScalar(boundary.arn, origin: merged.createdRolesBoundary!.location))
        }
        guard sink.errorCount == before, let principal, let role else { return nil }
        return ResolvedPersona(
            name: merged.name.value, description: merged.description?.value.trimmed, path: merged.path,
            location: merged.location, sources: chain.map(\.path), context: context, values: scope,
            principal: principal, capabilities: merged.capabilities, guards: merged.guards, deny: merged.deny, tags: tags,
            role: role)
    }

    // MARK: - extends

    /// The persona and its ancestors, the persona first.
    private func loadChain(_ path: String) -> [PersonaDocument]? {
        var chain: [PersonaDocument] = []
        var currentPath = path
        var extendsLocation: SourceLocation?
        while true {
            if let looping = chain.firstIndex(where: { $0.path == currentPath }) {
                let cycle = chain[looping...].map(\.name.value) + [chain[looping].name.value]
                sink.error(.personaExtendsCycle, "persona 'extends' forms a cycle: \(cycle.joined(separator: " → "))",
                           at: extendsLocation)
                return nil
            }
            if chain.count > loader.limits.maxChainDepth {
                sink.error(.personaExtendsCycle, "more than \(loader.limits.maxChainDepth) personas extend one another",
                           at: extendsLocation)
                return nil
            }
            guard let root = loader.load(currentPath, sink: sink),
                  let document = PersonaParser(sink: sink).parse(root, path: currentPath) else { return nil }
            chain.append(document)
            guard let parent = document.extends else { return chain }
            guard let parentPath = locatePersona(parent.value, from: currentPath, at: parent.location) else { return nil }
            currentPath = parentPath
            extendsLocation = parent.location
        }
    }

    private func locatePersona(_ reference: String, from path: String, at location: SourceLocation) -> String? {
        let directory = parentDirectory(of: path)
        if reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml") {
            let candidate = joinPath(directory, reference)
            if loader.fileSystem.kind(of: candidate) == .file { return candidate }
            sink.error(.personaUnknown, "persona file '\(candidate)' does not exist", at: location)
            return nil
        }
        var searched: [String] = []
        var known: [String] = []
        for root in [directory] + personaSearchPaths where !searched.contains(root) {
            searched.append(root)
            for suffix in [".yaml", ".yml"] {
                let candidate = joinPath(root, reference + suffix)
                if loader.fileSystem.kind(of: candidate) == .file { return candidate }
            }
            known += ((try? loader.fileSystem.listDirectory(root)) ?? [])
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { fileStem(of: $0) }
        }
        sink.error(.personaUnknown, "unknown persona '\(reference)'\(Suggestions.didYouMean(reference, in: known))",
                   at: location, notes: [.init("searched \(searched.joined(separator: ", "))")])
        return nil
    }

    /// Applies the chain from the oldest ancestor to the persona, each overriding what came before.
    private func merge(_ chain: [PersonaDocument]) -> PersonaDocument {
        var merged = chain.last!
        for child in chain.dropLast().reversed() {
            merged.name = child.name
            merged.path = child.path
            merged.location = child.location
            merged.extends = child.extends
            if let description = child.description { merged.description = description }
            if let principal = child.principal { merged.principal = principal }
            if let role = child.role { merged.role = role }
            if let boundary = child.createdRolesBoundary { merged.createdRolesBoundary = boundary }
            for (key, node) in child.context {
                // `region` and `regions` are one setting.
                if key == "region" { merged.context["regions"] = nil }
                if key == "regions" { merged.context["region"] = nil }
                merged.context[key] = node
            }
            merged.values = overlay(merged.values, with: child.values, key: \.name.value)
            merged.capabilities = overlay(merged.capabilities, with: child.capabilities, key: \.identity)
            merged.guards = overlay(merged.guards, with: child.guards, key: \.name.value)
            merged.deny = overlay(merged.deny, with: child.deny, key: \.sid.value)
            if let tags = child.tags {
                if case .mapping(let parentEntries)? = merged.tags?.content, case .mapping(let childEntries) = tags.content {
                    let entries = overlay(parentEntries, with: childEntries, key: { $0.key.scalarText ?? "" })
                    merged.tags = SourceNode(.mapping(entries), at: tags.location)
                } else {
                    merged.tags = tags
                }
            }
        }
        return merged
    }

    /// `base` with entries of `override` replacing those of the same key in place, new ones appended.
    private func overlay<Element>(_ base: [Element], with override: [Element], key: (Element) -> String) -> [Element] {
        var result = base
        for element in override {
            if let index = result.firstIndex(where: { key($0) == key(element) }) {
                result[index] = element
            } else {
                result.append(element)
            }
        }
        return result
    }

    // MARK: - values

    /// The resolved values, and the names that have a node (a declaration or a given value).
    private func resolveValues(_ persona: PersonaDocument, sources: ValueSources) -> (Scope, Set<String>) {
        var nodes: [String: NamedNode] = [:]
        var declared: [String] = []
        for value in persona.values {
            nodes[value.name.value] = value
            declared.append(value.name.value)
        }
        let acceptable = declared + Self.contextValueNames
        // One values file commonly serves several personas, so values a persona does not declare
        // are ignored; one that looks like a misspelling of a declared value is not.
        var nearMisses: [(entry: NamedNode, near: String)] = []
        for file in sources.files {
            for entry in file.entries {
                if acceptable.contains(entry.name.value) {
                    nodes[entry.name.value] = entry
                } else if let near = Suggestions.closest(to: entry.name.value, in: acceptable, matchAffixes: false).first {
                    nearMisses.append((entry, near))
                }
            }
        }
        for override in sources.overrides {
            if acceptable.contains(override.name.value) {
                nodes[override.name.value] = override
            } else {
                sink.error(.valueUnknown, "persona '\(persona.name.value)' has no value '\(override.name.value)'"
                           + Suggestions.didYouMean(override.name.value, in: acceptable),
                           at: override.name.location,
                           notes: [.init("its values are \(declared.isEmpty ? "none" : declared.joined(separator: ", ")), "
                                         + "besides \(Self.contextValueNames.joined(separator: ", "))")])
            }
        }

        var resolved = Scope(description: "the values of persona '\(persona.name.value)'")
        var resolving: [String] = []
        let expander = Expander(sink: sink, limits: loader.limits)
        let provided = sources.files.flatMap(\.entries) + sources.overrides

        func resolve(_ name: String, from location: SourceLocation?) -> Bool {
            if resolved[name] != nil { return true }
            guard let entry = nodes[name] else { return false }
            if let start = resolving.firstIndex(of: name) {
                let cycle = resolving[start...] + [name]
                sink.error(.referenceInvalid, "values refer to each other in a cycle: \(cycle.joined(separator: " → "))",
                           at: location)
                return false
            }
            if entry.node.isNull {
                var message = "value '\(name)' is required but was not given; set it in a values file (--values FILE) "
                    + "or with --set \(name)=..."
                let near = Suggestions.closest(to: name, in: provided.map(\.name.value).filter { !acceptable.contains($0) })
                var notes: [Diagnostic.Note] = []
                if let near = near.first, let source = provided.first(where: { $0.name.value == near }) {
                    message += "; did you mean to write '\(name)' where '\(near)' is given?"
                    notes.append(.init("'\(near)' is given here", at: source.name.location))
                }
                sink.error(.valueMissing, message, at: location ?? entry.name.location,
                           notes: location == nil || location == entry.name.location ? notes
                               : notes + [.init("declared here", at: entry.name.location)])
                return false
            }
            resolving.append(name)
            defer { resolving.removeLast() }
            for reference in referencedNames(in: entry.node) where nodes[reference.name] != nil {
                guard resolve(reference.name, from: reference.location) else { return false }
            }
            guard let value = expander.value(of: entry.node, in: resolved, what: "value '\(name)'") else { return false }
            resolved[name] = value
            return true
        }
        for name in nodes.keys.sorted() { _ = resolve(name, from: nil) }
        for (entry, near) in nearMisses where nodes[near]?.node.isNull != true {
            // (A missing value names its near miss in its own error.)
            sink.warning(.valueUnknown, "persona '\(persona.name.value)' has no value '\(entry.name.value)'; "
                         + "did you mean '\(near)'? It is ignored", at: entry.name.location)
        }
        return (resolved, Set(nodes.keys))
    }

    /// The references written anywhere inside `node`.
    private func referencedNames(in node: SourceNode) -> [(name: String, location: SourceLocation)] {
        switch node.content {
        case .scalar:
            guard let text = node.scalarText, text.contains("${"),
                  case .success(let parsed) = Interpolated.parse(text, at: node.location) else { return [] }
            return parsed.references
        case .sequence(let items):
            return items.flatMap(referencedNames)
        case .mapping(let entries):
            return entries.flatMap { referencedNames(in: $0.value) }
        }
    }

    // MARK: - context

    private func resolveContext(
        _ persona: PersonaDocument, values: Scope, declared: Set<String>, external: Set<String>
    ) -> PersonaContext? {
        let expander = Expander(sink: sink, limits: loader.limits)
        var failed = false

        /// The context setting `key`: from `context:`, else from the value of the same name.
        /// `nil` when absent; a missing declared value was already reported, so only a setting
        /// that nothing names is reported here.
        func setting(_ keys: [String], example: String) -> BoundValue? {
            // A value given from outside (values file, --set) overrides the persona's own context,
            // which overrides the persona's own values.
            for key in keys where external.contains(key) {
                if let value = values[key] { return value }
            }
            for key in keys {
                guard let node = persona.context[key] else { continue }
                if node.isNull {
                    sink.error(.contextInvalid, "context '\(key)' is empty", at: node.location)
                    failed = true
                    return nil
                }
                guard let value = expander.value(of: node, in: values, what: "context '\(key)'") else {
                    failed = true
                    return nil
                }
                return value
            }
            for key in keys {
                if let value = values[key] { return value }
            }
            if !keys.contains(where: declared.contains) {
                sink.error(.contextInvalid, "persona '\(persona.name.value)' has no \(keys[0]); set it under 'context:' "
                           + "or give the value (--set \(keys[0])=\(example))", at: persona.location)
            }
            failed = true
            return nil
        }

        func single(_ value: BoundValue, _ key: String, as kind: ScalarKind, _ context: ValidationContext) -> BoundScalar? {
            guard case .scalar(let scalar) = value else {
                sink.error(.contextInvalid, "context '\(key)' must be a single value, found \(value.kindDescription)", at: value.origin)
                failed = true
                return nil
            }
            guard check(scalar, as: kind, context: context) else {
                failed = true
                return nil
            }
            return scalar
        }

        var partition = BoundScalar("aws", origin: persona.location)
        if persona.context["partition"] != nil || values["partition"] != nil || external.contains("partition"),
           let value = setting(["partition"], example: "aws") {
            partition = single(value, "partition", as: .partition, ValidationContext()) ?? partition
        }
        let validation = ValidationContext(partition: partition.text)
        let account = setting(["account"], example: "111122223333").flatMap { single($0, "account", as: .accountID, validation) }
        var regions: [BoundScalar] = []
        if let value = setting(["regions", "region"], example: "us-east-1") {
            let items = value.strings ?? []
            if items.isEmpty {
                sink.error(.contextInvalid, "the persona's region list is empty", at: value.origin)
                failed = true
            }
            for item in items where !regions.contains(where: { $0.text == item.text }) {
                if check(item, as: .region, context: validation) { regions.append(item) } else { failed = true }
            }
        }
        guard !failed, let account else { return nil }
        return PersonaContext(partition: partition, account: account, regions: regions)
    }

    /// A persona whose `values:` say one account or region and whose `context:` says another
    /// would place its templates in one and its own strings (Deny statements, role ARNs) in the
    /// other: refuse it.
    private func checkAgreement(of values: Scope, with context: PersonaContext) {
        func disagree(_ name: String, _ value: BoundValue, _ contextText: String, at contextOrigin: SourceLocation) {
            sink.error(.contextInvalid, "value '\(name)' says \(describe(value)) but the persona's context says \(contextText); "
                       + "remove one or make them agree", at: value.origin, notes: [.init("the context is set here", at: contextOrigin)])
        }
        func describe(_ value: BoundValue) -> String {
            (value.strings ?? []).map { "'\($0.text)'" }.joined(separator: ", ")
        }
        for (name, expected) in [("partition", context.partition), ("account", context.account)] {
            if let value = values[name], value.strings?.map(\.text) != [expected.text], value.origin != expected.origin {
                disagree(name, value, "'\(expected.text)'", at: expected.origin)
            }
        }
        let regions = context.regions.map(\.text)
        for name in ["region", "regions"] {
            if let value = values[name], Set(value.strings?.map(\.text) ?? []) != Set(regions),
               value.origin != context.regions.first?.origin {
                disagree(name, value, regions.map { "'\($0)'" }.joined(separator: ", "), at: context.regions.first?.origin ?? value.origin)
            }
        }
    }

    /// Checks one value of a kind, reporting at the value's origin.
    private func check(_ value: BoundScalar, as kind: ScalarKind, context: ValidationContext) -> Bool {
        switch ValueValidation.check(value.text, as: kind, context: context) {
        case .valid: return true
        case .warning(let message):
            sink.warning(.parameterInvalid, message, at: value.origin)
            return true
        case .invalid(let message):
            sink.error(.parameterInvalid, message, at: value.origin)
            return false
        }
    }

    // MARK: - principal and tags

    private func resolvePrincipal(_ persona: PersonaDocument, scope: Scope, context: PersonaContext) -> ResolvedPrincipal? {
        guard let spec = persona.principal else {
            sink.error(.schemaMissingKey, "persona '\(persona.name.value)' has no 'principal': say who assumes the role "
                       + "(kind: service, or kind: human)", at: persona.location)
            return nil
        }
        let expander = Expander(sink: sink, limits: loader.limits)
        switch spec.kind.value {
        case .service:
            guard let node = spec.services,
                  let value = expander.value(of: node, in: scope, what: "'services'"), let services = value.strings else {
                return nil
            }
            if services.isEmpty {
                sink.error(.principalInvalid, "'services' is empty", at: node.location)
                return nil
            }
            let valid = services.allSatisfy { check($0, as: .servicePrincipal, context: context.validation) }
            return valid ? .service(services) : nil
        case .human:
            if spec.federation?.value == .identityCenter { return .identityCenter }
            guard let node = spec.samlProvider,
                  let value = expander.value(of: node, in: scope, what: "'saml_provider'") else { return nil }
            guard case .scalar(var provider) = value else {
                sink.error(.principalInvalid, "'saml_provider' must be a single value, found \(value.kindDescription)",
                           at: node.location)
                return nil
            }
            if !provider.text.hasPrefix("arn:") {
                provider.text = "arn:\(context.partition.text):iam::\(context.account.text):saml-provider/\(provider.text)"
            }
            return check(provider, as: .samlProviderARN, context: context.validation) ? .saml(provider: provider) : nil
        case .ci:
            return resolveOIDC(spec, expander: expander, scope: scope, context: context)
        case .crossAccount:
            return resolveCrossAccount(spec, expander: expander, scope: scope, context: context)
        }
    }

    private func scalar(_ node: SourceNode?, key: String, expander: Expander, scope: Scope) -> BoundScalar? {
        guard let node, let value = expander.value(of: node, in: scope, what: "'\(key)'") else { return nil }
        guard case .scalar(let scalar) = value else {
            sink.error(.principalInvalid, "'\(key)' must be a single value, found \(value.kindDescription)", at: node.location)
            return nil
        }
        return scalar
    }

    private func strings(_ node: SourceNode?, key: String, expander: Expander, scope: Scope) -> [BoundScalar]? {
        guard let node, let value = expander.value(of: node, in: scope, what: "'\(key)'") else { return nil }
        guard let strings = value.strings else {
            sink.error(.principalInvalid, "'\(key)' must be a list of strings, found \(value.kindDescription)", at: node.location)
            return nil
        }
        if strings.isEmpty {
            sink.error(.principalInvalid, "'\(key)' is empty", at: node.location)
            return nil
        }
        return strings
    }

    private func resolveOIDC(_ spec: PrincipalSpec, expander: Expander, scope: Scope, context: PersonaContext) -> ResolvedPrincipal? {
        guard var provider = scalar(spec.oidcProvider, key: "oidc_provider", expander: expander, scope: scope) else { return nil }
        if !provider.text.hasPrefix("arn:") {
            if provider.text.contains("://") {
                sink.error(.principalInvalid, "OIDC provider '\(provider.text)': write the host without its scheme, "
                           + "'\(provider.text.split(separator: "/", omittingEmptySubsequences: true).dropFirst().joined(separator: "/"))'",
                           at: provider.origin)
                return nil
            }
            provider.text = "arn:\(context.partition.text):iam::\(context.account.text):oidc-provider/\(provider.text)"
        }
        guard let host = TrustPrincipals.oidcHost(ofProviderARN: provider.text, partition: context.partition.text) else {
            sink.error(.principalInvalid, "'\(provider.text)' is not an OIDC provider ARN: expected "
                       + "arn:\(context.partition.text):iam::ACCOUNT:oidc-provider/HOST, such as "
                       + "arn:\(context.partition.text):iam::\(context.account.text):oidc-provider/\(TrustPrincipals.githubHost)",
                       at: provider.origin)
            return nil
        }
        var audiences: [BoundScalar]
        if spec.audience != nil {
            guard let given = strings(spec.audience, key: "audience", expander: expander, scope: scope) else { return nil }
            audiences = given
        } else if host == TrustPrincipals.githubHost {
            audiences = [BoundScalar("sts.amazonaws.com", origin: spec.oidcProvider!.location)]
        } else {
            sink.error(.schemaMissingKey, "OIDC provider \(host) needs 'audience': the client id its tokens carry in 'aud' "
                       + "(only GitHub's is known: sts.amazonaws.com)", at: spec.location)
            return nil
        }
        for audience in audiences where audience.text.isEmpty || audience.text.allSatisfy({ $0 == "*" || $0 == "?" }) {
            sink.error(.principalInvalid, "audience '\(audience.text)' admits every client; name the audience", at: audience.origin)
            return nil
        }
        guard let subjects = strings(spec.subjects, key: "subjects", expander: expander, scope: scope) else { return nil }
        var valid = true
        for subject in subjects {
            if let problem = TrustPrincipals.subjectProblem(subject.text, host: host) {
                sink.error(.principalInvalid, problem, at: subject.origin)
                valid = false
            }
        }
        audiences.sort { $0.text < $1.text }
        return valid ? .oidc(provider: provider, host: host, audiences: audiences, subjects: subjects) : nil
    }

    private func resolveCrossAccount(_ spec: PrincipalSpec, expander: Expander, scope: Scope, context: PersonaContext) -> ResolvedPrincipal? {
        guard let accounts = strings(spec.accounts, key: "accounts", expander: expander, scope: scope),
              let externalID = scalar(spec.externalID, key: "external_id", expander: expander, scope: scope) else { return nil }
        var principals: [BoundScalar] = []
        for account in accounts {
            switch TrustPrincipals.crossAccountPrincipal(account.text, partition: context.partition.text) {
            case .success(let arn):
                if TrustPrincipals.accountID(ofPrincipalARN: arn) == context.account.text {
                    sink.warning(.principalInvalid, "account \(context.account.text) is the role's own account: a cross-account "
                                 + "principal is for other accounts", at: account.origin)
                }
                principals.append(BoundScalar(arn, origin: account.origin))
            case .failure(let reason):
                sink.error(.principalInvalid, reason.message, at: account.origin)
            }
        }
        if let problem = TrustPrincipals.externalIDProblem(externalID.text) {
            sink.error(.principalInvalid, problem, at: externalID.origin)
            return nil
        }
        guard principals.count == accounts.count else { return nil }
        return .crossAccount(principals: principals, externalID: externalID)
    }

    // MARK: - role

    private func resolveRole(_ persona: PersonaDocument, scope: Scope, context: PersonaContext) -> ResolvedRole? {
        let expander = Expander(sink: sink, limits: loader.limits)
        let spec = persona.role
        var role = ResolvedRole(name: persona.name.value, location: spec?.location ?? persona.location)
        if let bound = scalar(spec?.name, key: "name", expander: expander, scope: scope) {
            if let problem = RoleNaming.nameProblem(bound.text) {
                sink.error(.schemaValue, problem, at: bound.origin)
                return nil
            }
            role.name = bound.text
        } else if spec?.name != nil {
            return nil
        }
        if let bound = scalar(spec?.path, key: "path", expander: expander, scope: scope) {
            if let problem = RoleNaming.pathProblem(bound.text) {
                sink.error(.schemaValue, problem, at: bound.origin)
                return nil
            }
            role.path = bound.text
        } else if spec?.path != nil {
            return nil
        }
        if let duration = spec?.maxSessionDuration { role.maxSessionDuration = duration.value }
        let policyARN = { (name: String) in "arn:\(context.partition.text):iam::\(context.account.text):policy\(role.path)\(name)" }
        if let node = spec?.permissionsBoundary {
            guard let bound = scalar(node, key: "permissions_boundary", expander: expander, scope: scope) else { return nil }
            if bound.text.hasPrefix("arn:") {
                if let problem = RoleNaming.policyARNProblem(bound.text, partition: context.partition.text) {
                    sink.error(.schemaValue, problem, at: bound.origin)
                    return nil
                }
                role.permissionsBoundary = .existing(arn: bound.text)
            } else {
                guard let path = locatePersona(bound.text, from: persona.path, at: bound.origin) else { return nil }
                let name = role.name + "-boundary"
                role.permissionsBoundary = .generated(persona: bound.text, personaPath: path, policyName: name, arn: policyARN(name),
                                                      at: bound.origin)
            }
        }
        if let reference = persona.createdRolesBoundary {
            guard let path = locatePersona(reference.value, from: persona.path, at: reference.location) else { return nil }
            let name = role.name + "-created-roles-boundary"
            role.createdRolesBoundary = .generated(persona: reference.value, personaPath: path, policyName: name, arn: policyARN(name),
                                                   at: reference.location)
        }
        return role
    }

    private func resolveTags(_ persona: PersonaDocument, scope: Scope) -> [TagEntry] {
        guard let node = persona.tags else { return [] }
        let expander = Expander(sink: sink, limits: loader.limits)
        guard case .tags(let entries, _)? = expander.value(of: node, in: scope, what: "'tags'") else { return [] }
        return entries
    }
}

extension String {
    /// Replaces every occurrence of `target` (without Foundation).
    package func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
