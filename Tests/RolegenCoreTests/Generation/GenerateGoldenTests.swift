import Testing
import RolegenTestSupport
@testable import RolegenCore

/// Each folder under Fixtures/generate is one case: `persona.yaml` with its own `templates/`
/// (and `personas/`), optional `values.yaml` and `set.txt` (one NAME=VALUE per line), and the
/// expected outputs under `expected/`: the iam-json bundle, and under `expected/FORMAT/` what
/// `--format FORMAT -o DIR` writes. A file `inline` makes the permissions inline (`--inline`).
/// Adding a case needs no Swift code.
@Suite struct GenerateGoldenTests {
    static let fixtures = Repository.path("Tests/RolegenCoreTests/Fixtures/generate")

    static var cases: [String] {
        ((try? LocalFileSystem().listDirectory(fixtures)) ?? []).filter { !$0.hasPrefix(".") }
    }

    @Test(arguments: cases)
    func generatesTheExpectedBundle(name: String) throws {
        let catalog = try #require(TestCatalog.bundled)
        let directory = Self.fixtures + "/" + name
        let fileSystem = RootedFileSystem(root: directory)
        let sink = DiagnosticSink()
        let loader = YAMLFileLoader(fileSystem: fileSystem)
        let valuesFiles = fileSystem.kind(of: "values.yaml") == .file ? ["values.yaml"] : []
        let assignments = (try? fileSystem.readFile("set.txt", limit: 1 << 16))
            .map { String(decoding: $0, as: UTF8.self).split(separator: "\n").map(String.init) } ?? []
        let values = ValueSources.load(valuesFiles: valuesFiles, assignments: assignments, loader: loader, sink: sink)
        let generator = Generator(fileSystem: fileSystem, catalog: catalog)
        if fileSystem.kind(of: "inline") == .file { generator.packaging.attachment = .inline }
        let bundle = generator.generate(personaPath: "persona.yaml", values: values, sink: sink)
        let diagnostics = sink.diagnostics.map(\.description).joined(separator: "\n")
        let expected = directory + "/expected/"
        GoldenFile.check(diagnostics.isEmpty ? "" : diagnostics + "\n", against: expected + "diagnostics.txt")
        let generated = try #require(bundle, "generation failed:\n\(diagnostics)")
        for file in generated.files {
            GoldenFile.check(file.contents, against: expected + file.name)
        }
        GoldenFile.check(ExplainRenderer.render(generated), against: expected + "explain.txt")
        for format in DeploymentFormat.allCases where format != .iamJSON {
            for file in format.files([generated]) {
                GoldenFile.check(file.contents, against: expected + format.rawValue + "/" + file.name)
            }
        }

        // Byte-identical on a second run with fresh state.
        let again = generator.generate(personaPath: "persona.yaml", values: values, sink: DiagnosticSink())
        #expect(again?.files == generated.files)
    }
}

/// The documents of the deployment cases — split managed policies, generated boundaries, OIDC and
/// cross-account trust policies, inline permissions — pass `rolegen lint` at its default
/// threshold, every one of them checked.
@Suite struct DeploymentDocumentsLintTests {
    @Test(arguments: ["huge-buckets", "own-boundary", "ci-github-oidc", "cross-account-external-id", "inline-policy"])
    func generatedDocumentsLintClean(name: String) throws {
        let catalog = try #require(TestCatalog.bundled)
        let fileSystem = RootedFileSystem(root: GenerateGoldenTests.fixtures + "/" + name)
        var runner = LintRunner(fileSystem: fileSystem, catalog: catalog, settings: LintSettings(), options: LintInputOptions())
        runner.valuesFiles = fileSystem.kind(of: "values.yaml") == .file ? ["values.yaml"] : []
        let sink = DiagnosticSink()
        let result = runner.run(paths: ["persona.yaml"], sink: sink)
        #expect(sink.diagnostics.filter { $0.severity == .error }.isEmpty, "\(sink.diagnostics)")
        let values = ValueSources.load(valuesFiles: runner.valuesFiles, assignments: [], loader: YAMLFileLoader(fileSystem: fileSystem),
                                       sink: DiagnosticSink())
        let bundle = try #require(Generator(fileSystem: fileSystem, catalog: catalog)
            .generate(personaPath: "persona.yaml", values: values, sink: DiagnosticSink()))
        #expect(result.policiesChecked == bundle.files.filter { $0.kind != "manifest" }.count)
        let failing = result.findings.filter { $0.severity >= .high }
        #expect(failing.isEmpty, "\(failing.map { "\($0.location): \($0.severity.rawValue): \($0.message) [\($0.rule)]" }.joined(separator: "\n"))")
    }
}
