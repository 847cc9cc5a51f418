/// The permissions rules, in the order docs/rules.md lists them.
package enum PermissionRules {
    package static let all: [any LintRule] = [
        PassRoleUnscoped(),
    ]
}
