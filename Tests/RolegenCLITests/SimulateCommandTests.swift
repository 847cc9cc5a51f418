import Testing
import RolegenTestSupport
@testable import RolegenCLI
@testable import RolegenCore

/// `rolegen simulate` end to end on Tests/RolegenCoreTests/Fixtures/simulate: every layer, every
/// input format, both output formats (golden files), --expect, and bad input.
@Suite struct SimulateCommandTests {
    static let root = Repository.path("Tests/RolegenCoreTests/Fixtures/simulate")

    private func run(_ arguments: [String]) -> (Int32, CapturingConsole) {
        let console = CapturingConsole()
        let status = RolegenCommand.run(arguments: ["simulate"] + arguments, console: console,
                                        fileSystem: RootedFileSystem(root: Self.root))
        return (status, console)
    }

    static let layers = ["--policy", "policies/identity.json", "--policy", "policies/version.json", "--boundary", "policies/boundary.yaml",
                         "--scp", "policies/scp-root.json", "--scp", "policies/scp-ou.json,policies/scp-root.json"]

    @Test func textReport() {
        let (status, console) = run(Self.layers + ["--requests", "requests.yaml", "--explain"])
        #expect(status == 0)
        #expect(console.errors.isEmpty, "\(console.errors)")
        GoldenFile.check(console.output, against: Self.root + "/expected/simulate.txt")
    }

    @Test func jsonReport() {
        let (status, console) = run(Self.layers + ["--requests", "requests.yaml", "--format", "json"])
        #expect(status == 0)
        GoldenFile.check(console.output, against: Self.root + "/expected/simulate.json")
    }

    @Test func oneRequestFromTheCommandLine() {
        let (status, console) = run(["--policy", "policies/identity.json", "--action", "s3:ListBucket", "--resource", "arn:aws:s3:::team-data",
                                     "--context", "aws:SourceVpc=vpc-1", "--context", "s3:prefix=home/a/", "--context", "s3:prefix="])
        #expect(status == 0)
        #expect(console.output == "ALLOW s3:ListBucket on arn:aws:s3:::team-data with aws:sourcevpc=vpc-1, s3:prefix=home/a/| -> identity: policies/identity.json #1 (Sid ListInVpc)\n")
    }

    @Test func expectDecidesTheExitCode() {
        let request = ["--policy", "policies/identity.json", "--action", "s3:DeleteObject", "--resource", "arn:aws:s3:::team-data/logs/x"]
        #expect(run(request + ["--expect", "deny"]).0 == 0)
        let (status, console) = run(request + ["--expect", "allow"])
        #expect(status == 1)
        #expect(console.output == "DENY_EXPLICIT s3:DeleteObject on arn:aws:s3:::team-data/logs/x -> identity: policies/identity.json #2 (Sid DenyLogs) (expected allow)\n")
    }

    @Test func sessionAndResourcePolicies() {
        let session = run(["--policy", "policies/identity.json", "--session-policy", "policies/session.json", "--principal-type", "role-session",
                           "--action", "s3:PutObject", "--resource", "arn:aws:s3:::team-data/alice/x", "--context", "aws:username=alice"])
        #expect(session.1.output.hasPrefix("DENY_IMPLICIT s3:PutObject on arn:aws:s3:::team-data/alice/x with aws:username=alice -> session: no Allow statement in the 1 session policy matches"))
        let bucket = run(["--resource-policy", "policies/bucket.json", "--principal", "arn:aws:iam::111122223333:user/alice",
                          "--action", "s3:GetObject", "--resource", "arn:aws:s3:::shared/x"])
        #expect(bucket.1.output == "ALLOW s3:GetObject on arn:aws:s3:::shared/x -> resource-policy: policies/bucket.json #0 (Sid AliceReads)\n")
        let federated = run(["--policy", "policies/session.json", "--principal-type", "federated-user-session",
                             "--action", "s3:GetObject", "--resource", "arn:aws:s3:::x/y"])
        #expect(federated.1.output.contains("-> session: a federated-user session without session policies has no permissions"))
    }

    @Test func personasAreGenerated() {
        let (status, console) = run(["--policy", "personas/team.yaml", "--values", "values.yaml", "--action", "iam:PassRole",
                                     "--resource", "arn:aws:iam::111122223333:role/team-execution", "--context", "iam:PassedToService=sagemaker.amazonaws.com"])
        #expect(status == 0, "\(console.errors)")
        #expect(console.output == "ALLOW iam:PassRole on arn:aws:iam::111122223333:role/team-execution with iam:passedtoservice=sagemaker.amazonaws.com -> identity: personas/team.yaml (permissions-policy.json) #0 (Sid Pass)\n")
    }

    @Test(arguments: [
        (["--policy", "policies/broken.json", "--action", "s3:GetObject", "--resource", "*"],
         "policies/broken.json:2:65: error: not valid JSON: trailing comma"),
        (["--policy", "policies/not-a-policy.json", "--action", "s3:GetObject", "--resource", "*"],
         "policies/not-a-policy.json:1:1: error: not a policy rolegen can evaluate"),
        (["--policy", "policies/rejected.json", "--action", "s3:GetObject", "--resource", "*"],
         "policies/rejected.json:3:75: error: IAM rejects this identity policy: Resource arn:aws:s3:us-east-1::data/* can not contain region information."),
        (["--policy", "policies/identity.json", "--scp", "policies/scp-with-principal.json", "--action", "s3:GetObject", "--resource", "*"],
         "policies/scp-with-principal.json:3:49: error: IAM rejects this service control policy: Policy document should not specify a principal."),
        (["--policy", "policies/nowhere.json", "--action", "s3:GetObject", "--resource", "*"],
         "policies/nowhere.json: error: cannot read the file: no such file or directory"),
        (["--policy", "policies/identity.json", "--requests", "bad-requests.yaml"],
         "bad-requests.yaml:1:3: error: request 1 is missing the required key 'resource' (an ARN, or * for actions without resources)\nbad-requests.yaml:2:3: error: unknown key 'acton' in request 2; did you mean 'action'?"),
        (["--policy", "policies/identity.json", "--action", "s3:GetObject"], "command line: error: --action and --resource go together"),
        (["--policy", "policies/identity.json"], "command line: error: no request: give --action and --resource, or --requests FILE"),
        (["--action", "s3:GetObject", "--resource", "*"], "command line: error: nothing to evaluate: give --policy"),
        (["--policy", "policies/identity.json", "--action", "s3:GetObject", "--resource", "*", "--context", "novalue"],
         "command line: error: --context 'novalue' must be key=value"),
        (["--policy", "policies/identity.json", "--action", "s3:GetObject", "--resource", "*", "--format", "jsn"],
         "command line: error: unknown format 'jsn'; did you mean 'json'?"),
        (["--policy", "policies/identity.json", "--action", "s3:GetObject", "--resource", "*", "--principal-type", "user"],
         "command line: error: unknown principal type 'user'"),
        (["--policy", "policies/identity.json", "--action", "s3:GetObject", "--resource", "*", "--expect", "allowed"],
         "command line: error: unknown expectation 'allowed'; did you mean 'allow'?"),
        (["--policy", "invalid/bad-expectation.yaml", "--action", "s3:GetObject", "--resource", "*"],
         "invalid/bad-expectation.yaml:13:5: error: unknown key 'alow' in an expectation; did you mean 'allow'?"),
    ] as [([String], String)])
    func inputErrorsExitWithTwo(arguments: [String], message: String) {
        let (status, console) = run(arguments)
        #expect(status == 2)
        #expect(console.errors.hasPrefix(message), "\(console.errors)")
        #expect(console.errors.contains("nothing was simulated"))
        #expect(console.output.isEmpty)
    }
}
