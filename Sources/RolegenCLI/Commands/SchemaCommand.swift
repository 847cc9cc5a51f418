package import ArgumentParser
package import RolegenCore

/// `rolegen schema persona|template|config`: the JSON Schemas editors use to complete and check files.
package struct SchemaCommand: ParsableCommand, ConsoleCommand {
    package static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of personas, templates (and guards) or .rolegen.yaml.",
        discussion: """
            The schemas check the shape of a file (its keys, and types where YAML's are unambiguous) so that \
            editors complete keys and flag typos as you type; rolegen itself checks the values. The same schemas \
            are committed under schemas/ and installed in PREFIX/share/rolegen/schemas/. With the YAML language \
            server (VS Code's YAML extension, Neovim, Helix, ...), put a line such as
              # yaml-language-server: $schema=../schemas/persona.schema.json
            in a file, or map file patterns to the schemas in the editor's settings (docs/ecosystem.md).

            EXAMPLES
              rolegen schema persona > persona.schema.json
              rolegen schema config
              rolegen schema template | jq '.else.properties | keys'
            """
    )

    @Argument(help: ArgumentHelp("Which schema: persona, template or config.", valueName: "kind"))
    package var kind: String

    package init() {}

    package func run() throws {
        let status = execute(console: StandardConsole(), fileSystem: LocalFileSystem())
        if status != .success { throw ExitCode(status.rawValue) }
    }

    package func execute(console: any Console, fileSystem: any FileSystem) -> ExitStatus {
        guard let chosen = RolegenSchemas.Kind(rawValue: kind) else {
            let names = RolegenSchemas.Kind.allCases.map(\.rawValue)
            console.writeError("error: unknown schema '\(kind)'\(Suggestions.didYouMean(kind, in: names)); "
                               + "schemas are \(names.joined(separator: ", "))\n")
            return .inputError
        }
        console.writeOutput(RolegenSchemas.rendered(chosen))
        return .success
    }
}
