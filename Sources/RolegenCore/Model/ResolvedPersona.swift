/// A persona with `extends` applied and every value resolved: what composition works from.
package struct ResolvedPersona: Sendable {
    package var name: String
    package var description: String?
    package var path: String
    package var location: SourceLocation
    /// The files the persona was assembled from, the persona itself first.
    package var sources: [String]
    package var context: PersonaContext
    /// The persona's values after files and `--set` were applied.
    package var values: Scope
    package var principal: ResolvedPrincipal
    package var capabilities: [CapabilityUse]
    package var guards: [GuardSetting]
    package var deny: [StatementTemplate]
    package var tags: [TagEntry]
    package var role: ResolvedRole
}

/// How the persona's role is deployed.
package struct ResolvedRole: Hashable, Sendable {
    package static let defaultMaxSessionDuration = 3_600

    package var name: String
    package var path: String
    package var maxSessionDuration: Int
    package var permissionsBoundary: BoundaryReference?
    /// The boundary generated for roles the persona creates.
    package var createdRolesBoundary: BoundaryReference?
    package var location: SourceLocation

    package init(name: String, path: String = "/", maxSessionDuration: Int = ResolvedRole.defaultMaxSessionDuration,
                 permissionsBoundary: BoundaryReference? = nil, createdRolesBoundary: BoundaryReference? = nil,
                 location: SourceLocation) {
        self.name = name
        self.path = path
        self.maxSessionDuration = maxSessionDuration
        self.permissionsBoundary = permissionsBoundary
        self.createdRolesBoundary = createdRolesBoundary
        self.location = location
    }
}

/// A permissions boundary: an existing managed policy, or one rolegen generates from a persona.
package enum BoundaryReference: Hashable, Sendable {
    case existing(arn: String)
    /// Generated from the permissions of the persona at `personaPath`, as the managed policy `policyName`.
    case generated(persona: String, personaPath: String, policyName: String, arn: String, at: SourceLocation)

    package var arn: String {
        switch self {
        case .existing(let arn): arn
        case .generated(_, _, _, let arn, _): arn
        }
    }
}

/// Where the persona's role lives: partition, account and the regions it works in.
package struct PersonaContext: Hashable, Sendable {
    package var partition: BoundScalar
    package var account: BoundScalar
    package var regions: [BoundScalar]

    package var validation: ValidationContext {
        ValidationContext(partition: partition.text, account: account.text, regions: regions.map(\.text))
    }

    /// `${partition}`, `${account}`, `${region}` (every region) and `${dns_suffix}` (the
    /// partition's domain, `amazonaws.com` or `amazonaws.com.cn`, for `kms:ViaService` values).
    package var builtins: [String: BoundValue] {
        [
            "partition": .scalar(partition),
            "account": .scalar(account),
            "region": regions.count == 1 ? .scalar(regions[0]) : .list(regions, origin: regions.first?.origin ?? account.origin),
            "dns_suffix": .scalar(BoundScalar(AWSPartitions.dnsSuffix(ofPartition: partition.text), origin: partition.origin)),
        ]
    }
}

/// Who may assume the role.
package enum ResolvedPrincipal: Hashable, Sendable {
    case service([BoundScalar])
    case saml(provider: BoundScalar)
    /// Deployed as an IAM Identity Center permission set: AWS writes the trust policy.
    case identityCenter
    /// An OIDC identity provider (GitHub Actions): `host` is the provider's URL without scheme,
    /// the prefix of its condition keys.
    case oidc(provider: BoundScalar, host: String, audiences: [BoundScalar], subjects: [BoundScalar])
    /// Principals of other accounts (`arn:...:root` for an account id), with the external id.
    case crossAccount(principals: [BoundScalar], externalID: BoundScalar)
}
