package import ArgumentParser
package import RolegenCore

/// `rolegen catalog import DIR --output FILE`
package struct CatalogImportCommand: ParsableCommand, ConsoleCommand {
    package static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Build a catalog file from AWS service reference JSON files you downloaded.",
        discussion: """
            AWS publishes one JSON document per service (index: https://servicereference.us-east-1.amazonaws.com/). \
            Download the ones you need into a directory, then:

              rolegen catalog import service-reference/ --output aws.rolegen --date 2026-11-29
              rolegen --catalog aws.rolegen ...        (or 'catalog: aws.rolegen' in .rolegen.yaml)

            The catalog holds only the services imported. The file is written through a temporary file renamed \
            into place; nothing is written when any input file is unusable.

            EXAMPLES
              rolegen catalog import service-reference/ --output aws.rolegen --date 2026-11-29
              rolegen catalog import downloads/ -o aws.rolegen --source "AWS service reference, 2026-11-29"
            """
    )

    @Argument(help: ArgumentHelp("A directory of service reference files (*.json).", valueName: "directory"))
    package var directory: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The catalog file to write.", valueName: "file"))
    package var output: String

    @Option(help: ArgumentHelp("Where the data came from, recorded in the catalog.", valueName: "text"))
    package var source = "AWS service reference files"

    @Option(help: ArgumentHelp("The date of the data, recorded in the catalog.", valueName: "text"))
    package var date = "unknown"

    package init() {}

    package func run() throws {
        let status = execute(console: StandardConsole(), fileSystem: LocalFileSystem())
        if status != .success { throw ExitCode(status.rawValue) }
    }

    package func execute(console: any Console, fileSystem: any FileSystem) -> ExitStatus {
        let sink = DiagnosticSink()
        let services = ServiceReferenceImporter(fileSystem: fileSystem).importDirectory(directory, sink: sink)
        guard !sink.hasErrors else {
            report(sink, console: console, failed: true)
            return .inputError
        }
        let bytes = CatalogFile.render(services, source: source, date: date)
        do {
            try BundleWriter(fileSystem: fileSystem).write([(output, bytes)], creating: [])
        } catch {
            sink.error(.outputUnwritable, "cannot write the catalog: \(error.reasonText); nothing was written",
                       at: SourceLocation(path: error.path))
            report(sink, console: console, failed: true)
            return .inputError
        }
        report(sink, console: console, failed: false)
        let actions = services.reduce(0) { $0 + $1.actions.count }
        console.writeError("wrote \(output): \(services.count) services, \(actions) actions\n")
        return .success
    }
}
