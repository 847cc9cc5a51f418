package import ArgumentParser
package import RolegenCore

/// `rolegen init [DIR]`: a starter persona, its values and `.rolegen.yaml`.
package struct InitCommand: ParsableCommand, ConsoleCommand {
    package static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter persona, values file and .rolegen.yaml into a directory.",
        discussion: """
            Writes DIR/persona.yaml (a SageMaker execution role that reads the team's data buckets, built from the \
            bundled templates), DIR/values.yaml (example values to replace) and DIR/.rolegen.yaml (settings). DIR is \
            created when missing. Nothing is overwritten: when any of the three files exists, nothing is written \
            and the run exits with 2. The files are written to temporary names and renamed into place, so an \
            interrupted run leaves no half-written file.

            EXAMPLES
              rolegen init demo
              rolegen demo/persona.yaml --values demo/values.yaml
              rolegen init            # into the current directory

            EXIT CODES
              0  the files were written
              2  a file exists, or DIR cannot be written: nothing was written
            """
    )

    @Argument(help: ArgumentHelp("The directory to write into (created when missing).", valueName: "dir"))
    package var directory: String = "."

    package init() {}

    package func run() throws {
        let status = execute(console: StandardConsole(), fileSystem: LocalFileSystem())
        if status != .success { throw ExitCode(status.rawValue) }
    }

    package func execute(console: any Console, fileSystem: any FileSystem) -> ExitStatus {
        let sink = DiagnosticSink()
        switch StarterProject.plan(into: directory, fileSystem: fileSystem) {
        case .failure(let diagnostic):
            sink.report(diagnostic)
        case .success(let files):
            let creating = fileSystem.kind(of: directory) == nil ? [directory] : []
            do {
                try BundleWriter(fileSystem: fileSystem).write(files, creating: creating)
                let persona = joinPath(directory, StarterProject.personaFile)
                let values = joinPath(directory, StarterProject.valuesFile)
                console.writeInfo("wrote \(files.map(\.path).joined(separator: ", "))\n"
                                  + "next: rolegen \(persona) --values \(values)\n")
                return .success
            } catch {
                sink.error(.outputUnwritable, "cannot write: \(error.reasonText); nothing was written", at: SourceLocation(path: error.path))
            }
        }
        report(sink, console: console, failed: true)
        return .inputError
    }
}
