import Testing
import RolegenTestSupport
@testable import RolegenCore

/// The pieces of the deployment outputs on their own: principal checks, IAM's naming rules, the
/// YAML and HCL writers, the boundary check.
@Suite struct DeploymentUnitTests {
    @Test(arguments: [
        ("repo:acme/ml:ref:refs/heads/main", nil),
        ("repo:acme/ml:environment:prod", nil),
        ("repo:acme/ml:pull_request", nil),
        ("repo:acme/ml:ref:refs/heads/release-*", nil),
        ("*", "admits every workflow"),
        ("??", "admits every workflow"),
        ("repo:acme/*:ref:refs/heads/main", "does not pin one repository"),
        ("repo:*/ml:ref:refs/heads/main", "does not pin one repository"),
        ("repo:acme/ml:*", "does not pin one repository"),
        ("repo:acme/ml", "does not pin one repository"),
        ("repo:acme:ref:refs/heads/main", "does not pin one repository"),
    ] as [(String, String?)])
    func githubSubjects(subject: String, problem: String?) {
        let found = TrustPrincipals.subjectProblem(subject, host: TrustPrincipals.githubHost)
        if let problem { #expect(found?.contains(problem) == true, "\(found ?? "nil")") } else { #expect(found == nil) }
    }

    @Test func otherProvidersRefuseOnlyWildcardSubjects() {
        #expect(TrustPrincipals.subjectProblem("project_path:acme/*", host: "gitlab.example.com") == nil)
        #expect(TrustPrincipals.subjectProblem("*", host: "gitlab.example.com") != nil)
    }

    @Test func oidcProviderARNs() {
        #expect(TrustPrincipals.oidcHost(ofProviderARN: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com",
                                         partition: "aws") == "token.actions.githubusercontent.com")
        #expect(TrustPrincipals.oidcHost(ofProviderARN: "arn:aws:iam::111122223333:oidc-provider/gitlab.example.com/path", partition: "aws")
                == "gitlab.example.com/path")
        for bad in ["arn:aws:iam::1234:oidc-provider/x.com", "arn:aws-cn:iam::111122223333:oidc-provider/x.com",
                    "arn:aws:iam::111122223333:saml-provider/x", "arn:aws:iam::111122223333:oidc-provider/", "arn:aws:iam::111122223333:oidc-provider/*"] {
            #expect(TrustPrincipals.oidcHost(ofProviderARN: bad, partition: "aws") == nil, "\(bad)")
        }
    }

    @Test func crossAccountPrincipals() throws {
        #expect(try TrustPrincipals.crossAccountPrincipal("444455556666", partition: "aws").get() == "arn:aws:iam::444455556666:root")
        #expect(try TrustPrincipals.crossAccountPrincipal("arn:aws:iam::444455556666:role/x", partition: "aws").get()
                == "arn:aws:iam::444455556666:role/x")
        let cases: [(String, String)] = [
            ("4444-5555-6666", "'4444-5555-6666' is not an account id: an account id is exactly 12 digits, found 12 (write it without '-')"),
            ("arn:aws-cn:iam::444455556666:root", "'arn:aws-cn:iam::444455556666:root' is in partition aws-cn, the role in aws"),
            ("arn:aws:iam::4444:root", "'arn:aws:iam::4444:root' has account '4444': an account id is exactly 12 digits"),
        ]
        for (text, message) in cases {
            guard case .failure(let reason) = TrustPrincipals.crossAccountPrincipal(text, partition: "aws") else {
                Issue.record("\(text) accepted")
                continue
            }
            #expect(reason.message == message)
        }
    }

    @Test func externalIDs() {
        #expect(TrustPrincipals.externalIDProblem("acme-partner_7f3a:9c/x=y") == nil)
        #expect(TrustPrincipals.externalIDProblem("a") == "an external id is 2 to 1,224 characters, found 1")
        #expect(TrustPrincipals.externalIDProblem("a#b")?.hasPrefix("external id contains '#'") == true)
    }

    @Test func roleNamesAndPaths() {
        #expect(RoleNaming.nameProblem("acme-ml_role+=,.@") == nil)
        #expect(RoleNaming.nameProblem(String(repeating: "a", count: 65)) == "a role name is 1 to 64 characters, '\(String(repeating: "a", count: 65))' has 65")
        #expect(RoleNaming.pathProblem("/") == nil)
        #expect(RoleNaming.pathProblem("/ml/team/") == nil)
        #expect(RoleNaming.pathProblem("/ml//") == "role path '/ml//' has an empty part ('//')")
        #expect(RoleNaming.pathProblem("/m l/")?.contains("printable ASCII") == true)
        #expect(RoleNaming.policyARNProblem("arn:aws:iam::aws:policy/ReadOnlyAccess", partition: "aws") == nil)
        #expect(RoleNaming.policyARNProblem("arn:aws:iam::111122223333:policy/*", partition: "aws") != nil)
    }

    @Test func yamlQuotesWhatYAMLWouldMisread() {
        let value = JSONValue.object([
            ("Null", .object([("aws:TagKeys", .string("false"))])),
            ("Plain", .array([.string("a"), .object([("K", .number(1)), ("L", .array([]))]), .array([.bool(true)])])),
            ("Empty", .object([])),
        ])
        #expect(YAMLEmitter.render(value) == """
            "Null":
              "aws:TagKeys": "false"
            Plain:
              - "a"
              - K: 1
                L: []
              -
                - true
            Empty: {}

            """)
    }

    @Test func roleDescriptionsFitIAM() throws {
        let catalog = try #require(TestCatalog.bundled)
        let long = String(repeating: "word ", count: 300)
        let fileSystem = InMemoryFileSystem([
            "persona.yaml": """
                persona: p
                description: |
                  Über \(long)
                  still the first paragraph.

                  Second paragraph.
                principal:
                  kind: service
                  services: [sagemaker.amazonaws.com]
                context:
                  account: "111122223333"
                  region: us-east-1
                capabilities:
                  - use: t
                """,
            "templates/t.yaml": """
                template: t
                version: 1
                description: Put metrics.
                statements:
                  - sid: PutMetrics
                    actions: [cloudwatch:PutMetricData]
                    resources: ["*"]
                """,
        ])
        let sink = DiagnosticSink()
        let bundle = try #require(Generator(fileSystem: fileSystem, catalog: catalog)
            .generate(personaPath: "persona.yaml", values: ValueSources(), sink: sink), "\(sink.diagnostics)")
        let description = DeployedRole(bundle).roleDescription
        #expect(description.count == 1_000)
        #expect(description.hasPrefix("Über word word"))
        #expect(description.hasSuffix("..."))
        #expect(!description.contains("\n"))
    }

    @Test func boundaryCheckFindsWhatTheBoundaryLeavesOut() {
        let permissions = PolicyDocument(statements: [
            PolicyStatement(sid: "Read", effect: .allow, actions: ["s3:GetObject", "s3:PutObject"],
                            resources: ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"]),
        ])
        let boundary = PolicyDocument(statements: [
            PolicyStatement(sid: "All", effect: .allow, actions: ["s3:Get*", "s3:PutObject"], resources: ["arn:aws:s3:::*"]),
            PolicyStatement(sid: "NoB", effect: .deny, actions: ["s3:PutObject"], resources: ["arn:aws:s3:::b/*"]),
        ])
        let missing = BoundaryCheck.uncovered(permissions: permissions, boundary: boundary)
        #expect(missing.map { "\($0.action) \($0.resource)" } == ["s3:PutObject arn:aws:s3:::b/*"])
        #expect(BoundaryCheck.uncovered(permissions: permissions, boundary: permissions).isEmpty)
    }

    @Test func terraformAttributesAlignAsTerraformFmtDoes() {
        let text = "resource \"x\" \"y\" {\n  name = \"a\"\n  description = \"b\"\n  policy = jsonencode({\n    \"Sid\" = \"S\"\n    \"Effect\" = \"Allow\"\n    \"Action\" = [\n      \"s3:GetObject\",\n    ]\n  })\n  tags = {\n    \"k\" = \"v\"\n  }\n}\n"
        #expect(TerraformRenderer.aligned(text) == "resource \"x\" \"y\" {\n  name        = \"a\"\n  description = \"b\"\n  policy = jsonencode({\n    \"Sid\"    = \"S\"\n    \"Effect\" = \"Allow\"\n    \"Action\" = [\n      \"s3:GetObject\",\n    ]\n  })\n  tags = {\n    \"k\" = \"v\"\n  }\n}\n")
    }
}
