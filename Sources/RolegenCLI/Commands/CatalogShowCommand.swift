package import ArgumentParser
package import RolegenCore

/// `rolegen catalog show ACTION...`
package struct CatalogShowCommand: ParsableCommand, ConsoleCommand {
    package static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an action: access level, resource types and ARN formats, condition keys, dependent actions.",
        discussion: """
            Action names are matched without case, as IAM matches them.

            EXAMPLES
              rolegen catalog show s3:GetObject
              rolegen catalog show iam:PassRole sagemaker:CreateTrainingJob --format json
            """
    )

    @Argument(help: ArgumentHelp("Actions, such as s3:GetObject.", valueName: "action"))
    package var actions: [String] = []

    @Option(help: "Output format.")
    package var format: OutputFormat = .text

    @OptionGroup package var catalogOptions: CatalogOptions

    package init() {}

    package func validate() throws {
        if actions.isEmpty { throw ValidationError("name an action, such as s3:GetObject") }
    }

    package func run() throws {
        let status = execute(console: StandardConsole(), fileSystem: LocalFileSystem())
        if status != .success { throw ExitCode(status.rawValue) }
    }

    package func execute(console: any Console, fileSystem: any FileSystem) -> ExitStatus {
        let sink = DiagnosticSink()
        guard let catalog = catalogOptions.load(fileSystem: fileSystem, sink: sink) else {
            report(sink, console: console, failed: true, summary: "nothing was looked up")
            return .inputError
        }
        var found: [(ActionDefinition, ServiceResources, [ConditionKeyDefinition])] = []
        var missing = false
        do {
            for name in actions {
                if name.contains("*") || name.contains("?") {
                    missing = true
                    console.writeError("error: '\(name)' is a pattern; list the actions it matches with "
                                       + "'rolegen catalog actions \(name)'\n")
                    continue
                }
                switch try catalog.lookup(name) {
                case .found(let action):
                    guard let service = try catalog.resources(of: action.service) else { continue }
                    found.append((action, service, try catalog.conditionKeys(of: action)))
                case .unknownService(let prefix, let suggestions):
                    missing = true
                    console.writeError("error: unknown service '\(prefix)' in '\(name)'\(CatalogText.suggestion(suggestions))\n")
                case .unknownAction(let action, let suggestions):
                    missing = true
                    console.writeError("error: unknown action '\(action)'\(CatalogText.suggestion(suggestions))\n")
                case .malformed(let text):
                    missing = true
                    console.writeError("error: '\(text)' is not an action name: expected SERVICE:Action, such as s3:GetObject\n")
                }
            }
        } catch {
            sink.report(error.diagnostic)
            report(sink, console: console, failed: true, summary: "nothing was looked up")
            return .inputError
        }
        switch format {
        case .text: console.writeOutput(found.map { CatalogText.describe($0.0, in: $0.1, keys: $0.2) }.joined(separator: "\n"))
        case .json: console.writeOutput(JSONValue.array(found.map { CatalogText.json($0.0, in: $0.1, keys: $0.2) }).rendered())
        }
        return missing ? .findings : .success
    }
}
