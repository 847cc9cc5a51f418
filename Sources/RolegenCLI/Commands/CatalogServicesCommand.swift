package import ArgumentParser
package import RolegenCore

/// `rolegen catalog services`
package struct CatalogServicesCommand: ParsableCommand, ConsoleCommand {
    package static let configuration = CommandConfiguration(
        commandName: "services",
        abstract: "List the services of the catalog: prefix, number of actions, name.",
        discussion: """
            EXAMPLES
              rolegen catalog services
              rolegen catalog services --format json
            """
    )

    @Option(help: "Output format.")
    package var format: OutputFormat = .text

    @OptionGroup package var catalogOptions: CatalogOptions

    package init() {}

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
        switch format {
        case .text:
            let width = catalog.prefixes.map(\.count).max() ?? 0
            console.writeOutput(catalog.prefixes.map { prefix in
                prefix.padding(to: width) + "  " + String(catalog.actionCount(prefix) ?? 0).padding(to: 5) + "  "
                    + (catalog.serviceName(prefix) ?? "") + "\n"
            }.joined())
        case .json:
            console.writeOutput(JSONValue.array(catalog.prefixes.map { prefix in
                .object([("prefix", .string(prefix)), ("name", .string(catalog.serviceName(prefix) ?? "")),
                         ("actions", .number(catalog.actionCount(prefix) ?? 0))])
            }).rendered())
        }
        return .success
    }
}
