import Testing
import RolegenTestSupport
@testable import RolegenCLI
@testable import RolegenCore

@Suite struct CatalogCommandTests {
    private func run(_ arguments: [String], _ fileSystem: any FileSystem = InMemoryFileSystem()) -> (Int32, CapturingConsole) {
        let console = CapturingConsole()
        return (RolegenCommand.run(arguments: arguments, console: console, fileSystem: fileSystem), console)
    }

    @Test func showDescribesAnAction() {
        let (status, console) = run(["catalog", "show", "s3:getobject"])
        #expect(status == 0)
        #expect(console.errors.isEmpty)
        #expect(console.output.hasPrefix("s3:GetObject (Amazon S3)\n  access level: Read\n  resource types:\n"))
        #expect(console.output.contains("    object             arn:${Partition}:s3:::${BucketName}/${ObjectName}\n"))
        #expect(console.output.contains("    s3:ResourceAccount           String\n"))
        #expect(console.output.hasSuffix("  dependent actions: none\n"))
    }

    @Test func showAsJSON() {
        let (status, console) = run(["catalog", "show", "iam:PassRole", "--format", "json"])
        #expect(status == 0)
        #expect(console.output.contains("\"action\": \"iam:PassRole\""))
        #expect(console.output.contains("\"access_level\": \"Permissions management\""))
        #expect(console.output.contains("\"name\": \"iam:PassedToService\""))
        #expect(console.output.contains("\"required\": true"))
    }

    @Test func unknownActionsExitWithOneAndSuggest() {
        let (status, console) = run(["catalog", "show", "s3:GetObjet", "sagemkr:CreateModel", "s3:Get*", "s3:GetObject"])
        #expect(status == 1)
        #expect(console.errors == """
            error: unknown action 's3:GetObjet'; did you mean 's3:GetObject'?
            error: unknown service 'sagemkr' in 'sagemkr:CreateModel'; did you mean 'sagemaker:CreateModel'?
            error: 's3:Get*' is a pattern; list the actions it matches with 'rolegen catalog actions s3:Get*'

            """)
        #expect(console.output.hasPrefix("s3:GetObject (Amazon S3)"))
    }

    @Test func actionsListsWhatPatternsMatch() {
        let (status, console) = run(["catalog", "actions", "sagemaker:*Pipeline*", "--access-level", "write"])
        #expect(status == 0)
        let lines = console.output.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("sagemaker:CreatePipeline ") && $0.hasSuffix("Write") })
        #expect(lines.allSatisfy { $0.hasSuffix("Write") })
        #expect(!lines.contains { $0.hasPrefix("sagemaker:ListPipelines") })
        let (none, noneConsole) = run(["catalog", "actions", "s3:NoSuch*"])
        #expect(none == 1)
        #expect(noneConsole.errors == "error: 's3:NoSuch*' matches no action\n")
        #expect(run(["catalog", "actions", "s3:*", "--access-level", "writ"]).0 == 2)
    }

    @Test func servicesAndVersion() {
        let (status, console) = run(["catalog", "services"])
        #expect(status == 0)
        #expect(console.output.split(separator: "\n").count == 445)
        #expect(console.output.contains("\ns3 "))
        let (versionStatus, version) = run(["catalog", "version", "--format", "json"])
        #expect(versionStatus == 0)
        #expect(version.output.contains("\"services\": 445"))
        #expect(version.output.contains("\"actions\": 20455"))
        #expect(version.output.contains("\"date\": \"2026-04\""))
    }

    /// Import AWS's format, then use the result through --catalog and through .rolegen.yaml.
    @Test func importThenUse() throws {
        let fileSystem = InMemoryFileSystem([
            "refs/s3.json": try fixture("s3.json"),
            "refs/sagemaker.json": try fixture("sagemaker.json"),
            "refs/index.json": try fixture("index.json"),
        ])
        let (status, console) = run(["catalog", "import", "refs", "--output", "my.rolegen", "--date", "2026-11-29"], fileSystem)
        #expect(status == 0, "\(console.errors)")
        #expect(console.errors == "wrote my.rolegen: 2 services, 7 actions\n")
        let (showStatus, show) = run(["catalog", "show", "sagemaker:CreateTrainingJob", "--catalog", "my.rolegen"], fileSystem)
        #expect(showStatus == 0)
        #expect(show.output.contains("training-job (required)"))
        #expect(show.output.contains("dependent actions: iam:PassRole, sagemaker:AddTags"))
        #expect(run(["catalog", "show", "ec2:RunInstances", "--catalog", "my.rolegen"], fileSystem).0 == 1)

        fileSystem.add(".rolegen.yaml", Array("version: 1\ncatalog: my.rolegen\n".utf8))
        let (configured, services) = run(["catalog", "services"], fileSystem)
        #expect(configured == 0)
        #expect(services.output.split(separator: "\n").count == 2)
    }

    @Test func unusableCatalogsExitWithTwo() {
        let fileSystem = InMemoryFileSystem(["broken.rolegen": "rolegen-catalog 1\nsource x\n"])
        let (missing, missingConsole) = run(["catalog", "show", "s3:GetObject", "--catalog", "nope.rolegen"], fileSystem)
        #expect(missing == 2)
        #expect(missingConsole.errors.hasPrefix("nope.rolegen: error: cannot read the catalog: no such file or directory\n"))
        let (broken, brokenConsole) = run(["catalog", "version", "--catalog", "broken.rolegen"], fileSystem)
        #expect(broken == 2)
        #expect(brokenConsole.errors.hasPrefix("broken.rolegen: error: not a usable catalog: the file is truncated: it ends before the 'date' line\n"))
        let (generate, generateConsole) = run(["persona.yaml", "--catalog", "nope.rolegen"],
                                              InMemoryFileSystem(["persona.yaml": BadInputTests.header]))
        #expect(generate == 2)
        #expect(generateConsole.errors.contains("nope.rolegen: error: cannot read the catalog"))
    }

    @Test func importRefusesBadInputAndWritesNothing() {
        let fileSystem = InMemoryFileSystem(["refs/s3.json": "[1, 2", "refs/ok.json": "{\"Name\": \"ok\", \"Actions\": []}"])
        let (status, console) = run(["catalog", "import", "refs", "-o", "out.rolegen"], fileSystem)
        #expect(status == 2)
        #expect(console.errors.hasPrefix("refs/s3.json: error: not valid JSON\n"))
        #expect(fileSystem.kind(of: "out.rolegen") == nil)
        #expect(run(["catalog", "import", "empty", "-o", "out.rolegen"], InMemoryFileSystem()).0 == 2)
    }

    @Test func configurationErrors() {
        let fileSystem = InMemoryFileSystem([".rolegen.yaml": "version: 1\ncatalogue: x.rolegen\n"])
        let (status, console) = run(["catalog", "version"], fileSystem)
        #expect(status == 2)
        #expect(console.errors.hasPrefix("""
            .rolegen.yaml:2:1: error: unknown key 'catalogue' in the configuration; did you mean 'catalog'?
                note: allowed keys: version, catalog
            """))
        let newer = InMemoryFileSystem([".rolegen.yaml": "version: 2\n"])
        let (newerStatus, newerConsole) = run(["catalog", "version"], newer)
        #expect(newerStatus == 2)
        #expect(newerConsole.errors.hasPrefix(
            ".rolegen.yaml:1:10: error: configuration version 2 is newer than this rolegen understands (1); upgrade rolegen\n"))
    }

    private func fixture(_ name: String) throws -> String {
        String(decoding: try LocalFileSystem().readFile(
            Repository.path("Tests/RolegenCoreTests/Fixtures/service-reference/\(name)"), limit: 1 << 20), as: UTF8.self)
    }
}
