import Foundation
import Testing
import RolegenTestSupport
@testable import RolegenCore

/// The JSON Schemas of personas, templates and `.rolegen.yaml` (RolegenSchemas): the committed
/// copies under schemas/ are the generated ones, every key the parsers accept is described, and
/// every bundled YAML file fits its schema (scripts/ecosystem/check-schemas checks the same files
/// with check-jsonschema in CI).
@Suite struct JSONSchemaTests {
    static let repository = RootedFileSystem(root: Repository.root)

    /// Every YAML file rolegen ships that has a schema: personas, templates and guards, every
    /// `.rolegen.yaml`, and example files that name a schema in a yaml-language-server line.
    static var bundledFiles: [String] {
        var files: [String] = []
        for top in ["personas", "templates", "examples"] { files += yamlFiles(under: top) }
        return files.filter { kind(of: $0) != nil }
    }

    private static func yamlFiles(under directory: String) -> [String] {
        guard let names = try? repository.listDirectory(directory) else { return [] }
        return names.sorted().flatMap { name -> [String] in
            let path = directory + "/" + name
            if repository.kind(of: path) == .directory { return yamlFiles(under: path) }
            return name.hasSuffix(".yaml") || name.hasSuffix(".yml") ? [path] : []
        }
    }

    /// Which schema a file answers to, from its place or its yaml-language-server line.
    static func kind(of path: String) -> RolegenSchemas.Kind? {
        if path.hasSuffix("/" + Configuration.fileName) { return .config }
        if path.hasPrefix("personas/") { return .persona }
        if path.hasPrefix("templates/") { return .template }
        let text = (try? repository.readFile(path, limit: 1 << 20)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        for kind in RolegenSchemas.Kind.allCases where text.contains("$schema=") && text.contains(kind.fileName) { return kind }
        return nil
    }

    private func validator(_ kind: RolegenSchemas.Kind) throws -> SchemaValidator {
        try SchemaValidator(json: RolegenSchemas.rendered(kind))
    }

    private func problems(_ path: String, _ kind: RolegenSchemas.Kind, fileSystem: any FileSystem = repository) throws -> [String] {
        let sink = DiagnosticSink()
        let node = try #require(YAMLFileLoader(fileSystem: fileSystem).load(path, sink: sink), "\(sink.diagnostics)")
        return try validator(kind).problems(in: node)
    }

    @Test(arguments: RolegenSchemas.Kind.allCases)
    func theCommittedSchemaIsTheGeneratedOne(kind: RolegenSchemas.Kind) {
        GoldenFile.check(RolegenSchemas.rendered(kind), against: Repository.path("schemas/" + kind.fileName))
    }

    @Test func everyKeyTheParsersAcceptIsDescribed() {
        let message = "keys the parsers accept but RolegenSchemas does not describe: "
            + RolegenSchemas.undescribedKeys.joined(separator: ", ") + "; add each to its table in "
            + "Sources/RolegenCore/Schema/RolegenSchemas.swift, then re-record schemas/ with ROLEGEN_RECORD=1 swift test --filter JSONSchemaTests"
        #expect(RolegenSchemas.undescribedKeys.isEmpty, "\(message)")
    }

    @Test func everyKindOfBundledFileIsChecked() {
        let kinds = Set(Self.bundledFiles.compactMap(Self.kind(of:)))
        #expect(kinds == Set(RolegenSchemas.Kind.allCases), "\(kinds)")
        #expect(Self.bundledFiles.count >= 50, "\(Self.bundledFiles.count)")
    }

    /// Fails naming the file, line, column and key when a bundled file uses a key the schema lacks.
    @Test(arguments: bundledFiles)
    func bundledFileFitsItsSchema(path: String) throws {
        let kind = try #require(Self.kind(of: path))
        let found = try problems(path, kind)
        #expect(found.isEmpty, "\(path) does not fit schemas/\(kind.fileName):\n\(found.joined(separator: "\n"))")
    }

    @Test func theStarterProjectFitsItsSchemas() throws {
        let fileSystem = InMemoryFileSystem(Dictionary(uniqueKeysWithValues: StarterProject.files.map { ($0.name, $0.contents) }))
        #expect(try problems(StarterProject.personaFile, .persona, fileSystem: fileSystem).isEmpty)
        #expect(try problems(Configuration.fileName, .config, fileSystem: fileSystem).isEmpty)
    }

    @Test func anUnknownKeyIsReportedWithItsPlace() throws {
        let fileSystem = InMemoryFileSystem([
            "p.yaml": "persona: p\ncapabilities:\n  - use: s3-bucket-read\n    expect: [allow]\n",
            "t.yaml": "template: t\nversion: 1\ndescription: d\nstatements:\n  - sid: A\n    actions: [s3:GetObject]\n    resource: ['*']\n",
            "g.yaml": "guard: g\nversion: 1\ndescription: d\nforms:\n  f:\n    condition: {}\n",
            ".rolegen.yaml": "version: 1\nlint:\n  fail-on: high\n",
        ])
        #expect(try problems("p.yaml", .persona, fileSystem: fileSystem) == [
            "p.yaml:4:5: key 'expect' is not in the schema (at /capabilities/0; known keys: guards, id, reason, use, version, with); "
                + "add it to RolegenSchemas and re-record schemas/",
        ])
        let template = try problems("t.yaml", .template, fileSystem: fileSystem)
        #expect(template.contains { $0.hasPrefix("t.yaml:7:5: key 'resource' is not in the schema (at /statements/0;") }, "\(template)")
        let guardProblems = try problems("g.yaml", .template, fileSystem: fileSystem)
        #expect(guardProblems.contains { $0.hasPrefix("g.yaml:6:5: key 'condition' is not in the schema (at /forms/f;") }, "\(guardProblems)")
        #expect(guardProblems.contains("g.yaml:6:5: missing required key 'conditions' (at /forms/f)") || guardProblems.contains {
            $0.contains("missing required key 'conditions'")
        }, "\(guardProblems)")
        let config = try problems(".rolegen.yaml", .config, fileSystem: fileSystem)
        #expect(config.contains { $0.hasPrefix(".rolegen.yaml:3:3: key 'fail-on' is not in the schema (at /lint;") }, "\(config)")
    }

    @Test func wrongTypesAndValuesAreReported() throws {
        let fileSystem = InMemoryFileSystem([
            "p.yaml": "persona: Data_Scientist\nprincipal:\n  kind: robot\ncapabilities: s3-read\n",
            ".rolegen.yaml": "version: 2\nlint:\n  fail_on: severe\n  rules:\n    no-such-rule: false\n",
        ])
        let persona = try problems("p.yaml", .persona, fileSystem: fileSystem)
        #expect(persona.contains("p.yaml:1:10: 'Data_Scientist' does not match ^[a-z0-9]+(-[a-z0-9]+)*$ (at /persona)"), "\(persona)")
        #expect(persona.contains("p.yaml:3:9: 'robot' is not one of service, human, ci, cross-account (at /principal/kind)"), "\(persona)")
        #expect(persona.contains("p.yaml:4:15: expected array, found string the value 's3-read' (at /capabilities)"), "\(persona)")
        let config = try problems(".rolegen.yaml", .config, fileSystem: fileSystem)
        #expect(config.contains(".rolegen.yaml:1:10: expected 1, found the value '2' (at /version)"), "\(config)")
        #expect(config.contains { $0.hasPrefix(".rolegen.yaml:3:12: 'severe' is not one of error, critical, high") }, "\(config)")
        #expect(config.contains { $0.hasPrefix(".rolegen.yaml:5:5: 'no-such-rule' is not one of") }, "\(config)")
    }

    /// The validator reads YAML's types as editors do: quoted text is a string, plain 12 is a number.
    @Test func scalarsAreTypedAsYAMLCoreSchemaReadersTypeThem() throws {
        let sink = DiagnosticSink()
        let node = try #require(YAMLReader.parse("a: '12'\nb: 12\nc: true\nd: ~\ne: 1.5\nf: text\n", path: "x.yaml", into: sink))
        guard case .mapping(let entries) = node.content else { Issue.record("not a mapping"); return }
        #expect(entries.map { SchemaValidator.type(of: $0.value) } == ["string", "integer", "boolean", "null", "number", "string"])
    }
}
