/// The size rules, in the order docs/rules.md lists them.
package enum SizeRules {
    package static let all: [any LintRule] = [
    ]
}
