package import ArgumentParser
package import RolegenCore

/// `rolegen explain RULE`: a rule's documentation, with an example and the fix.
package struct ExplainCommand: ParsableCommand, ConsoleCommand {
    package static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a lint rule: why it matters, an example, the fix, and what other tools call it.",
        discussion: """
            A rule id, or another tool's code for the same check (an IAM Access Analyzer issue code, \
            a parliament or iam-policy-validator issue).

            EXAMPLES
              rolegen explain passrole-unscoped
              rolegen explain PASS_ROLE_WITH_STAR_IN_RESOURCE
            """
    )

    @Argument(help: ArgumentHelp("A rule id or a peer's code.", valueName: "rule"))
    package var rule: String

    package init() {}

    package func run() throws {
        let status = execute(console: StandardConsole(), fileSystem: LocalFileSystem())
        if status != .success { throw ExitCode(status.rawValue) }
    }

    package func execute(console: any Console, fileSystem: any FileSystem) -> ExitStatus {
        let found = RuleRegistry.find(rule)
        guard !found.isEmpty else {
            let ids = RuleRegistry.all.map(\.metadata.id)
            console.writeError("error: no rule '\(rule)'\(Suggestions.didYouMean(rule, in: ids)); `rolegen rules` lists them\n")
            return .inputError
        }
        console.writeOutput(found.map { RuleDocumentation.text($0.metadata) }.joined(separator: "\n"))
        return .success
    }
}
