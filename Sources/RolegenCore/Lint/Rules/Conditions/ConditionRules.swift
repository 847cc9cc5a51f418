/// The conditions rules, in the order docs/rules.md lists them.
package enum ConditionRules {
    package static let all: [any LintRule] = [
    ]
}
