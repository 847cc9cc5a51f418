/// The policytype rules, in the order docs/rules.md lists them.
package enum PolicyTypeRules {
    package static let all: [any LintRule] = [
    ]
}
