/// A persona file as written, before `extends` is applied and references are resolved.
package struct PersonaDocument: Sendable {
    package var name: Located<String>
    package var description: Located<String>?
    package var path: String
    package var location: SourceLocation
    package var extends: Located<String>?
    package var principal: PrincipalSpec?
    /// `partition`, `account`, `region` or `regions`, as written (they may refer to values).
    package var context: [String: SourceNode]
    package var values: [NamedNode]
    package var capabilities: [CapabilityUse]
    package var guards: [GuardSetting]
    package var deny: [StatementTemplate]
    package var tags: SourceNode?
    /// The deployed role: name, path, session length, permissions boundary.
    package var role: RoleSpec? = nil
    /// `created_roles_boundary: PERSONA`: a boundary rolegen generates from that persona's
    /// permissions, for the roles this persona may create (its ARN is `${created_roles_boundary}`).
    package var createdRolesBoundary: Located<String>? = nil
    /// `expect:`: what `rolegen test` checks. Not inherited through `extends`.
    package var expectations: [PolicyExpectation] = []
}

/// The `role:` mapping of a persona, as written (values not yet resolved).
package struct RoleSpec: Sendable {
    package var name: SourceNode?
    package var path: SourceNode?
    package var maxSessionDuration: Located<Int>?
    /// A persona name (the boundary is generated from its permissions) or a policy ARN.
    package var permissionsBoundary: SourceNode?
    package var location: SourceLocation
}

/// A name and the node written for it: a value, an argument, a guard parameter.
package struct NamedNode: Sendable {
    package var name: Located<String>
    package var node: SourceNode

    package init(name: Located<String>, node: SourceNode) {
        self.name = name
        self.node = node
    }
}

/// Who assumes the role; decides the trust policy.
package struct PrincipalSpec: Sendable {
    package enum Kind: String, Sendable, CaseIterable {
        /// An AWS service, such as SageMaker running a training job.
        case service
        /// A person, signing in through a SAML identity provider or IAM Identity Center.
        case human
        /// A CI pipeline signing in through an OIDC identity provider (GitHub Actions).
        case ci
        /// Principals of another AWS account, with an external id.
        case crossAccount = "cross-account"
    }

    package enum Federation: String, Sendable, CaseIterable {
        case saml
        case identityCenter = "identity-center"
    }

    package var kind: Located<Kind>
    package var services: SourceNode?
    package var federation: Located<Federation>?
    package var samlProvider: SourceNode?
    /// `ci`: the OIDC provider (ARN or host), the audience and the pinned subjects.
    package var oidcProvider: SourceNode?
    package var audience: SourceNode?
    package var subjects: SourceNode?
    /// `cross-account`: account ids or principal ARNs, and the external id.
    package var accounts: SourceNode?
    package var externalID: SourceNode?
    package var location: SourceLocation
}

/// One `capabilities:` entry: a template and the arguments the persona gives it.
package struct CapabilityUse: Sendable {
    package var template: Located<String>
    package var id: Located<String>?
    package var version: Located<Int>?
    package var arguments: [NamedNode]
    package var guards: [GuardSetting]
    package var reason: String?
    package var location: SourceLocation

    /// What tells two uses apart, and what a persona that `extends` this one replaces.
    package var identity: String { id?.value ?? template.value }
}

/// A guard turned on (with its parameters) or off, for the persona or for one capability.
package struct GuardSetting: Sendable {
    package var name: Located<String>
    package var enabled: Bool
    package var arguments: [NamedNode]
    package var location: SourceLocation
}

/// One `expect:` entry: a request the persona's generated policies must allow or deny
/// (`rolegen test`). Strings may refer to the persona's values as `${name}`.
package struct PolicyExpectation: Sendable {
    package static let keys = ["name", "allow", "deny"]

    package var name: Located<String>?
    package var expected: ExpectedDecision
    package var request: RequestSpec
    /// The entry, for reports: the persona file's line of the expectation.
    package var location: SourceLocation

    package init(name: Located<String>?, expected: ExpectedDecision, request: RequestSpec, location: SourceLocation) {
        self.name = name
        self.expected = expected
        self.request = request
        self.location = location
    }
}
