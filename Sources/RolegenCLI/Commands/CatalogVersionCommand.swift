package import ArgumentParser
package import RolegenCore

/// `rolegen catalog version`
package struct CatalogVersionCommand: ParsableCommand, ConsoleCommand {
    package static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Say which catalog is in use: its source, date, and counts.",
        discussion: """
            EXAMPLES
              rolegen catalog version
              rolegen catalog version --format json
              rolegen catalog version --catalog aws.rolegen
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
        let metadata = catalog.metadata
        switch format {
        case .text:
            console.writeOutput("""
                source:   \(metadata.source)
                date:     \(metadata.date)
                services: \(metadata.serviceCount)
                actions:  \(metadata.actionCount)
                format:   \(CatalogFile.magic) \(CatalogFile.formatVersion)
                file:     \(catalog.path)

                """)
        case .json:
            console.writeOutput(JSONValue.object([
                ("source", .string(metadata.source)), ("date", .string(metadata.date)),
                ("services", .number(metadata.serviceCount)), ("actions", .number(metadata.actionCount)),
                ("format_version", .number(CatalogFile.formatVersion)), ("file", .string(catalog.path)),
            ]).rendered())
        }
        return .success
    }
}
