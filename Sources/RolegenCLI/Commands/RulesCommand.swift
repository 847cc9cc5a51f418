package import ArgumentParser
package import RolegenCore

/// `rolegen rules`: every lint rule, with its severity, category and the policy types it checks.
package struct RulesCommand: ParsableCommand, ConsoleCommand {
    package static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the lint rules.",
        discussion: """
            EXAMPLES
              rolegen rules
              rolegen rules --category conditions
              rolegen rules --format json
            """
    )

    @Option(help: ArgumentHelp("Only the rules of this category.", valueName: "category"))
    package var category: String?

    @Option(help: ArgumentHelp("Output format: text, json, markdown (docs/rules.md).", valueName: "format"))
    package var format: String = "text"

    package init() {}

    package func run() throws {
        let status = execute(console: StandardConsole(), fileSystem: LocalFileSystem())
        if status != .success { throw ExitCode(status.rawValue) }
    }

    package func execute(console: any Console, fileSystem: any FileSystem) -> ExitStatus {
        var rules = RuleRegistry.all.map(\.metadata)
        if let category {
            guard let chosen = RuleCategory(rawValue: category) else {
                let names = RuleCategory.allCases.map(\.rawValue)
                console.writeError("error: unknown category '\(category)'\(Suggestions.didYouMean(category, in: names)); "
                                   + "categories are \(names.joined(separator: ", "))\n")
                return .inputError
            }
            rules = rules.filter { $0.category == chosen }
        }
        switch format {
        case "markdown":
            console.writeOutput(RuleDocumentation.markdown(rules))
        case "text":
            let width = rules.map(\.id.count).max() ?? 0
            console.writeOutput(rules.map { rule in
                rule.id.padding(to: width) + "  " + rule.severity.rawValue.padding(to: 8) + "  " + rule.category.rawValue.padding(to: 11)
                    + "  " + rule.title + (rule.enabledByDefault ? "" : " (off unless configured)") + "\n"
            }.joined())
        case "json":
            console.writeOutput(JSONValue.array(rules.map(RuleDocumentation.json)).rendered())
        default:
            console.writeError("error: unknown format '\(format)'; formats are text, json, markdown\n")
            return .inputError
        }
        return .success
    }
}
