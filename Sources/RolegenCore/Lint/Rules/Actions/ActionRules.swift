/// The actions rules, in the order docs/rules.md lists them.
package enum ActionRules {
    package static let all: [any LintRule] = [
        ActionFormat(),
        ActionUnknown(),
        ActionWildcardInService(),
        ActionRedundant(),
        ActionStar(),
        ServiceWildcard(),
        FullAdmin(),
        ActionPrefixWildcardFuture(),
    ]
}
