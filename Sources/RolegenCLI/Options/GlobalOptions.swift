import RolegenCore

/// `--quiet` and `--verbose`, accepted anywhere before `--` on any command line. Taken out
/// before parsing, since swift-argument-parser has no options shared by every subcommand
/// short of declaring them in each (docs/decisions.md).
package enum GlobalOptions {
    package struct Choice: Equatable {
        package var level: Verbosity
        /// Both were given.
        package var conflict: Bool
    }

    package static func extract(from arguments: [String]) -> (arguments: [String], verbosity: Choice?) {
        var kept: [String] = []
        var quiet = false, verbose = false
        var afterTerminator = false
        for argument in arguments {
            if afterTerminator {
                kept.append(argument)
                continue
            }
            switch argument {
            case "--": afterTerminator = true; kept.append(argument)
            case "--quiet": quiet = true
            case "--verbose": verbose = true
            default: kept.append(argument)
            }
        }
        guard quiet || verbose else { return (kept, nil) }
        return (kept, Choice(level: quiet ? .quiet : .verbose, conflict: quiet && verbose))
    }

    /// What --verbose says first: the configuration, catalog and bundled library a run uses.
    static func describeSetup(arguments: [String], console: any Console, fileSystem: any FileSystem) {
        let sink = DiagnosticSink()
        let configuration = Configuration.discover(from: ".", loader: YAMLFileLoader(fileSystem: fileSystem), sink: sink)
        // The catalog as CatalogOptions chooses it: --catalog, then the configuration, then the bundled one.
        var catalog = configuration?.catalog ?? Catalog.bundledPath ?? "none"
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--catalog", index + 1 < arguments.count { catalog = arguments[index + 1] }
            if argument.hasPrefix("--catalog=") { catalog = String(argument.dropFirst("--catalog=".count)) }
        }
        console.writeVerbose("rolegen: version \(RolegenVersion.current)\n")
        console.writeVerbose("rolegen: configuration \(configuration?.path ?? "none (no .rolegen.yaml here or above)")\n")
        console.writeVerbose("rolegen: catalog \(catalog)\n")
        console.writeVerbose("rolegen: bundled templates \(BundledLibrary.templatesDirectory ?? "none")\n")
    }
}
