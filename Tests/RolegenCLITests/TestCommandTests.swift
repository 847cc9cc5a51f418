import Testing
import RolegenTestSupport
@testable import RolegenCLI
@testable import RolegenCore

/// `rolegen test` end to end on the personas of Tests/RolegenCoreTests/Fixtures/simulate (one
/// expectation fails on purpose), every report format, exit codes, and the bundled personas.
@Suite struct TestCommandTests {
    static let root = Repository.path("Tests/RolegenCoreTests/Fixtures/simulate")

    private func run(_ arguments: [String], root: String = Self.root) -> (Int32, CapturingConsole) {
        let console = CapturingConsole()
        let status = RolegenCommand.run(arguments: ["test"] + arguments, console: console, fileSystem: RootedFileSystem(root: root))
        return (status, console)
    }

    @Test(arguments: PolicyTestFormat.allCases)
    func reportsEveryFormat(format: PolicyTestFormat) {
        let (status, console) = run(["personas", "--values", "values.yaml", "--format", format.rawValue])
        #expect(status == 1)
        let name = ["text": "test.txt", "junit": "test-junit.xml", "json": "test.json"][format.rawValue]!
        GoldenFile.check(console.output, against: Self.root + "/expected/" + name)
        if format == .text {
            #expect(console.errors.isEmpty)
        } else {
            #expect(console.errors == "5 passed, 2 failed (3 personas, 2 with expectations)\n")
        }
    }

    @Test func passingPersonasExitWithZero() {
        let (status, console) = run(["personas/passing.yaml", "--values", "values.yaml"])
        #expect(status == 0)
        #expect(console.output.hasSuffix("2 passed, 0 failed (1 persona, 1 with expectations)\n"))
    }

    @Test func inputErrorsExitWithTwo() {
        let (bad, badConsole) = run(["invalid/bad-expectation.yaml"])
        #expect(bad == 2)
        #expect(badConsole.errors.hasPrefix("invalid/bad-expectation.yaml:13:5: error: unknown key 'alow' in an expectation; did you mean 'allow'?"))
        let (noValues, noValuesConsole) = run(["personas/team.yaml"])
        #expect(noValues == 2)
        #expect(noValuesConsole.errors.contains("nothing was tested"))
        let (notPersona, notPersonaConsole) = run(["values.yaml"])
        #expect(notPersona == 2)
        #expect(notPersonaConsole.errors.hasPrefix("values.yaml:1:1: error: not a persona"))
        let (missing, missingConsole) = run(["nowhere"])
        #expect(missing == 2)
        #expect(missingConsole.errors.hasPrefix("nowhere: error: no such file or directory"))
        let (several, severalConsole) = run(["personas", "multi"])
        #expect(several == 2)
        #expect(severalConsole.errors.hasPrefix("multi/a/values.yaml: error: several values files could serve personas/passing.yaml (multi/a/values.yaml, multi/b/values.yaml); choose with --values FILE"))
        let (nothing, nothingConsole) = run([], root: Self.root + "/policies")
        #expect(nothing == 2)
        #expect(nothingConsole.errors.hasPrefix("command line: error: no personas or examples directory here"))
        let (format, formatConsole) = run(["personas", "--format", "xml"])
        #expect(format == 2)
        #expect(formatConsole.errors.hasPrefix("error: unknown format 'xml'"))
    }

    /// Every bundled persona carries expectations, and they hold for the example team's values,
    /// which `rolegen test` finds in examples/ by itself.
    @Test func bundledPersonasMeetTheirExpectations() {
        let (status, console) = run([], root: Repository.root)
        #expect(status == 0, "\(console.output)\(console.errors)")
        // The starter example's own values file serves it; the team's serves the bundled personas.
        #expect(console.errors == "rolegen test: values from examples/acme-ml/values.yaml, examples/starter/values.yaml\n")
        #expect(!console.output.contains("FAIL"))
        #expect(console.output.hasSuffix("111 passed, 0 failed (10 personas, 10 with expectations)\n"))
    }
}
