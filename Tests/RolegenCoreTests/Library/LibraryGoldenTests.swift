import Testing
import RolegenTestSupport
@testable import RolegenCore

/// One golden case per bundled template, on isolated inputs: each fixture persona uses that
/// template alone, with every guard the template declares switched on. Cases named `guard-...`
/// exercise a guard form no bundled template declares, through a team template of their own. Role Manager's own
/// snapshot tests shared one stack and all recorded the same output, so 27 of 28 asserted
/// nothing (D14); these are generated independently and must all differ.
@Suite struct LibraryGoldenTests {
    static let fixtures = "Tests/RolegenCoreTests/Fixtures/library"
    static let repository = RootedFileSystem(root: Repository.root)

    static var cases: [String] {
        ((try? repository.listDirectory(fixtures)) ?? []).filter { !$0.hasPrefix(".") }
    }

    /// The bundled library: template names, and each guard with its forms.
    static func library() -> (templates: [String], guardForms: [String]) {
        let sink = DiagnosticSink()
        let library = TemplateLibrary(searchPaths: ["templates"], loader: YAMLFileLoader(fileSystem: repository))
        var templates: [String] = []
        var guardForms: [String] = []
        for name in library.names {
            switch library.entry(named: name, sink: sink) {
            case .template?: templates.append(name)
            case .guardDefinition(let definition)?: guardForms += definition.forms.map { "\(name)/\($0.name.value)" }
            case nil: break
            }
        }
        return (templates, guardForms)
    }

    private static func generate(_ name: String) -> (bundle: RoleBundle?, diagnostics: [Diagnostic]) {
        guard let catalog = TestCatalog.bundled else { return (nil, []) }
        let sink = DiagnosticSink()
        let values = ValueSources.load(valuesFiles: [], assignments: [], loader: YAMLFileLoader(fileSystem: repository), sink: sink)
        let bundle = Generator(fileSystem: repository, catalog: catalog)
            .generate(personaPath: "\(fixtures)/\(name)/persona.yaml", values: values, sink: sink)
        return (bundle, sink.diagnostics)
    }

    @Test(arguments: cases)
    func generatesTheExpectedPolicy(template: String) throws {
        let (bundle, diagnostics) = Self.generate(template)
        let expected = Repository.path("\(Self.fixtures)/\(template)/expected/")
        let messages = diagnostics.map(\.description).joined(separator: "\n")
        GoldenFile.check(messages.isEmpty ? "" : messages + "\n", against: expected + "diagnostics.txt")
        let generated = try #require(bundle, "generation failed:\n\(messages)")
        if !template.hasPrefix("guard-") {
            #expect(generated.persona.capabilities.map(\.template.value) == [template], "the fixture must use its template alone")
        }
        for file in generated.files {
            GoldenFile.check(file.contents, against: expected + file.name)
        }
        GoldenFile.check(ExplainRenderer.render(generated), against: expected + "explain.txt")
        let committed = try LocalFileSystem().listDirectory(expected)
        #expect(committed == (generated.files.map(\.name) + ["diagnostics.txt", "explain.txt"]).sorted(),
                "\(expected) holds files the fixture no longer generates")
        let catalog = try #require(TestCatalog.bundled)
        let problems = LeastPrivilegeAudit(catalog: catalog, bundle: generated).problems(in: generated.files)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(Self.generate(template).bundle?.files == generated.files, "a second run must give the same bytes")
    }

    @Test func everyTemplateHasAGoldenCase() {
        let templates = Self.library().templates
        #expect(templates.count >= 15)
        let cases = Set(Self.cases.filter { !$0.hasPrefix("guard-") })
        #expect(cases == Set(templates),
                "templates without a fixture: \(Set(templates).subtracting(cases).sorted()); fixtures without a template: \(cases.subtracting(templates).sorted())")
    }

    /// Every form of every guard is applied to some statement in some golden case.
    @Test func everyGuardFormIsExercised() throws {
        var explained = ""
        for name in Self.cases {
            if let bundle = Self.generate(name).bundle { explained += ExplainRenderer.render(bundle) }
        }
        for form in Self.library().guardForms {
            #expect(explained.contains("guard \(form) turned on"), "no golden case applies guard form \(form)")
        }
    }

    /// D14: golden files that are all the same assert nothing.
    @Test func goldenPoliciesAreAllDifferent() throws {
        var seen: [String: String] = [:]
        for name in Self.cases {
            let path = Repository.path("\(Self.fixtures)/\(name)/expected")
            let files = try LocalFileSystem().listDirectory(path).filter { $0.hasPrefix("permissions-policy") }
            let contents = try files.map { String(decoding: try LocalFileSystem().readFile(path + "/" + $0, limit: 1 << 20), as: UTF8.self) }
                .joined(separator: "\n")
            #expect(!contents.isEmpty, "\(name) has no recorded policy")
            if let other = seen[contents] { Issue.record("\(name) and \(other) have the same golden policy") }
            seen[contents] = name
        }
    }
}
