package import ArgumentParser
package import RolegenCore

/// The root command: `rolegen persona.yaml` runs `generate`, the default subcommand.
package struct RolegenCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "rolegen",
        abstract: "Least-privilege AWS IAM policies and roles for machine-learning teams, from reviewable YAML personas.",
        discussion: """
            rolegen composes IAM policies from persona definitions (who does what) and reusable capability \
            templates (what a task needs), with guards that pin access to the team's VPC, KMS keys, regions and tags.

            EXIT CODES
              0  success
              1  findings (used by lint, diff and test)
              2  usage or input error: nothing was written

            Documentation: README.md and docs/ in the rolegen repository.
            """,
        version: "rolegen \(RolegenVersion.current)",
        subcommands: [GenerateCommand.self, LintCommand.self, DiffCommand.self, SimulateCommand.self, TestCommand.self, RulesCommand.self, ExplainCommand.self, CatalogCommand.self],
        defaultSubcommand: GenerateCommand.self
    )

    package init() {}

    /// Parses and runs a command line, returning the exit code. Usage errors exit with 2, not
    /// ArgumentParser's 64, so that every input problem has one code.
    package static func run(arguments: [String], console: any Console, fileSystem: any FileSystem = LocalFileSystem()) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if let command = command as? any ConsoleCommand {
                return command.execute(console: console, fileSystem: fileSystem).rawValue
            }
            try command.run()
            return ExitStatus.success.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                console.writeOutput(message.isEmpty ? "" : message + "\n")
                return ExitStatus.success.rawValue
            }
            if !message.isEmpty { console.writeError(message + "\n") }
            if code == .validationFailure { return ExitStatus.inputError.rawValue }
            return code.rawValue
        }
    }
}
