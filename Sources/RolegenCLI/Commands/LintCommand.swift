package import ArgumentParser
package import RolegenCore

/// `rolegen lint [PATH...]`
package struct LintCommand: ParsableCommand, ConsoleCommand {
    package static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check IAM policies: grammar, actions, resources, conditions, principals, escalation, ML guards.",
        discussion: """
            Reads policy documents (JSON or YAML), `aws iam get-policy-version` and \
            `get-account-authorization-details` output, CloudFormation templates, Terraform plans \
            (`terraform show -json`) and rolegen personas (what they generate), from files, directories \
            (recursively) or standard input (`-`). Settings and suppressions: the `lint:` section of \
            .rolegen.yaml (docs/lint.md). Every rule: `rolegen rules`, `rolegen explain RULE`.

            EXIT CODES
              0  no finding at or above --fail-on
              1  findings at or above --fail-on
              2  usage or input error (a path that does not exist, an unreadable baseline)

            EXAMPLES
              rolegen lint policies/
              rolegen lint template.yaml --format sarif --output rolegen.sarif
              aws iam get-account-authorization-details > dump.json && rolegen lint dump.json
              terraform show -json plan.out | rolegen lint - --format github
              rolegen lint personas/ --values team.yaml
            """
    )

    @Argument(help: ArgumentHelp("Files and directories to check; - reads standard input.", valueName: "path"))
    package var paths: [String] = ["."]

    @Option(help: ArgumentHelp("The type of plain policy documents, instead of detecting it: identity, trust, resource, boundary, scp, rcp.",
                               valueName: "type"))
    package var type: String?

    @Option(help: ArgumentHelp("Output format: text, json, sarif, github, junit, markdown.", valueName: "format"))
    package var format: String = "text"

    @Option(name: .customLong("fail-on"),
            help: ArgumentHelp("The lowest severity that fails the run: error, critical, high, medium, low, info (default: high, or fail_on in .rolegen.yaml).",
                               valueName: "severity"))
    package var failOn: String?

    @Option(help: ArgumentHelp("Check only files matching this glob in directories (repeatable; default **/*.json, **/*.yaml, **/*.yml).",
                               valueName: "glob"))
    package var include: [String] = []

    @Option(help: ArgumentHelp("Skip files matching this glob in directories (repeatable).", valueName: "glob"))
    package var exclude: [String] = []

    @Option(help: ArgumentHelp("Report only findings that are not in this baseline file.", valueName: "file"))
    package var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Record the current findings as the baseline in this file.", valueName: "file"))
    package var writeBaseline: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    package var output: String?

    @Option(name: .customLong("values"), help: ArgumentHelp("Values files for the personas among the inputs (repeatable).", valueName: "file"))
    package var valuesFiles: [String] = []

    @OptionGroup package var catalogOptions: CatalogOptions

    package init() {}

    package func run() throws {
        let status = execute(console: StandardConsole(), fileSystem: LocalFileSystem())
        if status != .success { throw ExitCode(status.rawValue) }
    }

    package func execute(console: any Console, fileSystem: any FileSystem) -> ExitStatus {
        let sink = DiagnosticSink()
        let origin = SourceLocation(path: "command line")
        guard let reportFormat = LintReportFormat(rawValue: format) else {
            console.writeError("error: unknown format '\(format)'\(Suggestions.didYouMean(format, in: LintReportFormat.allCases.map(\.rawValue))); "
                               + "formats are \(LintReportFormat.allCases.map(\.rawValue).joined(separator: ", "))\n")
            return .inputError
        }
        var options = LintInputOptions()
        if let type {
            guard let parsed = PolicyType(name: type) else {
                sink.error(.configInvalid, "unknown policy type '\(type)'\(Suggestions.didYouMean(type, in: PolicyType.allCases.map(\.rawValue))); "
                           + "types are \(PolicyType.allCases.map(\.rawValue).joined(separator: ", "))", at: origin)
                report(sink, console: console, failed: true, summary: "nothing was checked")
                return .inputError
            }
            options.type = parsed
        }
        if !include.isEmpty { options.include = include }
        options.exclude = exclude

        let loader = YAMLFileLoader(fileSystem: fileSystem)
        guard let configuration = Configuration.discover(from: ".", loader: loader, sink: sink),
              let catalog = catalogOptions.load(fileSystem: fileSystem, sink: sink) else {
            report(sink, console: console, failed: true, summary: "nothing was checked")
            return .inputError
        }
        var threshold = configuration.failOn ?? .high
        if let failOn {
            guard let parsed = Severity(rawValue: failOn.lowercased()) else {
                let names = Severity.allCases.reversed().map(\.rawValue)
                sink.error(.configInvalid, "unknown severity '\(failOn)'\(Suggestions.didYouMean(failOn, in: names)); "
                           + "severities are \(names.joined(separator: ", "))", at: origin)
                report(sink, console: console, failed: true, summary: "nothing was checked")
                return .inputError
            }
            threshold = parsed
        }
        var recorded: Baseline?
        if let baseline {
            do {
                switch Baseline.parse(try fileSystem.readFile(baseline, limit: 64 << 20), path: baseline) {
                case .success(let parsed): recorded = parsed
                case .failure(let diagnostic): sink.report(diagnostic)
                }
            } catch {
                sink.error(.fileUnreadable, "cannot read the baseline: \(error.reasonText)", at: SourceLocation(path: baseline))
            }
            if recorded == nil {
                report(sink, console: console, failed: true, summary: "nothing was checked")
                return .inputError
            }
        }

        var runner = LintRunner(fileSystem: fileSystem, catalog: catalog, settings: configuration.lint, options: options)
        runner.valuesFiles = valuesFiles
        let stdin = paths.contains("-") ? console.readInput() : nil
        // Large account dumps take seconds: say so on a terminal, never on standard output.
        let progress = console.startProgress("rolegen lint: checking \(paths.joined(separator: " "))...")
        let result = runner.run(paths: paths, stdin: stdin, baseline: recorded, sink: sink)
        progress?.finish()
        if sink.hasErrors {
            report(sink, console: console, failed: true, summary: "nothing was checked")
            return .inputError
        }
        report(sink, console: console, failed: false)

        var renderer = LintReportRenderer(result: result, failOn: threshold)
        renderer.color = reportFormat == .text && output == nil && console.colorsOutput
        let rendered = renderer.render(reportFormat)
        let writer = BundleWriter(fileSystem: fileSystem)
        do {
            if let writeBaseline {
                let all = result.findings + result.baselined + result.suppressed.map(\.finding)
                try writer.write([(writeBaseline, Array(Baseline(findings: all).render().utf8))], creating: [])
            }
            if let output {
                try writer.write([(output, Array(rendered.utf8))], creating: [])
            } else {
                console.writeOutput(rendered)
            }
        } catch {
            console.writeError("\(error.path): error: cannot write: \(error.reasonText)\n")
            return .inputError
        }
        if reportFormat == .text || output != nil { console.writeInfo(renderer.summary + "\n") }
        // Recording a baseline accepts today's findings: the run succeeds.
        if writeBaseline != nil { return .success }
        return result.findings.contains { $0.severity >= threshold } ? .findings : .success
    }
}
