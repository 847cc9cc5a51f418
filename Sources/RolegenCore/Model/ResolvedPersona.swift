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
}
