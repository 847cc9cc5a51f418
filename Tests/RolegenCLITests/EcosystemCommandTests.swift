import Foundation
import Testing
import RolegenTestSupport
@testable import RolegenCLI
@testable import RolegenCore

/// `rolegen init`, `rolegen schema`, `generate --check`, `--version`, `--quiet`/`--verbose`:
/// the commands that fit rolegen into editors, hooks and CI (docs/ecosystem.md).
@Suite struct EcosystemCommandTests {
    private func run(_ arguments: [String], _ fileSystem: any FileSystem = InMemoryFileSystem()) -> (Int32, CapturingConsole) {
        let console = CapturingConsole()
        return (RolegenCommand.run(arguments: arguments, console: console, fileSystem: fileSystem), console)
    }

    // MARK: - init

    @Test func initWritesTheStarterFilesIntoANewDirectory() {
        let fileSystem = InMemoryFileSystem()
        let (status, console) = run(["init", "demo"], fileSystem)
        #expect(status == 0)
        #expect(console.output.isEmpty)
        #expect(console.errors == "wrote demo/persona.yaml, demo/values.yaml, demo/.rolegen.yaml\n"
                + "next: rolegen demo/persona.yaml --values demo/values.yaml\n")
        for (name, contents) in StarterProject.files { #expect(fileSystem.text("demo/" + name) == contents, "\(name)") }
        #expect(fileSystem.files.keys.allSatisfy { !$0.hasSuffix(".tmp") })
    }

    @Test func initWritesIntoTheCurrentDirectoryByDefault() {
        let fileSystem = InMemoryFileSystem(["README.md": "other files are left alone\n"])
        #expect(run(["init"], fileSystem).0 == 0)
        #expect(fileSystem.text("persona.yaml") != nil && fileSystem.text(".rolegen.yaml") != nil)
        #expect(fileSystem.text("README.md") == "other files are left alone\n")
    }

    @Test func initNeverOverwrites() {
        let fileSystem = InMemoryFileSystem(["demo/values.yaml": "mine: true\n"])
        let (status, console) = run(["init", "demo"], fileSystem)
        #expect(status == 2)
        #expect(console.errors == "demo/values.yaml: error: 'demo/values.yaml' already exists; rolegen init never overwrites a file: "
                + "choose another directory, such as 'rolegen init my-roles'\nrolegen: 1 error; nothing was written\n")
        #expect(fileSystem.text("demo/values.yaml") == "mine: true\n")
        #expect(fileSystem.text("demo/persona.yaml") == nil)
    }

    @Test func initRefusesAFileAsItsDirectory() {
        let fileSystem = InMemoryFileSystem(["demo": "a file\n"])
        let (status, console) = run(["init", "demo"], fileSystem)
        #expect(status == 2)
        #expect(console.errors.hasPrefix("demo: error: not a directory; rolegen init writes into a new or existing directory\n"))
    }

    @Test func initLeavesNothingWhenAWriteFails() {
        let fileSystem = InMemoryFileSystem()
        fileSystem.failWritesContaining = ".rolegen.yaml"
        let (status, console) = run(["init", "demo"], fileSystem)
        #expect(status == 2)
        #expect(console.errors.contains("error: cannot write"))
        #expect(fileSystem.text("demo/persona.yaml") == nil && fileSystem.text("demo/values.yaml") == nil)
    }

    /// examples/starter is what `rolegen init` writes, with the editors' schema lines added.
    @Test func theStarterExampleIsWhatInitWrites() throws {
        for (name, contents) in StarterProject.files {
            let committed = try String(contentsOfFile: Repository.path("examples/starter/" + name), encoding: .utf8)
            let withoutSchemaLine = committed.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("# yaml-language-server:") }.joined(separator: "\n")
            #expect(withoutSchemaLine == contents, "examples/starter/\(name)")
        }
    }

    // MARK: - schema

    @Test(arguments: RolegenSchemas.Kind.allCases)
    func schemaPrintsTheCommittedSchema(kind: RolegenSchemas.Kind) throws {
        let (status, console) = run(["schema", kind.rawValue])
        #expect(status == 0)
        #expect(console.output == (try String(contentsOfFile: Repository.path("schemas/" + kind.fileName), encoding: .utf8)))
        #expect(console.errors.isEmpty)
    }

    @Test func schemaRejectsAnUnknownKind() {
        let (status, console) = run(["schema", "personas"])
        #expect(status == 2)
        #expect(console.errors == "error: unknown schema 'personas'; did you mean 'persona'?; schemas are persona, template, config\n")
        #expect(run(["schema"]).0 == 2)
    }

    // MARK: - generate --check

    private static let files = GenerateCommandTests.files

    @Test func checkPassesWhenTheBundlesAreCurrent() {
        let fileSystem = InMemoryFileSystem(Self.files)
        #expect(run(["persona.yaml", "second.yaml", "-o", "out"], fileSystem).0 == 0)
        let before = fileSystem.files
        let (status, console) = run(["generate", "persona.yaml", "second.yaml", "-o", "out", "--check"], fileSystem)
        #expect(status == 0)
        #expect(console.output.isEmpty)
        #expect(console.errors == "rolegen generate --check: 2 bundles up to date\n")
        #expect(fileSystem.files == before)
    }

    @Test func checkListsStaleFilesAndWritesNothing() throws {
        let fileSystem = InMemoryFileSystem(Self.files)
        #expect(run(["persona.yaml", "second.yaml", "-o", "out"], fileSystem).0 == 0)
        // A hand edit, a removed file, and a file an older run wrote.
        fileSystem.add("out/p/permissions-policy.json", Array("{}\n".utf8))
        try fileSystem.removeFile("out/q/trust-policy.json")
        fileSystem.add("out/q/permissions-policy-2.json", Array("{}\n".utf8))
        fileSystem.add("out/q/notes.txt", Array("not rolegen's\n".utf8))
        let before = fileSystem.files
        let (status, console) = run(["persona.yaml", "second.yaml", "-o", "out", "--check"], fileSystem)
        #expect(status == 1)
        #expect(console.output == """
            out/p/permissions-policy.json: stale: differs from what persona.yaml generates
            out/q/trust-policy.json: stale: missing; second.yaml generates it
            out/q/permissions-policy-2.json: stale: second.yaml no longer generates it

            """)
        #expect(console.errors == "rolegen generate --check: 3 stale files; run the same command without --check to update them\n")
        #expect(fileSystem.files == before)
    }

    @Test func checkNeedsAnOutputDirectory() {
        let (status, console) = run(["persona.yaml", "--check"], InMemoryFileSystem(Self.files))
        #expect(status == 2)
        #expect(console.errors.hasPrefix("Error: --check compares with the bundles under --output DIR; give -o DIR\n"))
    }

    @Test func checkStillReportsInputErrorsWithTwo() {
        let (status, console) = run(["missing.yaml", "-o", "out", "--check"], InMemoryFileSystem(Self.files))
        #expect(status == 2)
        #expect(console.errors.contains("missing.yaml: error:"))
    }

    /// The committed example bundles are current: what the pre-commit hook checks in this repository.
    @Test func theCommittedExampleBundlesAreCurrent() {
        let (status, console) = run(["generate", "personas", "--values", "examples/acme-ml/values.yaml",
                                     "-o", "examples/acme-ml/generated", "--check", "--quiet"],
                                    RootedFileSystem(root: Repository.root))
        #expect(status == 0, "\(console.output)")
        #expect(console.errors.isEmpty, "\(console.errors)")
    }

    // MARK: - --version, --quiet, --verbose

    @Test func versionNamesTheCatalog() throws {
        let (status, console) = run(["--version"])
        #expect(status == 0)
        let catalog = try #require(TestCatalog.bundled)
        #expect(console.output == "rolegen \(RolegenVersion.current)\ncatalog: \(catalog.metadata.source), \(catalog.metadata.date) "
                + "(\(catalog.metadata.serviceCount) services, \(catalog.metadata.actionCount) actions)\n")
    }

    @Test func quietKeepsErrorsOnly() {
        let fileSystem = InMemoryFileSystem(Self.files)
        let (status, console) = run(["persona.yaml", "--set", "region=xx-newplace-1", "-o", "out", "--quiet"], fileSystem)
        #expect(status == 0)
        #expect(console.errors.isEmpty, "\(console.errors)")
        let (loud, loudConsole) = run(["--quiet", "missing.yaml"], InMemoryFileSystem(Self.files))
        #expect(loud == 2)
        #expect(loudConsole.errors.contains("missing.yaml: error:"))
    }

    @Test func quietLeavesStandardOutputAlone() {
        let (quiet, quietConsole) = run(["persona.yaml", "--quiet"], InMemoryFileSystem(Self.files))
        let (normal, normalConsole) = run(["persona.yaml"], InMemoryFileSystem(Self.files))
        #expect(quiet == 0 && normal == 0)
        #expect(quietConsole.output == normalConsole.output && !quietConsole.output.isEmpty)
    }

    @Test func verboseSaysWhatTheRunUses() {
        let (status, console) = run(["--verbose", "persona.yaml"], InMemoryFileSystem(Self.files))
        #expect(status == 0)
        #expect(console.errors.hasPrefix("rolegen: version \(RolegenVersion.current)\nrolegen: configuration none"))
        #expect(console.errors.contains("rolegen: catalog "))
        #expect(console.output.hasPrefix("{"))
    }

    @Test func verboseNamesTheCatalogGiven() {
        let (_, console) = run(["--verbose", "catalog", "version", "--catalog", "mine.rolegen"], InMemoryFileSystem())
        #expect(console.errors.contains("rolegen: catalog mine.rolegen\n"), "\(console.errors)")
        let (_, config) = run(["--verbose", "catalog", "version"], InMemoryFileSystem([".rolegen.yaml": "version: 1\ncatalog: team.rolegen\n"]))
        #expect(config.errors.contains("rolegen: configuration .rolegen.yaml\nrolegen: catalog team.rolegen\n"), "\(config.errors)")
    }

    @Test func quietAndVerboseContradict() {
        let (status, console) = run(["--quiet", "persona.yaml", "--verbose"], InMemoryFileSystem(Self.files))
        #expect(status == 2)
        #expect(console.errors == "Error: --quiet and --verbose contradict each other; give one\n")
    }

    @Test func globalFlagsAfterTheTerminatorAreArguments() {
        let extracted = GlobalOptions.extract(from: ["lint", "--quiet", "--", "--verbose"])
        #expect(extracted.arguments == ["lint", "--", "--verbose"])
        #expect(extracted.verbosity == .init(level: .quiet, conflict: false))
    }

    /// Machine formats stay parseable: no summary or progress line is ever mixed into them.
    @Test func machineFormatsAreNotMixedWithMessages() throws {
        let fileSystem = RootedFileSystem(root: Repository.path("Tests/RolegenCoreTests/Fixtures/lint"))
        let (_, console) = run(["lint", "inputs", "--format", "json"], fileSystem)
        let data = Data(console.output.utf8)
        #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
        #expect(console.errors.isEmpty, "\(console.errors)")
    }

    @Test func progressIsOnlyForTerminals() {
        #expect(CapturingConsole().startProgress("working") == nil)
        #expect(LeveledConsole(CapturingConsole(), verbosity: .verbose).startProgress("working") == nil)
        // A progress line that finishes before its delay draws nothing.
        let line = ProgressLine("working", delay: 60)
        line.finish()
    }
}
