import Testing
import RolegenTestSupport
@testable import RolegenCLI
@testable import RolegenCore

/// `rolegen generate` as a deployment tool: the formats, packaging options, and every bad input
/// of the deployment additions (principal kinds, role settings, boundaries, quotas) with the exact
/// message a user reads.
@Suite struct DeployCommandTests {
    static let templates: [String: String] = [
        "templates/read.yaml": """
            template: read
            version: 1
            description: Read objects of buckets.
            parameters:
              buckets:
                type: list<s3-bucket-name>
                description: Buckets to read.
            statements:
              - sid: ReadObjects
                actions: [s3:GetObject]
                resources:
                  - arn:${partition}:s3:::${buckets}/*
            """,
    ]

    static let header = """
        persona: p
        principal:
          kind: service
          services: [sagemaker.amazonaws.com]
        context:
          account: "111122223333"
          region: us-east-1

        """

    /// A persona reading `count` buckets with long names: about 60 characters each.
    static func persona(buckets count: Int, name: String = "p", tail: String = "") -> String {
        header.replacingOccurrences("persona: p", "persona: \(name)") + "capabilities:\n  - use: read\n    with:\n      buckets:\n"
            + (0..<count).map { "        - team-\(name)-project-\($0)-training-datasets-for-models\n" }.joined() + tail
    }

    private func run(_ arguments: [String], files: [String: String]) -> (status: Int32, console: CapturingConsole, fileSystem: InMemoryFileSystem) {
        let fileSystem = InMemoryFileSystem(Self.templates.merging(files) { $1 })
        let console = CapturingConsole()
        return (RolegenCommand.run(arguments: arguments, console: console, fileSystem: fileSystem), console, fileSystem)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var persona: String
        var stderr: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unknown principal kind", persona: """
            persona: p
            principal:
              kind: github
            context:
              account: "111122223333"
              region: us-east-1
            capabilities:
              - use: read
                with:
                  buckets: [team-data]
            """, stderr: """
            persona.yaml:3:9: error: unknown principal kind 'github'; kinds are service, human, ci, cross-account (ci: a pipeline through OIDC, such as GitHub Actions)
            """),
        Case(name: "principal key of another kind", persona: """
            persona: p
            principal:
              kind: service
              services: [sagemaker.amazonaws.com]
              external_id: abc123
            context:
              account: "111122223333"
              region: us-east-1
            capabilities:
              - use: read
                with:
                  buckets: [team-data]
            """, stderr: """
            persona.yaml:5:3: error: 'external_id' applies to cross-account principals, not to kind service
            """),
        Case(name: "OIDC provider ARN with a bad account", persona: """
            persona: p
            principal:
              kind: ci
              oidc_provider: arn:aws:iam::1234:oidc-provider/token.actions.githubusercontent.com
              subjects: ["repo:acme/ml:ref:refs/heads/main"]
            context:
              account: "111122223333"
              region: us-east-1
            capabilities:
              - use: read
                with:
                  buckets: [team-data]
            """, stderr: """
            persona.yaml:4:18: error: 'arn:aws:iam::1234:oidc-provider/token.actions.githubusercontent.com' is not an OIDC provider ARN: expected arn:aws:iam::ACCOUNT:oidc-provider/HOST, such as arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com
            """),
        Case(name: "OIDC provider written as a URL", persona: """
            persona: p
            principal:
              kind: ci
              oidc_provider: https://token.actions.githubusercontent.com
              subjects: ["repo:acme/ml:ref:refs/heads/main"]
            context:
              account: "111122223333"
              region: us-east-1
            capabilities:
              - use: read
                with:
                  buckets: [team-data]
            """, stderr: """
            persona.yaml:4:18: error: OIDC provider 'https://token.actions.githubusercontent.com': write the host without its scheme, 'token.actions.githubusercontent.com'
            """),
        Case(name: "wildcard-only subject", persona: """
            persona: p
            principal:
              kind: ci
              oidc_provider: token.actions.githubusercontent.com
              subjects: ["*"]
            context:
              account: "111122223333"
              region: us-east-1
            capabilities:
              - use: read
                with:
                  buckets: [team-data]
            """, stderr: """
            persona.yaml:5:15: error: subject '*' admits every workflow of every user of token.actions.githubusercontent.com; name the repository and branch or environment, such as repo:ORG/REPO:ref:refs/heads/main
            """),
        Case(name: "GitHub subject without a pinned repository", persona: """
            persona: p
            principal:
              kind: ci
              oidc_provider: token.actions.githubusercontent.com
              subjects: ["repo:acme/*:ref:refs/heads/main"]
            context:
              account: "111122223333"
              region: us-east-1
            capabilities:
              - use: read
                with:
                  buckets: [team-data]
            """, stderr: """
            persona.yaml:5:15: error: GitHub subject 'repo:acme/*:ref:refs/heads/main' does not pin one repository and ref: expected repo:ORG/REPO:ref:refs/heads/BRANCH, repo:ORG/REPO:environment:NAME or repo:ORG/REPO:pull_request, with ORG and REPO written out
            """),
        Case(name: "CI principal without subjects", persona: """
            persona: p
            principal:
              kind: ci
              oidc_provider: token.actions.githubusercontent.com
            context:
              account: "111122223333"
              region: us-east-1
            capabilities:
              - use: read
                with:
                  buckets: [team-data]
            """, stderr: """
            persona.yaml:3:3: error: a ci principal needs 'subjects': the workflows that may assume the role, such as repo:ORG/REPO:ref:refs/heads/main or repo:ORG/REPO:environment:prod
            """),
        Case(name: "other OIDC provider without audience", persona: """
            persona: p
            principal:
              kind: ci
              oidc_provider: gitlab.example.com
              subjects: ["project_path:acme/ml:ref_type:branch:ref:main"]
            context:
              account: "111122223333"
              region: us-east-1
            capabilities:
              - use: read
                with:
                  buckets: [team-data]
            """, stderr: """
            persona.yaml:3:3: error: OIDC provider gitlab.example.com needs 'audience': the client id its tokens carry in 'aud' (only GitHub's is known: sts.amazonaws.com)
            """),
        Case(name: "cross-account id of five digits", persona: """
            persona: p
            principal:
              kind: cross-account
              accounts: ["12345"]
              external_id: partner-7f3a
            context:
              account: "111122223333"
              region: us-east-1
            capabilities:
              - use: read
                with:
                  buckets: [team-data]
            """, stderr: """
            persona.yaml:4:15: error: '12345' is not an account id: an account id is exactly 12 digits, found 5
            """),
        Case(name: "cross-account wildcard role", persona: """
            persona: p
            principal:
              kind: cross-account
              accounts: ["arn:aws:iam::444455556666:role/*"]
              external_id: partner-7f3a
            context:
              account: "111122223333"
              region: us-east-1
            capabilities:
              - use: read
                with:
                  buckets: [team-data]
            """, stderr: """
            persona.yaml:4:15: error: 'arn:aws:iam::444455556666:role/*' is not an account id (12 digits) or the ARN of an account's root, role or user (arn:aws:iam::ACCOUNT:role/NAME), without wildcards
            """),
        Case(name: "cross-account without external id", persona: """
            persona: p
            principal:
              kind: cross-account
              accounts: ["444455556666"]
            context:
              account: "111122223333"
              region: us-east-1
            capabilities:
              - use: read
                with:
                  buckets: [team-data]
            """, stderr: """
            persona.yaml:3:3: error: a cross-account principal needs 'external_id': the secret agreed with the other account, which its callers pass as sts:ExternalId
            """),
        Case(name: "external id with a space", persona: """
            persona: p
            principal:
              kind: cross-account
              accounts: ["444455556666"]
              external_id: partner 7f3a
            context:
              account: "111122223333"
              region: us-east-1
            capabilities:
              - use: read
                with:
                  buckets: [team-data]
            """, stderr: """
            persona.yaml:5:16: error: external id contains ' '; STS accepts letters, digits and + = , . @ : / - _
            """),
        Case(name: "role name with a space", persona: """
            persona: p
            principal:
              kind: service
              services: [sagemaker.amazonaws.com]
            context:
              account: "111122223333"
              region: us-east-1
            capabilities:
              - use: read
                with:
                  buckets: [team-data]
            role:
              name: my role
            """, stderr: """
            persona.yaml:13:9: error: role name 'my role' contains ' '; IAM accepts letters, digits and + = , . @ _ -
            """),
        Case(name: "role path without slashes", persona: """
            persona: p
            principal:
              kind: service
              services: [sagemaker.amazonaws.com]
            context:
              account: "111122223333"
              region: us-east-1
            capabilities:
              - use: read
                with:
                  buckets: [team-data]
            role:
              path: ml
            """, stderr: """
            persona.yaml:13:9: error: role path 'ml' must begin and end with '/', such as /ml/
            """),
        Case(name: "session longer than twelve hours", persona: """
            persona: p
            principal:
              kind: service
              services: [sagemaker.amazonaws.com]
            context:
              account: "111122223333"
              region: us-east-1
            capabilities:
              - use: read
                with:
                  buckets: [team-data]
            role:
              max_session_duration: 86400
            """, stderr: """
            persona.yaml:13:25: error: 'max_session_duration' must be between 3600 and 43200, found 86400
            """),
        Case(name: "boundary persona unknown", persona: """
            persona: p
            principal:
              kind: service
              services: [sagemaker.amazonaws.com]
            context:
              account: "111122223333"
              region: us-east-1
            capabilities:
              - use: read
                with:
                  buckets: [team-data]
            role:
              permissions_boundary: celing
            """, stderr: """
            persona.yaml:13:25: error: unknown persona 'celing'
                note: searched .
            """),
        Case(name: "boundary ARN of a role", persona: """
            persona: p
            principal:
              kind: service
              services: [sagemaker.amazonaws.com]
            context:
              account: "111122223333"
              region: us-east-1
            capabilities:
              - use: read
                with:
                  buckets: [team-data]
            role:
              permissions_boundary: arn:aws:iam::111122223333:role/ceiling
            """, stderr: """
            persona.yaml:13:25: error: 'arn:aws:iam::111122223333:role/ceiling' is not a managed policy ARN: expected arn:aws:iam::ACCOUNT:policy/NAME, or the name of a persona whose permissions rolegen makes the boundary
            """),
    ]

    @Test(arguments: cases)
    func badInputExitsWithTwo(_ testCase: Case) {
        let (status, console, _) = run(["persona.yaml"], files: ["persona.yaml": testCase.persona])
        #expect(status == 2)
        #expect(console.output.isEmpty)
        let lines = console.errors.split(separator: "\n")
        #expect(lines.last.map { $0.hasPrefix("rolegen: ") && $0.hasSuffix("; nothing was written") } == true)
        #expect(lines.dropLast().joined(separator: "\n") == testCase.stderr)
    }

    @Test func aPersonaBeyondTheManagedPolicyQuotaFailsWithHowMuch() {
        let (status, console, fileSystem) = run(["persona.yaml", "--max-policies", "1", "-o", "out"],
                                                files: ["persona.yaml": Self.persona(buckets: 150)])
        #expect(status == 2)
        #expect(console.errors.hasPrefix("persona.yaml:1:1: error: persona 'p' does not fit IAM's quotas: the permissions policy is "))
        #expect(console.errors.contains(" characters: it needs 2 managed policies of at most 6144 characters, 1 more than the 1 allowed ("))
        #expect(console.errors.contains(" characters more than 1 × 6144); a role may have 10 managed policies attached by default and 20 with a quota increase (--max-policies), or the persona must grant less\n"))
        #expect(fileSystem.kind(of: "out") == nil)
    }

    @Test func theDefaultAllowsTenManagedPolicies() {
        let (status, console, fileSystem) = run(["persona.yaml", "-o", "out"], files: ["persona.yaml": Self.persona(buckets: 150)])
        #expect(status == 0, "\(console.errors)")
        #expect(fileSystem.text("out/p/permissions-policy-2.json") != nil)
        #expect(fileSystem.text("out/p/manifest.json")?.contains("\"policy_name\": \"p-permissions-2\"") == true)
    }

    @Test func inlineBeyondTheRoleQuotaFails() {
        let (status, console, _) = run(["persona.yaml", "--inline"], files: ["persona.yaml": Self.persona(buckets: 200)])
        #expect(status == 2)
        #expect(console.errors.contains("more than the 10240 IAM allows for all inline policies of one role together; attach it as managed policies instead (leave out --inline)"))
    }

    @Test func inlinePermissionsGoIntoTheRole() {
        let (status, console, _) = run(["persona.yaml", "--inline", "--format", "cloudformation"], files: ["persona.yaml": Self.persona(buckets: 2)])
        #expect(status == 0)
        #expect(console.output.contains("      Policies:\n        - PolicyName: \"p-permissions\"\n"))
        #expect(!console.output.contains("AWS::IAM::ManagedPolicy"))
    }

    static let boundaryFiles: [String: String] = [
        "persona.yaml": persona(buckets: 0, tail: "").replacingOccurrences("      buckets:\n", "      buckets: [team-data, team-scratch]\n")
            + "role:\n  permissions_boundary: ceiling\n",
        "ceiling.yaml": header.replacingOccurrences("persona: p", "persona: ceiling")
            + "capabilities:\n  - use: read\n    with:\n      buckets: [team-data]\n",
    ]

    @Test func aBoundaryThatDeniesTheRolesPermissionsWarnsAndFailsUnderStrict() {
        let (status, console, _) = run(["persona.yaml"], files: Self.boundaryFiles)
        #expect(status == 0)
        let warning = "persona.yaml:13:25: warning: the permissions boundary (persona 'ceiling') denies 1 of the role's 2 action-resource "
            + "grants, which the role could not use: s3:GetObject on arn:aws:s3:::team-scratch/*; a role can do only what its "
            + "permissions and its boundary both allow (--strict makes this an error)\n"
        #expect(console.errors == warning)
        let (strictStatus, strict, fileSystem) = run(["persona.yaml", "--strict", "-o", "out"], files: Self.boundaryFiles)
        #expect(strictStatus == 1)
        #expect(strict.errors == warning + "rolegen: a permissions boundary denies the role's own permissions (--strict); nothing was written\n")
        #expect(fileSystem.kind(of: "out") == nil)
    }

    @Test func aBoundaryFromAPersonaWithErrorsIsAnInputError() {
        var files = Self.boundaryFiles
        files["ceiling.yaml"] = Self.header.replacingOccurrences("persona: p", "persona: ceiling") + "capabilities:\n  - use: raed\n"
        let (status, console, _) = run(["persona.yaml"], files: files)
        #expect(status == 2)
        #expect(console.errors.hasPrefix("""
            ceiling.yaml:9:10: error: unknown template 'raed'; did you mean 'read'?
                note: searched templates; add a directory with --templates DIR
            persona.yaml:13:25: error: the permissions boundary cannot be generated: persona 'ceiling' has errors

            """))
    }

    @Test(arguments: [
        (["persona.yaml", "--format", "cloudfromation"], "Error: unknown --format 'cloudfromation'; did you mean 'cloudformation'?; formats are iam-json, cloudformation, cloudformation-json, terraform\n"),
        (["persona.yaml", "--max-policies", "21"], "Error: --max-policies must be 1 to 20 (IAM's most managed policies per role), found 21\n"),
        (["persona.yaml", "--inline", "--managed"], "Error: --inline and --managed exclude each other; give one\n"),
    ])
    func badOptionsAreUsageErrors(arguments: [String], message: String) {
        let (status, console, _) = run(arguments, files: ["persona.yaml": Self.persona(buckets: 1)])
        #expect(status == 2)
        #expect(console.errors.hasPrefix(message))
    }

    @Test func severalPersonasMakeOneStackOnStandardOutput() {
        let files = ["a.yaml": Self.persona(buckets: 1, name: "alpha"), "b.yaml": Self.persona(buckets: 1, name: "beta")]
        let (status, console, _) = run(["a.yaml", "b.yaml", "--format", "cloudformation"], files: files)
        #expect(status == 0, "\(console.errors)")
        #expect(console.output.hasPrefix("# Generated by rolegen"))
        #expect(console.output.contains("Description: \"IAM roles of personas alpha, beta, generated by rolegen"))
        #expect(console.output.contains("  AlphaRole:\n    Type: \"AWS::IAM::Role\"\n"))
        #expect(console.output.contains("  BetaRole:\n    Type: \"AWS::IAM::Role\"\n"))
        let (tfStatus, terraform, _) = run(["a.yaml", "b.yaml", "--format", "terraform"], files: files)
        #expect(tfStatus == 0)
        #expect(terraform.output.contains("resource \"aws_iam_role\" \"alpha\" {\n"))
        #expect(terraform.output.contains("resource \"aws_iam_role_policy_attachment\" \"beta\" {\n  role       = aws_iam_role.beta.name\n"))
    }

    @Test(arguments: [("terraform", "main.tf"), ("cloudformation", "template.yaml"), ("cloudformation-json", "template.json")])
    func outputDirectoryHoldsTheTemplateAndItsManifest(format: String, file: String) throws {
        let (status, console, fileSystem) = run(["persona.yaml", "--format", format, "-o", "out"], files: ["persona.yaml": Self.persona(buckets: 1)])
        #expect(status == 0)
        #expect(console.errors == "wrote out/\(file) (1 persona) and out/manifest.json\n")
        let template = try #require(fileSystem.text("out/\(file)"))
        let manifest = try #require(fileSystem.text("out/manifest.json"))
        #expect(manifest.contains("\"sha256\": \"\(SHA256.hex(of: Array(template.utf8)))\""))
        #expect(manifest.contains("\"format\": \"\(format)\""))
        #expect(try fileSystem.listDirectory("out") == [file, "manifest.json"].sorted())
    }

    @Test func terraformKeepsPolicyVariablesLiteral() {
        #expect(TerraformRenderer.quote("arn:aws:s3:::b/${aws:username}/*") == "\"arn:aws:s3:::b/$${aws:username}/*\"")
        #expect(TerraformRenderer.quote("100%{x} \"q\"") == "\"100%%{x} \\\"q\\\"\"")
    }

    @Test func theRolesOwnAccountAsACrossAccountPrincipalIsAWarning() {
        let persona = Self.persona(buckets: 1).replacingOccurrences("""
            principal:
              kind: service
              services: [sagemaker.amazonaws.com]
            """, """
            principal:
              kind: cross-account
              accounts: ["111122223333"]
              external_id: partner-7f3a
            """)
        let (status, console, _) = run(["persona.yaml", "--format", "terraform"], files: ["persona.yaml": persona])
        #expect(status == 0)
        #expect(console.errors == "persona.yaml:4:15: warning: account 111122223333 is the role's own account: a cross-account principal is for other accounts\n")
        #expect(console.output.contains("\"sts:ExternalId\" = var.p_external_id"))
        #expect(console.output.contains("variable \"p_external_id\" {"))
        #expect(!console.output.contains("partner-7f3a"), "the external id stays out of the template")
    }

    @Test func aPersonaInheritsTheRoleOfThePersonaItExtends() {
        let base = Self.persona(buckets: 1, name: "base", tail: "role:\n  name: team-base-role\n  path: /team/\n  max_session_duration: 7200\n")
        let child = "persona: child\nextends: base\n"
        let (status, console, fileSystem) = run(["child.yaml", "-o", "out"], files: ["base.yaml": base, "child.yaml": child])
        #expect(status == 0, "\(console.errors)")
        let manifest = fileSystem.text("out/child/manifest.json") ?? ""
        #expect(manifest.contains("\"name\": \"team-base-role\""))
        #expect(manifest.contains("\"arn\": \"arn:aws:iam::111122223333:role/team/team-base-role\""))
        #expect(manifest.contains("\"max_session_duration\": 7200"))
    }

    /// `rolegen test` and `simulate` evaluate a persona with its generated boundary, as IAM would.
    @Test func expectationsSeeTheGeneratedBoundary() {
        var files = Self.boundaryFiles
        files["persona.yaml"]! += """
            expect:
              - name: reads inside the boundary
                allow:
                  action: s3:GetObject
                  resource: arn:aws:s3:::team-data/x.csv
              - name: the boundary stops what the permissions grant
                deny:
                  action: s3:GetObject
                  resource: arn:aws:s3:::team-scratch/x.csv

            """
        let (status, console, _) = run(["test", "persona.yaml"], files: files)
        #expect(status == 0, "\(console.output)\(console.errors)")
        #expect(console.output.contains("PASS persona.yaml:"))
        #expect(console.output.contains("2 passed, 0 failed"))
    }

    @Test func twoPersonasMayNotDeployOneRoleOrShareALogicalId() {
        let sameRole = ["a.yaml": Self.persona(buckets: 1, name: "alpha", tail: "role:\n  name: shared\n"),
                        "b.yaml": Self.persona(buckets: 1, name: "beta", tail: "role:\n  name: shared\n")]
        let (status, console, _) = run(["a.yaml", "b.yaml", "-o", "out"], files: sameRole)
        #expect(status == 2)
        #expect(console.errors.hasPrefix("b.yaml:14:3: error: personas 'alpha' and 'beta' both deploy the role 'shared'; give one another name with 'role: name:'\n"))
        let sameStem = ["a.yaml": Self.persona(buckets: 1, name: "ml-admin2"), "b.yaml": Self.persona(buckets: 1, name: "ml-admin-2")]
        let (stemStatus, stem, _) = run(["a.yaml", "b.yaml", "--format", "cloudformation"], files: sameStem)
        #expect(stemStatus == 2)
        #expect(stem.errors.hasPrefix("b.yaml:1:1: error: personas 'ml-admin2' and 'ml-admin-2' both become 'MlAdmin2' in cloudformation names; rename one persona\n"))
        let (terraformStatus, _, _) = run(["a.yaml", "b.yaml", "--format", "terraform"], files: sameStem)
        #expect(terraformStatus == 0)
    }

    @Test func checkComparesATemplateFormatsFiles() throws {
        let fileSystem = InMemoryFileSystem(Self.templates.merging(["persona.yaml": Self.persona(buckets: 1)]) { $1 })
        let write = CapturingConsole()
        #expect(RolegenCommand.run(arguments: ["persona.yaml", "--format", "terraform", "-o", "out"], console: write, fileSystem: fileSystem) == 0)
        let current = CapturingConsole()
        #expect(RolegenCommand.run(arguments: ["persona.yaml", "--format", "terraform", "-o", "out", "--check"], console: current,
                                   fileSystem: fileSystem) == 0)
        #expect(current.output.isEmpty)
        try fileSystem.removeFile("out/main.tf")
        try fileSystem.writeNewFile("out/main.tf", contents: Array("# edited\n".utf8))
        let stale = CapturingConsole()
        #expect(RolegenCommand.run(arguments: ["persona.yaml", "--format", "terraform", "-o", "out", "--check"], console: stale,
                                   fileSystem: fileSystem) == 1)
        #expect(stale.output == "out/main.tf: stale: differs from what persona.yaml generates\n")
        #expect(fileSystem.text("out/main.tf") == "# edited\n", "--check writes nothing")
    }
}
