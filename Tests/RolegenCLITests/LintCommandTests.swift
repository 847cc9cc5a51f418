import Foundation
import Testing
import RolegenTestSupport
@testable import RolegenCLI
@testable import RolegenCore

/// `rolegen lint` end to end on the fixtures in Tests/RolegenCoreTests/Fixtures/lint: every input
/// format, every report format (golden files), exit codes, configuration, suppressions, baselines.
@Suite struct LintCommandTests {
    static let root = Repository.path("Tests/RolegenCoreTests/Fixtures/lint")

    private func run(_ arguments: [String], fileSystem: (any FileSystem)? = nil, input: String? = nil) -> (Int32, CapturingConsole) {
        let console = CapturingConsole()
        if let input { console.input = Array(input.utf8) }
        let status = RolegenCommand.run(arguments: ["lint"] + arguments, console: console,
                                        fileSystem: fileSystem ?? RootedFileSystem(root: Self.root))
        return (status, console)
    }

    @Test(arguments: LintReportFormat.allCases)
    func reportsEveryFormat(format: LintReportFormat) {
        let (status, console) = run(["inputs", "--format", format.rawValue])
        #expect(status == 1)
        let name = ["text": "report.txt", "json": "report.json", "sarif": "report.sarif", "github": "report-github.txt",
                    "junit": "report-junit.xml", "markdown": "report.md"][format.rawValue]!
        GoldenFile.check(console.output, against: Self.root + "/expected/" + name)
        if format == .text {
            #expect(console.errors.hasPrefix("rolegen lint: "))
        } else {
            #expect(console.errors.isEmpty, "\(console.errors)")
        }
    }

    @Test func everyInputFormatIsRead() {
        let (_, console) = run(["inputs", "--format", "json", "--fail-on", "info"])
        // One policy per document: a policy file each, the YAML trust policy, 4 in the plan, 4 in
        // the dump (AWS managed policies left out), 4 in the template, the broken file.
        #expect(console.output.contains("\"policies_checked\": 16"))
        for policy in ["aws_iam_role.exec (inline policy pass)", "module.data.aws_s3_bucket_policy.this (bucket policy)",
                       "role ml-exec, inline policy pass", "AWS::IAM::Role ExecutionRole, inline policy read-data"] {
            #expect(console.output.contains(policy) || !console.output.contains("\"findings\": []"), "\(policy)")
        }
    }

    /// An account dump of `roles` roles, each with a trust policy and an inline policy that
    /// passes every role; role-0 has 11 managed policies attached (over the quota of 10).
    static func dump(roles: Int) -> String {
        let trust = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}]}"#
        let inline = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]}"#
        let details = (0..<roles).map { index in
            let attached = (0..<(index == 0 ? 11 : 1)).map { #"{"PolicyName": "p\#($0)", "PolicyArn": "arn:aws:iam::111122223333:policy/p\#($0)"}"# }
            return #"{"RoleName": "role-\#(index)", "Arn": "arn:aws:iam::111122223333:role/role-\#(index)", "AssumeRolePolicyDocument": \#(trust), "#
                + #""RolePolicyList": [{"PolicyName": "pass", "PolicyDocument": \#(inline)}], "AttachedManagedPolicies": [\#(attached.joined(separator: ", "))]}"#
        }
        return #"{"UserDetailList": [], "GroupDetailList": [], "RoleDetailList": [\#(details.joined(separator: ",\n"))], "Policies": []}"#
    }

    /// A dump is read role by role (in batches of 1,024 policies), so its size does not bound
    /// what rolegen can lint; every role is still checked whole, entity rules included.
    @Test func largeDumpsAreReadRoleByRole() throws {
        let fileSystem = InMemoryFileSystem()
        fileSystem.add("dump.json", Array(Self.dump(roles: 1_200).utf8))
        let (status, console) = run(["dump.json", "--format", "json"], fileSystem: fileSystem)
        #expect(status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(console.output.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(report["policies_checked"] as? Int == 2_400)
        #expect(findings.count { $0["rule"] as? String == "passrole-unscoped" } == 1_200)
        let attachments = findings.filter { $0["rule"] as? String == "attachment-count" }
        #expect(attachments.count == 1)
        #expect((attachments.first?["message"] as? String)?.contains("role-0") == true, "\(attachments)")
    }

    @Test func aTruncatedDumpReportsOnlyItsSyntaxError() throws {
        let text = Self.dump(roles: 1_200)
        let fileSystem = InMemoryFileSystem()
        fileSystem.add("dump.json", Array(text.utf8.prefix(text.utf8.count * 4 / 5)))
        let (status, console) = run(["dump.json", "--format", "json", "--fail-on", "info"], fileSystem: fileSystem)
        #expect(status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(console.output.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["rule"] as? String == "json-syntax")
        #expect((findings.first?["message"] as? String)?.hasPrefix("not valid JSON") == true)
    }

    @Test func exitCodesFollowTheThreshold() {
        #expect(run(["inputs/identity.json"]).0 == 1)
        #expect(run(["inputs/identity.json", "--fail-on", "critical"]).0 == 0 || run(["inputs/identity.json", "--fail-on", "error"]).0 == 1)
        #expect(run(["inputs/trust.yaml", "--fail-on", "error"]).0 == 0)
        let (status, console) = run(["inputs/identity.json", "--fail-on", "severe"])
        #expect(status == 2)
        #expect(console.errors.contains("unknown severity 'severe'"))
    }

    @Test func badInvocationsExitWithTwo() {
        let (missing, missingConsole) = run(["inputs/nowhere.json"])
        #expect(missing == 2)
        #expect(missingConsole.errors.contains("inputs/nowhere.json: error: no such file or directory"))
        let (notPolicy, notPolicyConsole) = run(["inputs/not-a-policy.json"])
        #expect(notPolicy == 2)
        #expect(notPolicyConsole.errors.contains("inputs/not-a-policy.json:1:1: error: not a policy rolegen can read"))
        let (format, formatConsole) = run(["inputs", "--format", "xml"])
        #expect(format == 2)
        #expect(formatConsole.errors.contains("unknown format 'xml'"))
        let (type, typeConsole) = run(["inputs", "--type", "idenity"])
        #expect(type == 2)
        #expect(typeConsole.errors.contains("unknown policy type 'idenity'; did you mean 'identity'?"))
    }

    @Test func directoriesSkipWhatIsNotAPolicy() {
        let (_, console) = run(["inputs", "--format", "json"])
        #expect(!console.output.contains("not-a-policy.json"))
        let (_, excluded) = run(["inputs", "--format", "json", "--exclude", "*.yaml", "--exclude", "terraform-*", "--exclude", "auth*"])
        #expect(excluded.output.contains("\"policies_checked\": 3"))
    }

    @Test func readsStandardInput() {
        let (status, console) = run(["-", "--type", "identity"],
                                    input: #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]}"#)
        #expect(status == 1)
        #expect(console.output.hasPrefix("<stdin>:1:71: high: iam:PassRole on every role"))
    }

    @Test func configurationSuppressesWithAReasonAndOverridesSeverities() {
        let fileSystem = InMemoryFileSystem()
        fileSystem.add("policy.json", Array(#"{"Version": "2012-10-17", "Statement": [{"Sid": "Pass", "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}, {"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"}]}"#.utf8))
        fileSystem.add(".rolegen.yaml", Array("""
            version: 1
            lint:
              rules:
                action-unknown: {severity: low}
              suppress:
                - rule: passrole-unscoped
                  path: policy.json
                  statement: Pass
                  reason: The deployment pipeline role passes every role by design (ticket SEC-12).
            """.utf8))
        let (status, console) = run(["policy.json"], fileSystem: fileSystem)
        #expect(status == 0)
        #expect(console.output.contains("low: unknown action 's3:GetObjekt'"))
        #expect(!console.output.contains("passrole"))
        #expect(console.errors.contains("1 suppressed"))
    }

    @Test func configurationErrorsNameTheLine() {
        let fileSystem = InMemoryFileSystem()
        fileSystem.add("policy.json", Array(#"{"Version": "2012-10-17", "Statement": []}"#.utf8))
        fileSystem.add(".rolegen.yaml", Array("version: 1\nlint:\n  rules:\n    passrole-unscopd: false\n  suppress:\n    - rule: passrole-unscoped\n      reason: ''\n  fail_onn: low\n".utf8))
        let (status, console) = run(["policy.json"], fileSystem: fileSystem)
        #expect(status == 2)
        #expect(console.errors.contains(".rolegen.yaml:4:5: error: unknown rule 'passrole-unscopd'; did you mean 'passrole-unscoped'?"))
        #expect(console.errors.contains(".rolegen.yaml:7:15: error: a suppression needs a reason"))
        #expect(console.errors.contains(".rolegen.yaml:8:3: error: unknown key 'fail_onn' in the lint settings; did you mean 'fail_on'?"))
    }

    @Test func inlineSuppressionsNeedAReason() {
        let fileSystem = InMemoryFileSystem()
        fileSystem.add("policy.yaml", Array("""
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: iam:PassRole   # rolegen-ignore passrole-unscoped: the CD role deploys every stack (SEC-12)
                Resource: "*"
              - Effect: Allow
                # rolegen-ignore passrole-unscoped:
                Action: iam:PassRole
                Resource: "*"
            """.utf8))
        fileSystem.add("template.yaml", Array("""
            Resources:
              Deployer:
                Type: AWS::IAM::ManagedPolicy
                Metadata:
                  rolegen:
                    ignore:
                      - rule: passrole-unscoped
                        reason: Reviewed in SEC-12.
                Properties:
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Action: iam:PassRole
                        Resource: "*"
            """.utf8))
        let (status, console) = run(["policy.yaml", "template.yaml", "--format", "json"], fileSystem: fileSystem)
        #expect(status == 1)
        #expect(console.output.contains("\"path\": \"policy.yaml\",\n      \"line\": 8"))
        #expect(console.output.contains("\"reason\": \"the CD role deploys every stack (SEC-12)\""))
        #expect(console.output.contains("\"reason\": \"Reviewed in SEC-12.\""))
        #expect(!console.output.contains("\"line\": 4,"))
    }

    @Test func baselinesHideKnownFindings() throws {
        let fileSystem = InMemoryFileSystem()
        fileSystem.add("policy.json", Array(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]}"#.utf8))
        let (written, _) = run(["policy.json", "--write-baseline", "baseline.json"], fileSystem: fileSystem)
        #expect(written == 0)
        let baseline = String(decoding: try fileSystem.readFile("baseline.json", limit: 1 << 20), as: UTF8.self)
        #expect(baseline.contains("\"rule\": \"passrole-unscoped\""))
        let (status, console) = run(["policy.json", "--baseline", "baseline.json"], fileSystem: fileSystem)
        #expect(status == 0)
        #expect(console.output.isEmpty)
        #expect(console.errors.contains(" in the baseline"))
        fileSystem.add("policy.json", Array(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}, {"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"}]}"#.utf8))
        let (again, newOnly) = run(["policy.json", "--baseline", "baseline.json"], fileSystem: fileSystem)
        #expect(again == 1)
        #expect(newOnly.output.contains("s3:GetObjekt") && !newOnly.output.contains("PassRole"))
        fileSystem.add("bad.json", Array("[]".utf8))
        #expect(run(["policy.json", "--baseline", "bad.json"], fileSystem: fileSystem).0 == 2)
    }

    @Test func writesTheReportToAFile() throws {
        let fileSystem = InMemoryFileSystem()
        fileSystem.add("policy.json", Array(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]}"#.utf8))
        let (status, console) = run(["policy.json", "--format", "sarif", "--output", "out.sarif"], fileSystem: fileSystem)
        #expect(status == 1)
        #expect(console.output.isEmpty)
        let written = String(decoding: try fileSystem.readFile("out.sarif", limit: 1 << 20), as: UTF8.self)
        #expect(written.contains("\"version\": \"2.1.0\""))
    }

    @Test func rulesAndExplainDocumentTheRules() {
        let console = CapturingConsole()
        #expect(RolegenCommand.run(arguments: ["rules"], console: console) == 0)
        #expect(console.output.contains("passrole-unscoped"))
        let explain = CapturingConsole()
        #expect(RolegenCommand.run(arguments: ["explain", "PASS_ROLE_WITH_STAR_IN_RESOURCE"], console: explain) == 0)
        #expect(explain.output.hasPrefix("passrole-unscoped — "))
        let unknown = CapturingConsole()
        #expect(RolegenCommand.run(arguments: ["explain", "passrole-unscopd"], console: unknown) == 2)
        #expect(unknown.errors.contains("did you mean 'passrole-unscoped'?"))
    }
}
