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

    /// docs/rules.md is generated from the rules' metadata (`rolegen rules --format markdown`).
    @Test func theRulePageIsCurrent() throws {
        let expected = RuleDocumentation.markdown(RuleRegistry.all.map(\.metadata))
        GoldenFile.check(expected, against: Repository.path("docs/rules.md"))
    }

    @Test func everyBundledPersonaIsIndexed() throws {
        let page = try read("docs/library.md")
        for name in try LocalFileSystem().listDirectory(Repository.path("personas")) where name.hasSuffix(".yaml") {
            #expect(page.contains("| `\(name.dropLast(5))` |"), "docs/library.md does not list persona \(name)")
        }
    }

    /// Every Role Manager activity (console names and CDK factories, from the ML activities
    /// reference) has a row in the migration table, naming templates that exist.
    @Test func everyRoleManagerActivityIsMapped() throws {
        let page = try read("docs/role-manager.md")
        let activities = [
            "Access Required AWS Services", "Run Studio Classic Applications", "Manage ML Jobs", "Manage Models",
            "Manage Endpoints", "Manage Pipelines", "Manage Experiments", "Search and visualize experiments",
            "Manage Model Monitoring", "Amazon S3 Full Access", "Amazon S3 Bucket Access", "Query Athena Workgroups",
            "Manage AWS Glue Tables", "SageMaker Canvas Core Access", "SageMaker Canvas Data Preparation",
            "SageMaker Canvas AI Services", "SageMaker Canvas MLOps", "SageMaker Canvas Kendra Access", "Use MLflow",
            "Manage MLflow Tracking Servers", "Access required to AWS Services for MLflow", "Run Studio EMR Serverless Applications",
            "accessAwsServices", "runStudioApps", "runStudioAppsV2", "manageJobs", "manageModels", "manageEndpoints",
            "managePipelines", "manageExperiments", "visualizeExperiments", "monitorModels", "accessS3AllResources",
            "accessS3AllResourcesV2", "accessS3Buckets", "queryAthenaGroups", "manageGlueTables",
        ]
        let rows = page.split(separator: "\n").filter { $0.hasPrefix("| ") }
        let templates = Set(try LocalFileSystem().listDirectory(Repository.path("templates")).filter { $0.hasSuffix(".yaml") }
            .map { String($0.dropLast(5)) })
        for activity in activities {
            guard let row = rows.first(where: { $0.contains(activity) }) else {
                Issue.record("docs/role-manager.md does not map \(activity)")
                continue
            }
            let named = row.split(separator: "|")[1].split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            #expect(!named.isEmpty && named.allSatisfy(templates.contains), "\(activity): \(named) are not all bundled templates")
        }
    }

    @Test func theREADMECommandsNameFilesThatExist() throws {
        let readme = try read("README.md")
        #expect(readme.contains("swift run rolegen personas/data-scientist.yaml --values examples/acme-ml/values.yaml"))
        #expect(readme.contains("\nswift test\n"))
        // Every persona, values file and document the README names exists.
        let named = readme.split(whereSeparator: { " `()[]\n".contains($0) })
            .filter { ($0.hasPrefix("personas/") || $0.hasPrefix("examples/") || $0.hasPrefix("docs/")) && $0.contains(".") && !$0.contains("*") }
        #expect(named.count >= 5)
        for path in named {
            #expect(LocalFileSystem().kind(of: Repository.path(String(path))) == .file, "README names \(path), which does not exist")
        }
        let ci = try read(".ci/run")
        #expect(ci.contains("\nswift test\n"), ".ci/run must run the README's test command")
    }
}
