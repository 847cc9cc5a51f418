/// The policytype rules, in the order docs/rules.md lists them.
package enum PolicyTypeRules {
    package static let all: [any LintRule] = [
        TrustResource(),
        TrustNotprincipal(),
        TrustWildcardPrincipal(),
        TrustActionPrincipalKind(),
        TrustFederationConditions(),
        TrustGithubOidc(),
        TrustConfusedDeputy(),
        TrustCrossAccountNoExternalid(),
        TrustRolesAnywhereActions(),
        TrustComputeService(),
        ScpGrammar(),
        RcpGrammar(),
        RcpHygiene(),
    ]
}
