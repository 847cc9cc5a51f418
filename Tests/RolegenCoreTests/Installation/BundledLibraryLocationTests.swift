import Foundation
import Testing
import RolegenTestSupport
@testable import RolegenCore

/// Where rolegen finds its bundled library (docs/ecosystem.md): the test binary lives in the
/// checkout's `.build/`, so it sees the checkout, as `swift run rolegen` does; the installed
/// layout is exercised by scripts/ecosystem/check-install.
@Suite struct BundledLibraryLocationTests {
    private static func canonical(_ path: String?) -> String? {
        path.flatMap { LocalFileSystem().canonicalPath($0) }
    }

    @Test func aDevelopmentBuildUsesItsCheckout() {
        #expect(Self.canonical(BundledLibrary.root) == Self.canonical(Repository.root))
        #expect(Self.canonical(BundledLibrary.templatesDirectory) == Self.canonical(Repository.path("templates")))
        #expect(Self.canonical(BundledLibrary.personasDirectory) == Self.canonical(Repository.path("personas")))
        // Not installed: the catalog comes from SwiftPM's resource bundle.
        #expect(BundledLibrary.installedCatalog == nil)
        #expect(Catalog.bundledPath?.hasSuffix("/catalog.rolegen") == true)
    }

    private func scratchDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rolegen-library-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path + "/project", withIntermediateDirectories: true)
        return path
    }

    private func generate(_ persona: String) throws -> (RoleBundle?, [Diagnostic]) {
        let catalog = try #require(TestCatalog.bundled)
        let sink = DiagnosticSink()
        let values = ValueSources.load(valuesFiles: [], assignments: ["account=111122223333", "region=us-east-1",
                                                                      "data_buckets=[team-data]"],
                                       loader: YAMLFileLoader(fileSystem: LocalFileSystem()), sink: sink)
        let bundle = Generator(fileSystem: LocalFileSystem(), catalog: catalog).generate(personaPath: persona, values: values, sink: sink)
        return (bundle, sink.diagnostics)
    }

    @Test func aPersonaAnywhereUsesTheBundledTemplates() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let persona = directory + "/project/persona.yaml"
        try StarterProject.files.first { $0.name == StarterProject.personaFile }!.contents.write(toFile: persona, atomically: true, encoding: .utf8)
        let (bundle, diagnostics) = try generate(persona)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.description))")
        #expect(bundle?.permissionsJSON.contains("arn:aws:s3:::team-data/*") == true)
    }

    @Test func aProjectTemplateWinsOverTheBundledOne() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let persona = directory + "/project/persona.yaml"
        try StarterProject.files.first { $0.name == StarterProject.personaFile }!.contents.write(toFile: persona, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory + "/templates", withIntermediateDirectories: true)
        try """
            template: s3-bucket-read
            version: 1
            description: The team's own reading of buckets (objects only).
            parameters:
              buckets:
                type: list<s3-bucket-name>
            statements:
              - sid: OwnReadObjects
                actions: [s3:GetObject]
                resources:
                  - arn:${partition}:s3:::${buckets}/*

            """.write(toFile: directory + "/templates/s3-bucket-read.yaml", atomically: true, encoding: .utf8)
        let (bundle, diagnostics) = try generate(persona)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.description))")
        let policy = try #require(bundle?.permissionsJSON)
        #expect(policy.contains("OwnReadObjects"))
        #expect(!policy.contains("s3:ListBucket"))
    }
}
