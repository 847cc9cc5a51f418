import Foundation
import RolegenCore

/// docs/rolegen.1, the man page, made from the commands' own configurations (what
/// `--experimental-dump-help` describes), since argument-parser's generate-manual plugin needs
/// the network. A test keeps the committed page equal to this output (record mode rewrites it),
/// so every subcommand and option is in it.
package enum ManualPage {
    /// The man page in troff, or `nil` when the command tree cannot be described.
    package static func render() -> String? {
        let console = CapturingConsole()
        _ = RolegenCommand.run(arguments: ["--experimental-dump-help"], console: console)
        guard let data = console.output.data(using: .utf8),
              let tool = try? JSONDecoder().decode(ToolInfo.self, from: data) else { return nil }
        let root = tool.command
        var page = """
            .TH ROLEGEN 1 "" "rolegen \(RolegenVersion.current)" "User Commands"
            .SH NAME
            rolegen \\- \(escape(root.abstract ?? ""))
            .SH SYNOPSIS
            .B rolegen
            [\\fIsubcommand\\fR] [\\fIoptions\\fR] [\\fB\\-\\-quiet\\fR | \\fB\\-\\-verbose\\fR]
            .SH DESCRIPTION

            """
        page += block(root.discussion)
        page += ".SH OPTIONS\n" + options(root.arguments ?? [])
        page += ".SH COMMANDS\n"
        for command in root.subcommands ?? [] { page += section(command, path: ["rolegen"]) }
        page += """
            .SH FILES
            .TP
            \\fI.rolegen.yaml\\fR
            Settings, found in the working directory or above (\\fBrolegen schema config\\fR).
            .TP
            \\fIPREFIX/share/rolegen/\\fR
            The bundled catalog, templates, personas and schemas of an installed rolegen.
            .SH SEE ALSO
            README.md and docs/ in the rolegen repository.

            """
        return page
    }

    private static func section(_ command: CommandInfo, path: [String]) -> String {
        guard command.shouldDisplay ?? true, command.commandName != "help" else { return "" }
        let name = path + [command.commandName]
        var text = ".SS \"\(name.joined(separator: " "))\"\n" + escape(command.abstract ?? "") + "\n"
        if let discussion = command.discussion, !discussion.isEmpty { text += ".PP\n" + block(discussion) }
        let arguments = (command.arguments ?? []).filter { $0.shouldDisplay ?? true }
        if !arguments.isEmpty { text += options(arguments) }
        for subcommand in command.subcommands ?? [] { text += section(subcommand, path: name) }
        return text
    }

    private static func options(_ arguments: [ArgumentInfo]) -> String {
        arguments.filter { $0.shouldDisplay ?? true }.map { argument in
            var label: String
            if argument.kind == "positional" {
                label = "\\fI\(escape(argument.valueName ?? "value"))\\fR"
            } else {
                label = (argument.names ?? []).map { name in
                    "\\fB" + (name.kind == "short" ? "\\-" : "\\-\\-") + escape(name.name) + "\\fR"
                }.joined(separator: ", ")
                if argument.kind == "option" { label += " \\fI\(escape(argument.valueName ?? "value"))\\fR" }
            }
            return ".TP\n\(label)\n\(escape(argument.abstract ?? ""))\n"
        }.joined()
    }

    /// A discussion: its paragraphs filled by the pager, its indented lines (examples, exit
    /// codes) kept as written.
    private static func block(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "" }
        var out = ""
        var verbatim = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let indented = line.hasPrefix(" ")
            if indented != verbatim {
                out += indented ? ".nf\n" : ".fi\n"
                verbatim = indented
            }
            out += line.isEmpty ? ".sp\n" : escape(line) + "\n"
        }
        return out + (verbatim ? ".fi\n" : "")
    }

    private static func escape(_ text: String) -> String {
        var escaped = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        if escaped.hasPrefix(".") || escaped.hasPrefix("'") { escaped = "\\&" + escaped }
        return escaped
    }

    private struct ToolInfo: Decodable {
        var command: CommandInfo
    }

    private struct CommandInfo: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool?
        var arguments: [ArgumentInfo]?
        var subcommands: [CommandInfo]?
    }

    private struct ArgumentInfo: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
        }

        var kind: String
        var names: [Name]?
        var valueName: String?
        var abstract: String?
        var shouldDisplay: Bool?
    }
}
