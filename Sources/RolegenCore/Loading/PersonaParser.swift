/// Reads a persona file into a `PersonaDocument`, reporting every problem of its shape.
package struct PersonaParser {
    package let sink: DiagnosticSink

    package static let keys = [
        "persona", "description", "extends", "principal", "context", "values", "capabilities", "guards", "deny", "tags", "expect",
        "role", "created_roles_boundary",
    ]
    package static let roleKeys = ["name", "path", "max_session_duration", "permissions_boundary"]
    package static let contextKeys = ["partition", "account", "region", "regions"]
    package static let principalKeys = [
        "kind", "services", "federation", "saml_provider", "oidc_provider", "audience", "subjects", "accounts", "external_id",
    ]
    /// The keys each principal kind takes besides `kind`.
    package static let principalKindKeys: [PrincipalSpec.Kind: [String]] = [
        .service: ["services"], .human: ["federation", "saml_provider"], .ci: ["oidc_provider", "audience", "subjects"],
        .crossAccount: ["accounts", "external_id"],
    ]
    package static let capabilityKeys = ["use", "id", "version", "with", "guards", "reason"]

    package init(sink: DiagnosticSink) {
        self.sink = sink
    }

    package func parse(_ root: SourceNode, path: String) -> PersonaDocument? {
        let before = sink.errorCount
        guard let reader = MappingReader(root, subject: "a persona", allowedKeys: Self.keys, sink: sink) else { return nil }
        if !reader.has("persona"), reader.has("template") || reader.has("statements") {
            sink.error(.schemaMissingKey, "this looks like a capability template, not a persona; personas start with 'persona: NAME'",
                       at: root.location)
            return nil
        }
        let name = reader.string("persona", required: true, hint: " (its name, such as data-scientist)")
        if let name, !isKebabCase(name.value) {
            sink.error(.schemaValue, "persona name '\(name.value)' must be kebab-case: lower-case letters, digits and '-'",
                       at: name.location)
        }
        let description = reader.string("description")
        let extends = reader.string("extends")
        let principal = reader.value("principal").flatMap(parsePrincipal)
        let context = parseContext(reader.value("context"))
        let values = reader.value("values").flatMap { parseNamedNodes($0, what: "'values'", names: "value") } ?? []
        let capabilities = parseCapabilities(reader.list("capabilities") ?? [])
        let guards = reader.value("guards").flatMap(parseGuardSettings) ?? []
        let denyParser = StatementParser(sink: sink, origin: .personaDeny)
        let deny = reader.list("deny")?.compactMap { denyParser.parse($0) } ?? []
        var denySids: [String: SourceLocation] = [:]
        for statement in deny {
            if let first = denySids[statement.sid.value] {
                sink.error(.schemaConflict, "Sid '\(statement.sid.value)' is used twice in 'deny'", at: statement.sid.location,
                           notes: [.init("first used here", at: first)])
            }
            denySids[statement.sid.value] = statement.sid.location
        }
        let tags = reader.value("tags")
        if let tags {
            // Checked here for its shape (a mapping); its values are resolved with the persona's values.
            _ = NodeReading.entries(tags, what: "'tags'", sink: sink)
        }
        let role = reader.value("role").flatMap(parseRole)
        let createdRolesBoundary = reader.string("created_roles_boundary")
        let expectations = reader.list("expect").map(parseExpectations) ?? []
        guard sink.errorCount == before, let name else { return nil }
        var document = PersonaDocument(
            name: name, description: description, path: path, location: root.location, extends: extends,
            principal: principal, context: context, values: values, capabilities: capabilities, guards: guards,
            deny: deny, tags: tags, role: role, createdRolesBoundary: createdRolesBoundary)
        document.expectations = expectations
        return document
    }

    private func parseRole(_ node: SourceNode) -> RoleSpec? {
        guard let reader = MappingReader(node, subject: "'role'", allowedKeys: Self.roleKeys, sink: sink) else { return nil }
        // IAM takes 1 to 12 hours.
        return RoleSpec(name: reader.value("name"), path: reader.value("path"),
                        maxSessionDuration: reader.integer("max_session_duration", range: 3_600...43_200),
                        permissionsBoundary: reader.value("permissions_boundary"), location: node.location)
    }

    /// `expect:` entries: `{name?, allow: REQUEST}` or `{name?, deny: REQUEST}`.
    package func parseExpectations(_ items: [SourceNode]) -> [PolicyExpectation] {
        var result: [PolicyExpectation] = []
        var names: [String: SourceLocation] = [:]
        for item in items {
            guard let reader = MappingReader(item, subject: "an expectation", allowedKeys: PolicyExpectation.keys, sink: sink) else {
                continue
            }
            let name = reader.string("name")
            if let name {
                if let first = names[name.value] {
                    sink.error(.schemaConflict, "expectation name '\(name.value)' is used twice", at: name.location,
                               notes: [.init("first used here", at: first)])
                }
                names[name.value] = name.location
            }
            let decision: ExpectedDecision
            switch (reader.value("allow"), reader.value("deny")) {
            case (.some, .some):
                sink.error(.schemaConflict, "an expectation has both 'allow' and 'deny'; give one", at: reader.keyLocation("deny"))
                continue
            case (nil, nil):
                // An unknown key (a misspelt 'allow') has been reported already.
                let unknown = (item.mappingEntries ?? []).contains { !PolicyExpectation.keys.contains($0.key.scalarText ?? "") }
                if unknown { continue }
                sink.error(.schemaMissingKey, "an expectation needs 'allow:' or 'deny:' with the request {action, resource, context}",
                           at: item.location)
                continue
            case (.some, nil): decision = .allow
            case (nil, .some): decision = .deny
            }
            guard let request = RequestSpec.parse(reader.value(decision.rawValue)!, subject: "the request of '\(decision.rawValue)'",
                                                  sink: sink) else { continue }
            result.append(PolicyExpectation(name: name, expected: decision, request: request, location: item.location))
        }
        return result
    }

    private func parsePrincipal(_ node: SourceNode) -> PrincipalSpec? {
        guard let reader = MappingReader(node, subject: "'principal'", allowedKeys: Self.principalKeys, sink: sink),
              let kindText = reader.string("kind", required: true, hint: " (service, human, ci or cross-account)") else { return nil }
        guard let kind = PrincipalSpec.Kind(rawValue: kindText.value) else {
            let names = PrincipalSpec.Kind.allCases.map(\.rawValue)
            sink.error(.principalInvalid, "unknown principal kind '\(kindText.value)'\(Suggestions.didYouMean(kindText.value, in: names)); "
                       + "kinds are \(names.joined(separator: ", ")) (ci: a pipeline through OIDC, such as GitHub Actions)",
                       at: kindText.location)
            return nil
        }
        var federation: Located<PrincipalSpec.Federation>?
        if let text = reader.string("federation") {
            if let value = PrincipalSpec.Federation(rawValue: text.value) {
                federation = Located(value, at: text.location)
            } else {
                let names = PrincipalSpec.Federation.allCases.map(\.rawValue)
                sink.error(.principalInvalid, "unknown federation '\(text.value)'\(Suggestions.didYouMean(text.value, in: names)); "
                           + "use \(names.joined(separator: " or "))", at: text.location)
            }
        }
        let spec = PrincipalSpec(kind: Located(kind, at: kindText.location), services: reader.value("services"),
                                 federation: federation, samlProvider: reader.value("saml_provider"),
                                 oidcProvider: reader.value("oidc_provider"), audience: reader.value("audience"),
                                 subjects: reader.value("subjects"), accounts: reader.value("accounts"),
                                 externalID: reader.value("external_id"), location: node.location)
        // Keys of another kind: the service/human pair keeps its own messages below.
        let classic: Set<PrincipalSpec.Kind> = [.service, .human]
        for other in PrincipalSpec.Kind.allCases where other != kind && !(classic.contains(other) && classic.contains(kind)) {
            for key in Self.principalKindKeys[other] ?? [] where reader.has(key) {
                sink.error(.principalInvalid, "'\(key)' applies to \(other.rawValue) principals, not to kind \(kind.rawValue)",
                           at: reader.keyLocation(key))
            }
        }
        switch kind {
        case .service:
            if spec.services == nil {
                sink.error(.schemaMissingKey, "a service principal needs 'services', such as [sagemaker.amazonaws.com]",
                           at: node.location)
            }
            for key in ["federation", "saml_provider"] where reader.has(key) {
                sink.error(.principalInvalid, "'\(key)' applies to human principals, not to services", at: reader.keyLocation(key))
            }
        case .human:
            if reader.has("services") {
                sink.error(.principalInvalid, "'services' applies to service principals; a human principal signs in through 'federation'",
                           at: reader.keyLocation("services"))
            }
            let effective = federation?.value ?? (spec.samlProvider != nil ? .saml : nil)
            if effective == nil && federation == nil && !reader.has("federation") {
                sink.error(.schemaMissingKey, "a human principal needs 'federation: saml' (with 'saml_provider') or "
                           + "'federation: identity-center'", at: node.location)
            }
            if effective == .saml && spec.samlProvider == nil {
                sink.error(.schemaMissingKey, "SAML federation needs 'saml_provider': the ARN of the account's SAML identity provider",
                           at: node.location)
            }
            if effective == .identityCenter && spec.samlProvider != nil {
                sink.error(.principalInvalid, "IAM Identity Center creates its own trust policy; remove 'saml_provider'",
                           at: reader.keyLocation("saml_provider"))
            }
        case .ci:
            if spec.oidcProvider == nil {
                sink.error(.schemaMissingKey, "a ci principal needs 'oidc_provider': the ARN of the account's OIDC identity provider, "
                           + "or its host such as token.actions.githubusercontent.com", at: node.location)
            }
            if spec.subjects == nil {
                sink.error(.schemaMissingKey, "a ci principal needs 'subjects': the workflows that may assume the role, such as "
                           + "repo:ORG/REPO:ref:refs/heads/main or repo:ORG/REPO:environment:prod", at: node.location)
            }
        case .crossAccount:
            if spec.accounts == nil {
                sink.error(.schemaMissingKey, "a cross-account principal needs 'accounts': 12-digit account ids or role ARNs",
                           at: node.location)
            }
            if spec.externalID == nil {
                sink.error(.schemaMissingKey, "a cross-account principal needs 'external_id': the secret agreed with the other "
                           + "account, which its callers pass as sts:ExternalId", at: node.location)
            }
        }
        return spec
    }

    private func parseContext(_ node: SourceNode?) -> [String: SourceNode] {
        guard let node, let reader = MappingReader(node, subject: "'context'", allowedKeys: Self.contextKeys, sink: sink) else {
            return [:]
        }
        if reader.has("region") && reader.has("regions") {
            sink.error(.schemaConflict, "'context' has both 'region' and 'regions'; use one", at: reader.keyLocation("regions"))
        }
        var result: [String: SourceNode] = [:]
        for key in Self.contextKeys {
            if let value = reader.value(key) { result[key] = value }
        }
        return result
    }

    private func parseCapabilities(_ items: [SourceNode]) -> [CapabilityUse] {
        var result: [CapabilityUse] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let reader = MappingReader(item, subject: "a capability", allowedKeys: Self.capabilityKeys, sink: sink),
                  let template = reader.string("use", required: true, hint: " (the name of a template)") else { continue }
            let id = reader.string("id")
            if let id, !isKebabCase(id.value) {
                sink.error(.schemaValue, "capability id '\(id.value)' must be kebab-case", at: id.location)
            }
            let use = CapabilityUse(
                template: template, id: id, version: reader.integer("version", range: 1...1_000_000),
                arguments: reader.value("with").flatMap { parseNamedNodes($0, what: "'with'", names: "parameter") } ?? [],
                guards: reader.value("guards").flatMap(parseGuardSettings) ?? [],
                reason: reader.string("reason")?.value, location: item.location)
            if let first = seen[use.identity] {
                sink.error(.capabilityDuplicate,
                           "capability '\(use.identity)' is used twice; give each use of a template a distinct 'id'",
                           at: item.location, notes: [.init("first used here", at: first)])
            }
            seen[use.identity] = item.location
            result.append(use)
        }
        return result
    }

    package func parseGuardSettings(_ node: SourceNode) -> [GuardSetting]? {
        guard let entries = NodeReading.entries(node, what: "'guards'", sink: sink) else { return nil }
        var result: [GuardSetting] = []
        for (name, value) in entries {
            switch value.content {
            case .mapping:
                let arguments = parseNamedNodes(value, what: "guard '\(name.value)'", names: "parameter") ?? []
                result.append(GuardSetting(name: name, enabled: true, arguments: arguments, location: name.location))
            default:
                if case .scalar(let scalar) = value.content, scalar.isPlain, ["true", "false"].contains(scalar.text) {
                    result.append(GuardSetting(name: name, enabled: scalar.text == "true", arguments: [], location: name.location))
                } else {
                    sink.error(.schemaType, "guard '\(name.value)' takes true, false or a mapping of its parameters, "
                               + "found \(value.kindDescription)", at: value.location)
                }
            }
        }
        return result
    }

    /// A mapping of plain names (`account: ...`) to nodes, rejecting names that cannot be referred to.
    package func parseNamedNodes(_ node: SourceNode, what: String, names kind: String) -> [NamedNode]? {
        guard let entries = NodeReading.entries(node, what: what, sink: sink) else { return nil }
        var result: [NamedNode] = []
        for (name, value) in entries {
            if !Interpolated.isReferenceName(name.value) || name.value.contains(".") {
                sink.error(.schemaValue, "\(kind) name '\(name.value)' must be letters, digits and '_'", at: name.location)
                continue
            }
            result.append(NamedNode(name: name, node: value))
        }
        return result
    }
}
