/// JSON Schemas (draft-07, what editors' YAML support reads best) of the files people write:
/// personas, templates and guards, and `.rolegen.yaml`. `rolegen schema KIND` prints them; the
/// committed copies under `schemas/` are tested to be equal to this output.
///
/// The keys come from the parsers' own lists (`PersonaParser.keys`, `StatementParser.keys`,
/// `LibraryFileParser.templateKeys`, `LintSettingsParser.keys`, ...) so that a key the parser
/// accepts cannot be missing from the schema. A key without an entry in the tables below still
/// appears, with no constraint, and is listed by `undescribedKeys`, which a test keeps empty.
/// The schemas check shape (keys, types where YAML's are unambiguous, names); values are
/// checked by rolegen itself, which knows the catalog.
package enum RolegenSchemas {
    package enum Kind: String, CaseIterable, Sendable {
        case persona
        case template
        case config

        /// The file name under `schemas/` (and `PREFIX/share/rolegen/schemas/`).
        package var fileName: String { "\(rawValue).schema.json" }
    }

    package static func rendered(_ kind: Kind) -> String { document(kind).rendered() }

    package static func document(_ kind: Kind) -> JSONValue {
        switch kind {
        case .persona: persona
        case .template: template
        case .config: config
        }
    }

    /// Parser keys that have no description in the tables here ("owner: key"): drift a test reports.
    package static var undescribedKeys: [String] {
        tables.flatMap { owner, keys, table in keys.filter { table[$0] == nil }.map { "\(owner): \($0)" } }
    }

    // MARK: - Documents

    private static var persona: JSONValue {
        root(title: "rolegen persona", description: "Who assumes a role and which capabilities it has (docs/formats.md).",
             object(PersonaParser.keys, personaProperties, required: ["persona"]))
    }

    private static var template: JSONValue {
        // One schema for both files of a template library: a guard starts with `guard:`.
        var fields = header(title: "rolegen capability template or guard",
                            description: "A capability template (template: NAME) or a guard (guard: NAME) (docs/formats.md).")
        fields += [
            ("if", .object([("required", .array([.string("guard")])), ("not", .object([("required", .array([.string("template")]))]))])),
            ("then", object(LibraryFileParser.guardKeys, guardProperties, required: ["guard", "version", "description", "forms"])),
            ("else", object(LibraryFileParser.templateKeys, templateProperties, required: ["template", "version", "description"])),
        ]
        return .object(fields)
    }

    private static var config: JSONValue {
        root(title: "rolegen configuration (.rolegen.yaml)",
             description: "Settings for every rolegen run in a project, found by walking up from the working directory.",
             object(Configuration.keys, configProperties, required: ["version"]))
    }

    private static func header(title: String, description: String) -> [(String, JSONValue)] {
        [("$schema", .string("http://json-schema.org/draft-07/schema#")), ("title", .string(title)),
         ("description", .string(description))]
    }

    private static func root(title: String, description: String, _ body: JSONValue) -> JSONValue {
        guard case .object(let fields) = body else { return body }
        return .object(header(title: title, description: description) + fields)
    }

    // MARK: - Tables: one entry per parser key

    private static var tables: [(String, [String], [String: JSONValue])] {
        [("persona", PersonaParser.keys, personaProperties),
         ("persona principal", PersonaParser.principalKeys, principalProperties),
         ("persona context", PersonaParser.contextKeys, contextProperties),
         ("persona role", PersonaParser.roleKeys, roleProperties),
         ("persona capability", PersonaParser.capabilityKeys, capabilityProperties),
         ("persona expectation", PolicyExpectation.keys, expectationProperties),
         ("expectation request", RequestSpec.keys, requestProperties),
         ("template", LibraryFileParser.templateKeys, templateProperties),
         ("guard", LibraryFileParser.guardKeys, guardProperties),
         ("parameter", LibraryFileParser.parameterKeys, parameterProperties),
         ("statement", StatementParser.keys, statementProperties),
         ("configuration", Configuration.keys, configProperties),
         ("lint settings", LintSettingsParser.keys, lintProperties)]
    }

    private static let personaProperties: [String: JSONValue] = [
        "persona": described(kebabName, "The persona's name, kebab-case; the bundle's directory and the role's name."),
        "description": text("What this role can and cannot do, and why."),
        "extends": text("A persona file this one builds on (a path relative to this file)."),
        "principal": described(object(PersonaParser.principalKeys, principalProperties, required: ["kind"]),
                               "Who assumes the role; decides the trust policy."),
        "context": described(object(PersonaParser.contextKeys, contextProperties),
                             "Partition, account and region(s) of the role; usually set through values."),
        "values": described(namedMapping(anything), "This persona's values; ~ means \"must be given\" (--values, --set)."),
        "capabilities": described(.object([("type", .string("array")),
                                           ("items", object(PersonaParser.capabilityKeys, capabilityProperties, required: ["use"]))]),
                                  "The capability templates this role uses."),
        "guards": guardSettings("Guards switched on (true), off (false) or set (a mapping of parameters) for every statement."),
        "deny": described(.object([("type", .string("array")), ("items", statement(deny: true))]),
                          "Deny statements added to the permissions policy."),
        "tags": described(.object([("type", .string("object")), ("additionalProperties", scalar)]), "Tags of the role."),
        "expect": described(.object([("type", .string("array")), ("items", object(PolicyExpectation.keys, expectationProperties))]),
                            "Policy tests (rolegen test): requests the generated policies must allow or deny."),
        "role": described(object(PersonaParser.roleKeys, roleProperties), "How the role is deployed (docs/deploy.md)."),
        "created_roles_boundary": text("A persona whose permissions become the boundary of the roles this persona may create; "
            + "${created_roles_boundary} is its ARN."),
    ]

    private static let roleProperties: [String: JSONValue] = [
        "name": text("The role's name (default: the persona name); values may be used, such as ${team}-data-scientist."),
        "path": text("The role's path, beginning and ending with / (default /)."),
        "max_session_duration": described(.object([("type", .string("integer")), ("minimum", .number(3_600))]),
                                          "Seconds, 3600 to 43200 (default 3600)."),
        "permissions_boundary": text("A persona (rolegen generates the boundary from its permissions) or a managed policy ARN."),
    ]

    private static let requestProperties: [String: JSONValue] = [
        "action": described(stringOrList, "service:Action; ${name} of a list makes one request per item."),
        "resource": described(stringOrList, "An ARN, or * for actions without resources; ${name} references the persona's values."),
        "context": described(.object([("type", .string("object")), ("additionalProperties", scalarOrList)]),
                             "Condition keys (service:Key) and their values; a list is a multivalued key, [] an absent one."),
    ]

    private static let expectationProperties: [String: JSONValue] = [
        "name": text("What the expectation checks, for the report."),
        "allow": described(object(RequestSpec.keys, requestProperties, required: ["action", "resource"]), "A request that must be allowed."),
        "deny": described(object(RequestSpec.keys, requestProperties, required: ["action", "resource"]), "A request that must be denied."),
    ]

    private static let principalProperties: [String: JSONValue] = [
        "kind": described(enumeration(PrincipalSpec.Kind.allCases.map(\.rawValue)), "Who assumes the role."),
        "services": described(stringOrList, "Service principals (kind: service), such as sagemaker.amazonaws.com."),
        "federation": described(enumeration(PrincipalSpec.Federation.allCases.map(\.rawValue)),
                                "How people sign in (kind: human)."),
        "saml_provider": text("The ARN of the account's SAML identity provider (federation: saml)."),
        "oidc_provider": text("The OIDC identity provider (kind: ci): its host, such as token.actions.githubusercontent.com, or ARN."),
        "audience": described(stringOrList, "The audience of the OIDC tokens (kind: ci); sts.amazonaws.com for GitHub by default."),
        "subjects": described(stringOrList, "The pinned sub values (kind: ci), such as repo:ORG/REPO:ref:refs/heads/main."),
        "accounts": described(stringOrList, "Account ids or IAM role/user ARNs of other accounts (kind: cross-account)."),
        "external_id": text("The external id callers from the other account pass (kind: cross-account)."),
    ]

    private static let contextProperties: [String: JSONValue] = [
        "partition": described(scalar, "aws, aws-cn or aws-us-gov; ${partition} in templates."),
        "account": described(scalar, "The 12-digit account id; ${account} in templates."),
        "region": described(scalar, "The one region; ${region} in templates."),
        "regions": described(scalarOrList, "Several regions (instead of region)."),
    ]

    private static let capabilityProperties: [String: JSONValue] = [
        "use": text("The template's name."),
        "id": described(kebabName, "Tells apart two uses of the same template."),
        "version": described(positiveInteger, "The template version this persona was written against."),
        "with": described(namedMapping(anything), "The template's parameters."),
        "guards": guardSettings("Guard settings for this capability only."),
        "reason": text("Why the role needs this capability (recorded in the manifest)."),
    ]

    private static let templateProperties: [String: JSONValue] = [
        "template": described(kebabName, "The template's name, equal to the file name without .yaml."),
        "version": described(positiveInteger, "Raised when the template grants differently."),
        "description": text("What it allows and what it deliberately does not."),
        "parameters": parameters,
        "include": described(.object([("type", .string("array")), ("items", includeItem)]), "Other templates this one includes."),
        "guards": described(stringOrList, "Guards applied to every statement (NAME or NAME/FORM)."),
        "statements": described(.object([("type", .string("array")), ("items", statement(deny: false))]), "The statements granted."),
    ]

    private static let guardProperties: [String: JSONValue] = [
        "guard": described(kebabName, "The guard's name, equal to the file name without .yaml."),
        "version": described(positiveInteger, "Raised when the guard's conditions change."),
        "description": text("What the guard pins access to."),
        "parameters": parameters,
        "forms": described(.object([
            ("type", .string("object")), ("minProperties", .number(1)),
            ("additionalProperties", object(["description", "conditions"], [
                "description": text("When this form applies."),
                "conditions": conditions,
            ], required: ["conditions"])),
        ]), "The guard's condition blocks, by form name."),
    ]

    private static let parameterProperties: [String: JSONValue] = [
        "type": described(enumeration(parameterTypes), "The parameter's type: a kind, list<KIND> or tags."),
        "description": text("What the parameter is."),
        "default": described(anything, "The value when none is given."),
        "allowed": described(.object([("type", .string("array")), ("items", scalar)]), "The only values accepted."),
    ]

    private static let statementProperties: [String: JSONValue] = [
        "sid": described(.object([("type", .string("string")), ("pattern", .string("^[A-Za-z0-9]+$"))]),
                         "The statement's Sid: letters and digits, unique in the file."),
        "description": text("What the statement is for."),
        "effect": described(enumeration(["Allow", "Deny"]), "Allow (the default in templates) or Deny."),
        "actions": described(stringOrList, "service:Action names; * and ? wildcards within an action name."),
        "not_actions": described(stringOrList, "NotAction (Deny statements only)."),
        "access": described(object(["service", "levels", "resource_type", "arn_names"], [
            "service": text("A service prefix, such as sagemaker."),
            "levels": described(stringOrList, "Access levels: List, Read, Write, Tagging, Permissions management."),
            "resource_type": text("Only actions on this resource type."),
            "arn_names": described(.object([("type", .string("object")), ("additionalProperties", scalarOrList)]),
                                   "Values for the parts of the catalog's ARN formats."),
        ], required: ["service", "levels"]), "Actions selected from the catalog by access level."),
        "resources": described(stringOrList, "Resource ARNs; \"*\" only for actions that accept no resource."),
        "not_resources": described(stringOrList, "NotResource (Deny statements only)."),
        "conditions": conditions,
        "guards": described(stringOrList, "Guards for this statement (NAME or NAME/FORM)."),
        "when_guard": text("Emit this statement only when the named guard is on."),
        "unscoped_reason": text("Why these actions name no resource (Resource \"*\")."),
    ]

    private static let configProperties: [String: JSONValue] = [
        "version": described(.object([("const", .number(Configuration.supportedVersion))]), "The configuration format version."),
        "catalog": text("An AWS catalog file to use instead of the bundled one, relative to this file."),
        "lint": described(object(LintSettingsParser.keys, lintProperties), "rolegen lint's settings (docs/lint.md)."),
    ]

    private static var lintProperties: [String: JSONValue] {
        let severities = Severity.allCases.reversed().map(\.rawValue)
        let ruleIDs = RuleRegistry.all.map(\.metadata.id).sorted()
        let ruleSetting = JSONValue.object([("anyOf", .array([
            .object([("type", .string("boolean"))]),
            object(["enabled", "severity"], ["enabled": .object([("type", .string("boolean"))]),
                                             "severity": enumeration(severities)]),
        ]))])
        return [
            "fail_on": described(enumeration(severities), "The lowest severity that fails a run."),
            "rules": described(.object([("type", .string("object")), ("propertyNames", enumeration(ruleIDs)),
                                        ("additionalProperties", ruleSetting)]),
                               "Rules switched off (false) or given another severity."),
            "known_accounts": described(.object([("type", .string("array")), ("items", .object([
                ("type", .string("string")), ("pattern", .string("^[0-9]{12}$"))]))]), "Accounts that are not foreign."),
            "passrole_targets": described(list(of: .object([("type", .string("string"))])), "Role ARN patterns iam:PassRole may name."),
            "required_guards": described(list(of: object(["actions", "key"], [
                "actions": stringOrList, "key": text("The condition key those actions must be conditioned on."),
            ], required: ["actions", "key"])), "Condition keys that must guard these actions."),
            "sensitive_actions": described(list(of: .object([("type", .string("string"))])), "Actions reported when granted."),
            "suppress": described(list(of: object(["rule", "path", "statement", "reason"], [
                "rule": enumeration(ruleIDs), "path": text("A glob of files."), "statement": text("A Sid."),
                "reason": text("Why the finding is accepted."),
            ], required: ["rule", "reason"])), "Accepted findings, each with its reason."),
        ]
    }

    // MARK: - Building blocks

    /// An object with exactly `keys` (in the parser's order), each described by `table`.
    private static func object(_ keys: [String], _ table: [String: JSONValue], required: [String] = []) -> JSONValue {
        var fields: [(String, JSONValue)] = [("type", .string("object"))]
        fields.append(("properties", .object(keys.map { ($0, table[$0] ?? .object([])) })))
        if !required.isEmpty { fields.append(("required", .array(required.map(JSONValue.string)))) }
        fields.append(("additionalProperties", .bool(false)))
        return .object(fields)
    }

    private static func statement(deny: Bool) -> JSONValue {
        let keys = deny ? StatementParser.keys.filter { !StatementParser.templateOnlyKeys.contains($0) } : StatementParser.keys
        return object(keys, statementProperties, required: ["sid"])
    }

    private static var parameters: JSONValue {
        described(.object([("type", .string("object")), ("propertyNames", referenceName),
                           ("additionalProperties", object(LibraryFileParser.parameterKeys, parameterProperties, required: ["type"]))]),
                  "The parameters a persona passes with `with:`, by name.")
    }

    private static var includeItem: JSONValue {
        object(["template", "with"], ["template": text("The included template's name."),
                                      "with": described(namedMapping(anything), "Its parameters.")], required: ["template"])
    }

    private static var conditions: JSONValue {
        described(.object([("type", .string("object")), ("additionalProperties", .object([
            ("type", .string("object")), ("additionalProperties", .object([("anyOf", .array([scalar, list(of: scalar)]))])),
        ]))]), "IAM conditions: operator, then condition key, then value(s).")
    }

    private static func guardSettings(_ description: String) -> JSONValue {
        described(.object([("type", .string("object")), ("additionalProperties", .object([("anyOf", .array([
            .object([("type", .string("boolean"))]), namedMapping(anything),
        ]))]))]), description)
    }

    private static var parameterTypes: [String] {
        let kinds = ScalarKind.allCases.map(\.rawValue)
        return kinds + ["list"] + kinds.map { "list<\($0)>" } + ["tags"]
    }

    private static let anything = JSONValue.object([])
    private static let scalar = JSONValue.object([("type", .array([.string("string"), .string("number"), .string("boolean")]))])
    private static let scalarOrList = JSONValue.object([("anyOf", .array([scalar, list(of: scalar)]))])
    private static let stringOrList = JSONValue.object([("anyOf", .array([
        .object([("type", .string("string"))]), list(of: .object([("type", .string("string"))])),
    ]))])
    private static let positiveInteger = JSONValue.object([("type", .string("integer")), ("minimum", .number(1))])
    private static let kebabName = JSONValue.object([("type", .string("string")), ("pattern", .string("^[a-z0-9]+(-[a-z0-9]+)*$"))])
    private static let referenceName = JSONValue.object([("pattern", .string("^[A-Za-z_][A-Za-z0-9_]*$"))])

    private static func list(of items: JSONValue) -> JSONValue { .object([("type", .string("array")), ("items", items)]) }
    private static func text(_ description: String) -> JSONValue {
        .object([("type", .string("string")), ("description", .string(description))])
    }
    private static func enumeration(_ values: [String]) -> JSONValue { .object([("enum", .array(values.map(JSONValue.string)))]) }
    private static func namedMapping(_ values: JSONValue) -> JSONValue {
        .object([("type", .string("object")), ("propertyNames", referenceName), ("additionalProperties", values)])
    }

    /// The schema with a description added (first, so editors show it on hover).
    private static func described(_ schema: JSONValue, _ description: String) -> JSONValue {
        guard case .object(let fields) = schema else { return schema }
        return .object([("description", .string(description))] + fields.filter { $0.0 != "description" })
    }
}
