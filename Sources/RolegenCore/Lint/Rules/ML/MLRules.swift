/// The ml rules, in the order docs/rules.md lists them.
package enum MLRules {
    package static let all: [any LintRule] = [
        SagemakerCreateWithoutGuards(),
        PassroleOutsideAllowlist(),
        GuardKeyUnsupported(),
        SagemakerStudioUrlUnscoped(),
    ]
}
