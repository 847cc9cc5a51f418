package import ArgumentParser
package import RolegenCore

/// `rolegen catalog actions PATTERN...`
package struct CatalogActionsCommand: ParsableCommand, ConsoleCommand {
    package static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "List the actions patterns match, with their access levels.",
        discussion: """
            Patterns use IAM's wildcards: '*' any run of characters, '?' one character, without case.

            EXAMPLES
              rolegen catalog actions 'sagemaker:*Pipeline*'
              rolegen catalog actions 's3:Get*' --access-level read
              rolegen catalog actions '*' --format json
            """
    )

    @Argument(help: ArgumentHelp("Action patterns, such as 's3:Get*'.", valueName: "pattern"))
    package var patterns: [String] = []

    @Option(name: .customLong("access-level"), parsing: .upToNextOption,
            help: ArgumentHelp("Only these access levels: list, read, write, tagging, permissions-management.", valueName: "level"))
    package var accessLevels: [String] = []

    @Option(help: "Output format.")
    package var format: OutputFormat = .text

    @OptionGroup package var catalogOptions: CatalogOptions

    package init() {}

    package func validate() throws {
        if patterns.isEmpty { throw ValidationError("name a pattern, such as 's3:Get*'") }
        for level in accessLevels where AccessLevel(name: level) == nil {
            throw ValidationError("unknown access level '\(level)'; levels are list, read, write, tagging, permissions-management")
        }
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
        let levels = Set(accessLevels.compactMap(AccessLevel.init(name:)))
        var matches: [ActionDefinition] = []
        var seen: Set<String> = []
        var empty = false
        do {
            for pattern in patterns {
                let found = try catalog.expand(pattern).filter { levels.isEmpty || levels.contains($0.accessLevel) }
                if found.isEmpty {
                    empty = true
                    var message = "error: '\(pattern)' matches no action"
                    if !levels.isEmpty { message += " at the access levels given" }
                    if !pattern.contains("*") && !pattern.contains("?"), case .unknownAction(_, let near)? = try? catalog.lookup(pattern) {
                        message += CatalogText.suggestion(near)
                    }
                    console.writeError(message + "\n")
                }
                for action in found where seen.insert(action.lowercasedName).inserted { matches.append(action) }
            }
        } catch {
            sink.report(error.diagnostic)
            report(sink, console: console, failed: true, summary: "nothing was looked up")
            return .inputError
        }
        matches.sort { $0.lowercasedName < $1.lowercasedName }
        switch format {
        case .text:
            let width = matches.map(\.fullName.count).max() ?? 0
            console.writeOutput(matches.map { $0.fullName.padding(to: width) + "  " + $0.accessLevel.rawValue + "\n" }.joined())
        case .json:
            console.writeOutput(JSONValue.array(matches.map { action in
                .object([
                    ("action", .string(action.fullName)), ("access_level", .string(action.accessLevel.rawValue)),
                    ("resource_types", .array(action.resourceTypes.map { .string($0.type) })),
                ])
            }).rendered())
        }
        return empty ? .findings : .success
    }
}
