import Testing
import RolegenTestSupport
@testable import RolegenCore

/// The bundled personas and templates, generated with the Acme example values, against the
/// committed outputs in examples/acme-ml/generated (which the README shows to newcomers).
@Suite struct BundledLibraryTests {
    static let repository = RootedFileSystem(root: Repository.root)

    static var personas: [String] {
        ((try? repository.listDirectory("personas")) ?? []).filter { $0.hasSuffix(".yaml") }.map { "personas/" + $0 }
    }

    /// The bundled catalog; the tests below fail (rather than crash) when it does not load.
    @Test func theBundledCatalogLoads() {
        #expect(TestCatalog.bundled != nil)
    }

    private func generate(_ persona: String) -> (RoleBundle?, [Diagnostic]) {
        guard let catalog = TestCatalog.bundled else { return (nil, []) }
        let sink = DiagnosticSink()
        let values = ValueSources.load(valuesFiles: ["examples/acme-ml/values.yaml"], assignments: [],
                                       loader: YAMLFileLoader(fileSystem: Self.repository), sink: sink)
        let bundle = Generator(fileSystem: Self.repository, catalog: catalog).generate(personaPath: persona, values: values, sink: sink)
        return (bundle, sink.diagnostics)
    }

    @Test func theBundledPersonasExist() {
        for name in ["data-scientist", "mlops-engineer", "ml-admin", "sagemaker-execution", "ml-auditor", "mlflow-tracking-server",
                     "canvas-user", "studio-user", "mlops-pipeline"] {
            #expect(Self.personas.contains("personas/\(name).yaml"))
        }
    }

    @Test(arguments: personas)
    func generatesTheCommittedExampleBundle(persona: String) throws {
        let (bundle, diagnostics) = generate(persona)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.description))")
        let generated = try #require(bundle)
        let directory = Repository.path("examples/acme-ml/generated/\(generated.persona.name)/")
        for file in generated.files {
            GoldenFile.check(file.contents, against: directory + file.name)
        }
        let committed = try LocalFileSystem().listDirectory(directory)
        #expect(committed == generated.files.map(\.name).sorted(), "\(directory) holds files the persona no longer generates")
        #expect(generate(persona).0?.files == generated.files, "a second run must give the same bytes")
    }

    /// All the personas in one CloudFormation stack and one Terraform module, as committed under
    /// examples/acme-ml/deploy/FORMAT/ (scripts/deploy/check-outputs runs cfn-lint and python-hcl2 on them).
    @Test func generatesTheCommittedDeploymentTemplates() throws {
        let bundles = try Self.personas.map { try #require(generate($0).0) }
        for format in DeploymentFormat.allCases where format != .iamJSON {
            for file in format.files(bundles) {
                GoldenFile.check(file.contents, against: Repository.path("examples/acme-ml/deploy/\(format.rawValue)/\(file.name)"))
            }
        }
    }

    /// rolegen's own CloudFormation reader finds every document of the committed stack (YAML and
    /// JSON) and lint passes them at its default threshold.
    @Test(arguments: ["examples/acme-ml/deploy/cloudformation/template.yaml", "examples/acme-ml/deploy/cloudformation-json/template.json"])
    func theCommittedStackLintsClean(template: String) throws {
        let catalog = try #require(TestCatalog.bundled)
        let runner = LintRunner(fileSystem: Self.repository, catalog: catalog, settings: LintSettings(), options: LintInputOptions())
        let sink = DiagnosticSink()
        let result = runner.run(paths: [template], sink: sink)
        #expect(sink.diagnostics.filter { $0.severity == .error }.isEmpty, "\(sink.diagnostics)")
        let bundles = try Self.personas.map { try #require(generate($0).0) }
        let documents = bundles.reduce(0) { $0 + $1.managedPolicies.count + ($1.trust == nil ? 0 : 1) + $1.generatedBoundaries.count }
        #expect(result.policiesChecked == documents)
        let failing = result.findings.filter { $0.severity >= .high }
        #expect(failing.isEmpty, "\(failing.map { "\($0.location): \($0.message) [\($0.rule)]" }.joined(separator: "\n"))")
    }

    /// The starter example, in every format, as committed under examples/starter/deploy/FORMAT/.
    @Test func theStarterExampleDeploysInEveryFormat() throws {
        let catalog = try #require(TestCatalog.bundled)
        let sink = DiagnosticSink()
        let values = ValueSources.load(valuesFiles: ["examples/starter/values.yaml"], assignments: [],
                                       loader: YAMLFileLoader(fileSystem: Self.repository), sink: sink)
        let bundle = try #require(Generator(fileSystem: Self.repository, catalog: catalog)
            .generate(personaPath: "examples/starter/persona.yaml", values: values, sink: sink), "\(sink.diagnostics)")
        for file in bundle.files {
            GoldenFile.check(file.contents, against: Repository.path("examples/starter/deploy/iam-json/starter/\(file.name)"))
        }
        for format in DeploymentFormat.allCases where format != .iamJSON {
            for file in format.files([bundle]) {
                GoldenFile.check(file.contents, against: Repository.path("examples/starter/deploy/\(format.rawValue)/\(file.name)"))
            }
        }
    }

    /// The rules every generated policy obeys (LeastPrivilegeAudit), checked on the files written.
    @Test(arguments: personas)
    func generatedPoliciesStayLeastPrivilege(persona: String) throws {
        let bundle = try #require(generate(persona).0)
        let catalog = try #require(TestCatalog.bundled)
        let problems = LeastPrivilegeAudit(catalog: catalog, bundle: bundle).problems(in: bundle.files)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(bundle.trust != nil || bundle.persona.principal == .identityCenter)
    }

    /// What rolegen generates, `rolegen lint` passes at its default threshold (high).
    @Test(arguments: personas)
    func generatedPoliciesLintClean(persona: String) throws {
        let catalog = try #require(TestCatalog.bundled)
        var runner = LintRunner(fileSystem: Self.repository, catalog: catalog, settings: LintSettings(), options: LintInputOptions())
        runner.valuesFiles = ["examples/acme-ml/values.yaml"]
        let sink = DiagnosticSink()
        let result = runner.run(paths: [persona], sink: sink)
        #expect(sink.diagnostics.filter { $0.severity == .error }.isEmpty, "\(sink.diagnostics)")
        // Every document deployed is checked: each split managed policy, the trust policy and a
        // generated boundary (ml-admin's boundary for the roles it creates).
        let bundle = try #require(generate(persona).0)
        #expect(result.policiesChecked == bundle.files.filter { $0.kind != "manifest" }.count)
        #expect(result.policiesChecked >= 2)
        let failing = result.findings.filter { $0.severity >= .high }
        #expect(failing.isEmpty, "\(failing.map { "\($0.location): \($0.severity.rawValue): \($0.message) [\($0.rule)]" }.joined(separator: "\n"))")
    }

    /// ml-admin may create roles only under the boundary generated from sagemaker-execution,
    /// and that boundary is what sagemaker-execution is granted.
    @Test func mlAdminCreatesRolesOnlyUnderTheGeneratedBoundary() throws {
        let admin = try #require(generate("personas/ml-admin.yaml").0)
        let execution = try #require(generate("personas/sagemaker-execution.yaml").0)
        let boundary = try #require(admin.createdRolesBoundary)
        #expect(boundary.arn == "arn:aws:iam::111122223333:policy/acme-ml-ml-admin-created-roles-boundary")
        #expect(boundary.document == execution.permissions)
        let creating = admin.permissions.statements.filter { $0.effect == .allow && $0.actions.contains { $0.hasPrefix("iam:") && $0 != "iam:PassRole" } }
        #expect(!creating.isEmpty)
        for statement in creating {
            #expect(statement.condition.values(operator: "StringEquals", key: "iam:PermissionsBoundary") == [boundary.arn])
            #expect(statement.resources.allSatisfy { $0.hasPrefix("arn:aws:iam::111122223333:role/acme-ml-sm-") })
        }
        let denied = admin.permissions.statements.filter { $0.effect == .deny }.flatMap(\.actions)
        #expect(denied.contains("iam:DeleteRolePermissionsBoundary"))
        #expect(denied.contains("iam:CreatePolicyVersion"))
        // Passing roles stays limited to named roles.
        for statement in admin.permissions.statements where statement.actions.contains("iam:PassRole") {
            #expect(statement.resources.allSatisfy { !$0.contains("*") })
        }
    }

    @Test func everyBundledTemplateAndGuardLoadsCleanly() {
        let sink = DiagnosticSink()
        let loader = YAMLFileLoader(fileSystem: Self.repository)
        let library = TemplateLibrary(searchPaths: ["templates"], loader: loader)
        let checker = TemplateChecker(library: library, checks: CatalogChecks(catalog: TestCatalog.bundled!, sink: sink))
        #expect(library.names.count >= 15)
        for name in library.names {
            switch library.entry(named: name, sink: sink) {
            case .template(let template)?:
                #expect(checker.check(template), "\(name)")
                #expect(template.description.count > 80, "\(name) needs a description that says what it allows and does not")
            case .guardDefinition(let definition)?:
                #expect(checker.check(definition), "\(name)")
            case nil:
                Issue.record("\(name) does not load")
            }
        }
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics.map(\.description))")
    }
}
