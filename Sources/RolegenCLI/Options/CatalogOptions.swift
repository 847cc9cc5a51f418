package import ArgumentParser
package import RolegenCore

/// `--catalog PATH`, shared by every command that needs the AWS catalog.
package struct CatalogOptions: ParsableArguments {
    @Option(name: .customLong("catalog"),
            help: ArgumentHelp("An AWS catalog file to use instead of the bundled one (see 'rolegen catalog import').",
                               valueName: "path"))
    package var path: String?

    package init() {}

    /// The catalog to use: `--catalog`, else `catalog:` in `.rolegen.yaml`, else the bundled one.
    package func load(fileSystem: any FileSystem, sink: DiagnosticSink) -> Catalog? {
        let loader = YAMLFileLoader(fileSystem: fileSystem)
        let chosen: String?
        if let path {
            chosen = path
        } else {
            guard let configuration = Configuration.discover(from: ".", loader: loader, sink: sink) else { return nil }
            chosen = configuration.catalog
        }
        let result = chosen.map { Catalog.load(path: $0, fileSystem: fileSystem) } ?? Catalog.bundled()
        switch result {
        case .success(let catalog): return catalog
        case .failure(let diagnostic):
            sink.report(diagnostic)
            return nil
        }
    }
}

/// `--format text|json` for commands whose output scripts read.
package enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text
    case json
}

/// A command that runs against an injected console and file system, so tests need no process.
package protocol ConsoleCommand {
    func execute(console: any Console, fileSystem: any FileSystem) -> ExitStatus
}

extension ConsoleCommand {
    /// Prints the diagnostics of a run to standard error, sorted, with a summary after errors.
    package func report(_ sink: DiagnosticSink, console: any Console, failed: Bool, summary: String = "nothing was written") {
        // --quiet keeps errors (and their notes) only.
        let shown = console.verbosity == .quiet ? sink.diagnostics.filter { $0.severity == .error } : sink.diagnostics
        guard !shown.isEmpty else { return }
        console.writeError(DiagnosticPrinter.render(shown, color: console.colorsErrors))
        if failed && sink.hasErrors {
            console.writeError("rolegen: \(DiagnosticPrinter.summary(sink.diagnostics)); \(summary)\n")
        }
    }
}
