/// The grammar rules, in the order docs/rules.md lists them.
package enum GrammarRules {
    package static let all: [any LintRule] = [
        JSONSyntax(), VersionMissing(), VersionInvalid(),
    ]
}
