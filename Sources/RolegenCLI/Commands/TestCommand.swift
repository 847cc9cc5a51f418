package import ArgumentParser
package import RolegenCore

/// `rolegen test [PATH...]`
package struct TestCommand: ParsableCommand, ConsoleCommand {
    package static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Check the personas' `expect:` entries against the policies they generate.",
        discussion: """
            Generates each persona (as `rolegen generate` does, with --values) and evaluates each entry \
            of its `expect:` list with `rolegen simulate`'s evaluator against the generated permissions \
            policies, as a role session: `allow:` passes when the request is allowed, `deny:` when it is \
            denied (explicitly or implicitly). Directories are searched for persona files (YAML with a \
            `persona:` key); other files there are skipped. Expectation strings may refer to the persona's \
            values as ${name} (and to account, region, partition). Without --values, a single \
            `values.yaml` found in the directories supplies the values (several: choose with --values). \
            Format of `expect:`: docs/formats.md.

            Keys every real request carries are filled in unless an entry gives them (rolegen's choice, \
            docs/evaluation.md): aws:PrincipalAccount, aws:ResourceAccount, aws:RequestedRegion and, for \
            S3 actions, s3:ResourceAccount, from the persona's account and region and the resource ARN.

            A failure prints the expectation's file:line, the request, the decision, and the deciding \
            statements or, for a request nothing allows, each statement for its action with the first \
            element that does not match.

            EXIT CODES
              0  every expectation holds
              1  some expectation fails
              2  usage or input error (a persona that does not generate, a malformed expectation)

            EXAMPLES
              rolegen test personas examples          # values.yaml found beside each persona, else examples/acme-ml/values.yaml
              rolegen test personas/ --values examples/acme-ml/values.yaml
              rolegen test personas/data-scientist.yaml --values team.yaml --format junit > rolegen-tests.xml
            """
    )

    @Argument(help: ArgumentHelp("Persona files and directories of them (default: personas and examples, those that exist).",
                                 valueName: "path"))
    package var paths: [String] = []

    @Option(name: .customLong("values"), help: ArgumentHelp("Values files for the personas (repeatable).", valueName: "file"))
    package var valuesFiles: [String] = []

    @Option(help: ArgumentHelp("Output format: text, junit or json.", valueName: "format"))
    package var format: String = "text"

    @OptionGroup package var catalogOptions: CatalogOptions

    package init() {}

    package func run() throws {
        let status = execute(console: StandardConsole(), fileSystem: LocalFileSystem())
        if status != .success { throw ExitCode(status.rawValue) }
    }

    package func execute(console: any Console, fileSystem: any FileSystem) -> ExitStatus {
        let sink = DiagnosticSink()
        guard let reportFormat = PolicyTestFormat(rawValue: format) else {
            let names = PolicyTestFormat.allCases.map(\.rawValue)
            console.writeError("error: unknown format '\(format)'\(Suggestions.didYouMean(format, in: names)); "
                               + "formats are \(names.joined(separator: ", "))\n")
            return .inputError
        }
        guard let catalog = catalogOptions.load(fileSystem: fileSystem, sink: sink) else {
            report(sink, console: console, failed: true, summary: "nothing was tested")
            return .inputError
        }
        var searched = paths
        if searched.isEmpty {
            searched = ["personas", "examples"].filter { fileSystem.kind(of: $0) == .directory }
            if searched.isEmpty {
                sink.error(.fileNotFound, "no personas or examples directory here; name persona files or directories to test",
                           at: SourceLocation(path: "command line"))
            }
        }
        let runner = PolicyTestRunner(loader: PolicyFileLoader(fileSystem: fileSystem, catalog: catalog, valuesFiles: valuesFiles))
        guard !sink.hasErrors, let run = runner.run(searched, sink: sink), !sink.hasErrors else {
            report(sink, console: console, failed: true, summary: "nothing was tested")
            return .inputError
        }
        report(sink, console: console, failed: false)
        if !run.valuesFiles.isEmpty { console.writeError("rolegen test: values from \(run.valuesFiles.joined(separator: ", "))\n") }
        let report = PolicyTestReport(run: run)
        console.writeOutput(report.render(reportFormat))
        if reportFormat != .text { console.writeError(report.summary + "\n") }
        return report.failed > 0 ? .findings : .success
    }
}
