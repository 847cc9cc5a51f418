import Testing
import RolegenTestSupport
@testable import RolegenCore

/// Focused tests of the ml rules.
@Suite struct MLRuleTests {
    static func findings(_ rule: any LintRule, _ statements: String, type: PolicyType = .identity, settings: String? = nil) throws -> [Finding] {
        try PermissionRuleTests.findings(rule, PermissionRuleTests.policy(statements), type: type, settings: settings)
    }

    /// Role Manager's manageJobs _VPC statement (D13): the VPC block on CreateTransformJob.
    @Test func roleManagerVPCBlockMakesTransformJobImpossible() throws {
        let found = try Self.findings(GuardKeyUnsupported(), #"""
            {"Effect": "Allow", "Action": ["sagemaker:CreateTrainingJob", "sagemaker:CreateTransformJob", "sagemaker:CreateProcessingJob",
              "sagemaker:CreateAutoMLJob", "sagemaker:CreateHyperParameterTuningJob"], "Resource": "arn:aws:sagemaker:*:*:*/*",
             "Condition": {"ForAllValues:StringEquals": {"sagemaker:VpcSubnets": ["subnet-1"], "sagemaker:VpcSecurityGroupIds": ["sg-1"]},
              "Null": {"sagemaker:VpcSubnets": "false", "sagemaker:VpcSecurityGroupIds": "false"}}}
            """#)
        let messages = found.map(\.message)
        #expect(messages.contains("sagemaker:CreateTransformJob never carries sagemaker:VpcSubnets, so this statement never allows it"))
        #expect(!messages.contains { $0.hasPrefix("sagemaker:CreateTrainingJob") })
        #expect(found.allSatisfy { $0.severity == .high })
    }

    @Test func wildcardsAreMediumAndNamed() throws {
        let found = try Self.findings(GuardKeyUnsupported(), #"""
            {"Effect": "Allow", "Action": "sagemaker:Create*Job", "Resource": "*", "Condition": {"Bool": {"sagemaker:NetworkIsolation": "true"}}}
            """#)
        #expect(found.map(\.severity) == [.medium])
        #expect(found.first?.message.contains("of the actions 'sagemaker:Create*Job' matches") == true)
        #expect(found.first?.message.contains("never carry sagemaker:NetworkIsolation, so this statement never allows them") == true)
    }

    @Test func denyOnlyWhenEveryClauseHoldsWithoutTheKey() throws {
        // With a global key beside it, the Deny depends on the request: not reported.
        #expect(try Self.findings(GuardKeyUnsupported(), #"""
            {"Effect": "Deny", "Action": "sagemaker:CreateEndpoint", "Resource": "*",
             "Condition": {"Null": {"sagemaker:VpcSubnets": "true"}, "StringEquals": {"aws:RequestedRegion": "us-east-1"}}}
            """#, type: .scp).isEmpty)
        let found = try Self.findings(GuardKeyUnsupported(), #"""
            {"Effect": "Deny", "Action": ["sagemaker:CreateTrainingJob", "sagemaker:CreateEndpoint"], "Resource": "*",
             "Condition": {"Null": {"sagemaker:VpcSubnets": "true"}}}
            """#, type: .scp)
        #expect(found.map(\.message) == ["sagemaker:CreateEndpoint never carries sagemaker:VpcSubnets, so this Deny denies it every time"])
    }

    @Test func createWithoutGuardsDefersToConfiguredGuards() throws {
        let statement = #"{"Effect": "Allow", "Action": "sagemaker:*", "Resource": "*"}"#
        let found = try Self.findings(SagemakerCreateWithoutGuards(), statement)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("'sagemaker:CreateTrainingJob'") == true || found.first?.message.contains("and") == true)
        #expect(try Self.findings(SagemakerCreateWithoutGuards(), statement,
                                  settings: "required_guards:\n  - actions: ['sagemaker:CreateTrainingJob']\n    key: sagemaker:VpcSubnets").isEmpty)
        // A Deny that enforces a guard counts.
        #expect(try Self.findings(SagemakerCreateWithoutGuards(), statement + #"""
            , {"Effect": "Deny", "Action": "sagemaker:Create*", "Resource": "*", "Condition": {"Null": {"sagemaker:VpcSubnets": "true"}}}
            """#).isEmpty)
    }

    @Test func passRoleAllowListCoversPatterns() throws {
        let settings = "passrole_targets: ['arn:aws:iam::111122223333:role/ml-*']"
        #expect(try Self.findings(PassroleOutsideAllowlist(), #"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/ml-team-*"}"#,
                                  settings: settings).isEmpty)
        let found = try Self.findings(PassroleOutsideAllowlist(), #"""
            {"Effect": "Allow", "Action": "iam:PassRole", "Resource": ["arn:aws:iam::111122223333:role/ml-a", "arn:aws:iam::111122223333:role/*"]}
            """#, settings: settings)
        #expect(found.map(\.message) == ["iam:PassRole on 'arn:aws:iam::111122223333:role/*' in statement 1 is not within the organisation's "
                                         + "passrole_targets ('arn:aws:iam::111122223333:role/ml-*')"])
        #expect(try Self.findings(PassroleOutsideAllowlist(), #"{"Effect": "Allow", "Action": "iam:PassRole", "NotResource": "arn:aws:iam::111122223333:role/x"}"#,
                                  settings: settings).count == 1)
    }

    @Test func studioURLScopedToADomainIsStillEveryProfile() throws {
        #expect(try Self.findings(SagemakerStudioUrlUnscoped(), #"""
            {"Effect": "Allow", "Action": "sagemaker:CreatePresignedDomainUrl", "Resource": "arn:aws:sagemaker:*:*:user-profile/*/*"}
            """#).count == 1)
        #expect(try Self.findings(SagemakerStudioUrlUnscoped(), #"""
            {"Effect": "Allow", "Action": "sagemaker:CreatePresignedDomainUrl", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:user-profile/d-abc/alice"}
            """#).isEmpty)
    }
}
