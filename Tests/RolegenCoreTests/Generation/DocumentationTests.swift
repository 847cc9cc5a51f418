import Testing
import RolegenTestSupport
@testable import RolegenCore

/// Keeps the documentation in step with the code: a new diagnostic or template that is not
/// documented fails here, the way SwiftFormat's metadata tests catch drift.
@Suite struct DocumentationTests {
    private func read(_ path: String) throws -> String {
        String(decoding: try LocalFileSystem().readFile(Repository.path(path), limit: 1 << 20), as: UTF8.self)
    }

    @Test func everyDiagnosticIsDocumented() throws {
        let page = try read("docs/diagnostics.md")
        for id in DiagnosticID.allCases {
            #expect(page.contains("| `\(id.rawValue)` |"), "docs/diagnostics.md does not document \(id.rawValue)")
        }
    }

    @Test func everyBundledTemplateAndGuardIsIndexed() throws {
        let page = try read("docs/library.md")
        let library = TemplateLibrary(searchPaths: ["templates"], loader: YAMLFileLoader(fileSystem: RootedFileSystem(root: Repository.root)))
        for name in library.names {
            #expect(page.contains("| `\(name)` |"), "docs/library.md does not list \(name)")
        }
    }

    @Test func theREADMECommandsNameFilesThatExist() throws {
        let readme = try read("README.md")
        #expect(readme.contains("swift run rolegen personas/data-scientist.yaml --values examples/acme-ml/values.yaml"))
        #expect(readme.contains("\nswift test\n"))
        for path in ["personas/data-scientist.yaml", "personas/ml-admin.yaml", "examples/acme-ml/values.yaml"] {
            #expect(LocalFileSystem().kind(of: Repository.path(path)) == .file)
        }
        let ci = try read(".ci/run")
        #expect(ci.contains("\nswift test\n"), ".ci/run must run the README's test command")
    }
}
