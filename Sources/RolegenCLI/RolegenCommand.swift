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

            GLOBAL OPTIONS (before or after the subcommand)
              --quiet    only errors on standard error: no warnings, summaries, progress
              --verbose  also the configuration, catalog and templates a run uses

            Results and machine formats (json, sarif, junit, ...) go to standard output, never mixed with \
            messages; diagnostics, summaries and progress go to standard error, progress only on a terminal \
            and only when the work takes more than a moment.

            EXIT CODES
              0  success
              1  findings (used by lint, diff and test)
              2  usage or input error: nothing was written

            EXAMPLES
              rolegen init demo && rolegen demo/persona.yaml --values demo/values.yaml
              rolegen lint policies/ --quiet
              rolegen --version

            Documentation: README.md and docs/ in the rolegen repository.
            """,
        version: "rolegen \(RolegenVersion.current)",
        subcommands: [GenerateCommand.self, LintCommand.self, DiffCommand.self, SimulateCommand.self, TestCommand.self, RulesCommand.self,
                      ExplainCommand.self, CatalogCommand.self, InitCommand.self, SchemaCommand.self],
        defaultSubcommand: GenerateCommand.self
    )

    package init() {}

    /// Parses and runs a command line, returning the exit code. Usage errors exit with 2, not
    /// ArgumentParser's 64, so that every input problem has one code.
    package static func run(arguments: [String], console base: any Console, fileSystem: any FileSystem = LocalFileSystem()) -> Int32 {
        let (arguments, verbosity) = GlobalOptions.extract(from: arguments)
        if let verbosity, verbosity.conflict {
            base.writeError("Error: --quiet and --verbose contradict each other; give one\n")
            return ExitStatus.inputError.rawValue
        }
        let console: any Console = verbosity.map { LeveledConsole(base, verbosity: $0.level) } ?? base
        do {
            var command = try parseAsRoot(arguments)
            if console.verbosity == .verbose { GlobalOptions.describeSetup(arguments: arguments, console: console, fileSystem: fileSystem) }
            if let command = command as? any ConsoleCommand {
                return command.execute(console: console, fileSystem: fileSystem).rawValue
            }
            try command.run()
            return ExitStatus.success.rawValue
        } catch {
            let code = exitCode(for: error)
            var message = fullMessage(for: error)
            if code == .success && message == configuration.version { message = versionText() }
            if code == .success {
                console.writeOutput(message.isEmpty ? "" : message + "\n")
                return ExitStatus.success.rawValue
            }
            if !message.isEmpty { console.writeError(message + "\n") }
            if code == .validationFailure { return ExitStatus.inputError.rawValue }
            return code.rawValue
        }
    }

    /// `rolegen --version`: rolegen's version, then the bundled catalog's, since findings and
    /// generated policies depend on both.
    package static func versionText() -> String {
        let catalog: String
        switch Catalog.bundled() {
        case .success(let loaded):
            let metadata = loaded.metadata
            catalog = "catalog: \(metadata.source), \(metadata.date) (\(metadata.serviceCount) services, \(metadata.actionCount) actions)"
        case .failure(let diagnostic):
            catalog = "catalog: none (\(diagnostic.message))"
        }
        return "rolegen \(RolegenVersion.current)\n\(catalog)"
    }
}
