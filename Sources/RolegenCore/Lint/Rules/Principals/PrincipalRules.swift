/// The principals rules, in the order docs/rules.md lists them.
package enum PrincipalRules {
    package static let all: [any LintRule] = [
        PrincipalInIdentityPolicy(),
        PrincipalMissing(),
        PrincipalFormat(),
        PrincipalPartialWildcard(),
        PrincipalServiceFormat(),
        PrincipalServiceWildcard(),
        PrincipalFederatedFormat(),
        PrincipalUniqueId(),
        PrincipalRedundant(),
        PrincipalPublic(),
        PrincipalPublicConditioned(),
        PrincipalCrossAccount(),
        NotprincipalAllow(),
        NotprincipalUsage(),
        DenyCarveOutIneffective(),
    ]
}
