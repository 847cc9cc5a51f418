/// The principals rules, in the order docs/rules.md lists them.
package enum PrincipalRules {
    package static let all: [any LintRule] = [
    ]
}
