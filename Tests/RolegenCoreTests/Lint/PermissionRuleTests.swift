import Testing
import RolegenTestSupport
@testable import RolegenCore

/// Focused tests of the permissions rules: exact messages, severities and the edge cases the
/// examples do not show.
@Suite struct PermissionRuleTests {
    static func findings(_ rule: any LintRule, _ policy: String, type: PolicyType = .identity, settings: String? = nil) throws -> [Finding] {
        try RuleExampleTests.findings(of: rule, on: .triggering(policy, type: type, settings: settings))
    }

    static func policy(_ statements: String) -> String {
        #"{"Version": "2012-10-17", "Statement": ["# + statements + "]}"
    }

    @Test func everyListedActionIsInTheCatalog() throws {
        let catalog = try #require(TestCatalog.bundled)
        let names = EscalationCatalog.singleActions.map(\.action) + EscalationCatalog.paths.flatMap(\.actions)
            + EscalationCatalog.credentialActions + EscalationCatalog.dataActions
        for name in names {
            guard case .found(let action) = try catalog.lookup(name) else {
                Issue.record("\(name) is not in the catalog")
                continue
            }
            #expect(action.fullName == name, "write \(action.fullName), as the catalog spells it")
        }
        #expect(Set(EscalationCatalog.paths.map(\.name)).count == EscalationCatalog.paths.count)
    }

    @Test func resourceScope() {
        for resource in ["*", "arn:*", "arn:aws:*", "arn:aws:iam::111122223333:role/*", "arn:aws:iam::*:role/*", "arn:aws:s3:::*",
                         "arn:aws:s3:::*/*", "arn:aws:sagemaker:*:*:*/*", "arn:aws:secretsmanager:*:*:secret:*", "arn:aws:iam::*:*"] {
            #expect(ResourceScope.coversEverything(resource), "\(resource)")
        }
        for resource in ["arn:aws:s3:::data/*", "arn:aws:iam::*:role/service-role/*", "arn:aws:iam::*:role/ml-*",
                         "arn:aws:iam::111122223333:role/admin", "arn:aws:ssm:*:*:parameter/app/*", "ml-data"] {
            #expect(!ResourceScope.coversEverything(resource), "\(resource)")
        }
        #expect(ResourceScope.coversEveryName("arn:aws:sagemaker:us-east-1:111122223333:user-profile/d-abc/*"))
        #expect(ResourceScope.probe("arn:${Partition}:sagemaker:${Region}:${Account}:user-profile/${DomainId}/${UserProfileName}")
                == "arn:aws:sagemaker:us-east-1:111122223333:user-profile/rolegenprobe/rolegenprobe")
    }

    @Test func actionMatchingIsIAMs() {
        #expect(GrantIndex.matches("IAM:Pass*", "iam:PassRole"))
        #expect(GrantIndex.matches("*", "iam:passrole"))
        #expect(GrantIndex.matches("*:Pass?ole", "iam:passrole"))
        #expect(!GrantIndex.matches("iam:Pass", "iam:passrole"))
        #expect(!GrantIndex.matches("s3:*", "iam:passrole"))
    }

    // MARK: passrole-unscoped, against every Access Analyzer PASS_ROLE_* variant

    @Test(arguments: [
        (#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}"#, "PASS_ROLE_WITH_STAR_IN_RESOURCE"),
        (#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#, "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE"),
        (#"{"Effect": "Allow", "Action": "iam:Pass*", "Resource": "arn:aws:iam::*:role/*"}"#, "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE"),
        (#"{"Effect": "Allow", "Action": "iam:PassRole", "NotResource": "arn:aws:iam::111122223333:role/admin"}"#, "PASS_ROLE_WITH_NOTRESOURCE"),
        (#"{"Effect": "Allow", "Action": "iam:*", "NotResource": "arn:aws:iam::111122223333:role/admin"}"#, "PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOTRESOURCE"),
        (#"{"Effect": "Allow", "NotAction": "s3:*", "NotResource": "arn:aws:s3:::data"}"#, "PASS_ROLE_WITH_NOTACTION_AND_NOTRESOURCE"),
        (#"{"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}"#, "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOTACTION"),
    ])
    func passRoleVariants(statement: String, code: String) throws {
        let found = try Self.findings(PassRoleUnscoped(), Self.policy(statement))
        #expect(found.count == 1, "\(code)")
        #expect(found.first?.severity == .high, "\(code)")
        #expect(PassRoleUnscoped().metadata.equivalents.contains(.aa(code)))
    }

    @Test func passRoleWithPassedToServiceOnEveryRoleIsMedium() throws {
        let found = try Self.findings(PassRoleUnscoped(), Self.policy(#"""
            {"Sid": "Pass", "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::*:role/*",
             "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}
            """#))
        #expect(found.map(\.severity) == [.medium])
        #expect(found.first?.message == "iam:PassRole on every role in 'Pass': the caller can pass any role that trusts the named service, "
                + "the most privileged included")
    }

    @Test func passRoleRemovedByDenyOrExcludedIsSilent() throws {
        #expect(try Self.findings(PassRoleUnscoped(), Self.policy(#"""
            {"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "iam:PassRole", "Resource": "*"}
            """#)).isEmpty)
        #expect(try Self.findings(PassRoleUnscoped(), Self.policy(#"{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}"#)).isEmpty)
        // A Deny with a condition does not remove it.
        #expect(try Self.findings(PassRoleUnscoped(), Self.policy(#"""
            {"Effect": "Allow", "Action": "*", "Resource": "*"},
            {"Effect": "Deny", "Action": "iam:PassRole", "Resource": "*", "Condition": {"Bool": {"aws:ViaAWSService": "false"}}}
            """#)).count == 1)
    }

    // MARK: escalation

    @Test func trainingJobPathMessage() throws {
        let policy = Self.policy(#"{"Sid": "Train", "Effect": "Allow", "Action": ["iam:PassRole", "sagemaker:CreateTrainingJob"], "Resource": "*"}"#)
        let found = try Self.findings(PrivescCombination(), policy)
        #expect(found.map(\.message) == [
            "'iam:PassRole', 'sagemaker:CreateTrainingJob' are granted on every resource without a condition: the holder can start a "
                + "training job whose container runs its code as any role it can pass (PassExistingRoleToNewSageMakerTrainingJob)",
        ])
        #expect(found.first?.statement == "Train")
        // At the action that runs the code, not at iam:PassRole.
        let column = try #require(policy.utf8.firstRange(of: Array(#""sagemaker:CreateTrainingJob""#.utf8))).lowerBound
        #expect(found.first?.location.column == policy.utf8.distance(from: policy.utf8.startIndex, to: column) + 1)
    }

    @Test func largerPathsAreNotRepeated() throws {
        let found = try Self.findings(PrivescCombination(), Self.policy(#"""
            {"Effect": "Allow", "Action": ["iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping",
             "dynamodb:CreateTable", "dynamodb:PutItem"], "Resource": "*"}
            """#))
        #expect(found.map(\.message).allSatisfy { $0.hasSuffix("(PassExistingRoleToNewLambdaThenTriggerWithExistingDynamo)") })
        #expect(found.count == 1)
    }

    @Test func passedToServiceOfAnotherServiceStopsThePath() throws {
        let statements = #"""
            {"Effect": "Allow", "Action": "sagemaker:CreateProcessingJob", "Resource": "*"},
            {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": "SERVICE"}}}
            """#
        #expect(try Self.findings(PrivescCombination(), Self.policy(statements.replacingOccurrences("SERVICE", "glue.amazonaws.com"))).isEmpty)
        #expect(try Self.findings(PrivescCombination(), Self.policy(statements.replacingOccurrences("SERVICE", "sagemaker.amazonaws.com"))).count == 1)
    }

    @Test func singleActionsAreGroupedPerEntryWithTheirWorstSeverity() throws {
        let found = try Self.findings(PrivescSingleAction(), Self.policy(#"""
            {"Effect": "Allow", "Action": ["iam:*PermissionsBoundary", "lambda:UpdateFunctionCode"], "Resource": "*"},
            {"Effect": "Allow", "Action": "iam:PutUserPolicy", "Resource": "arn:aws:iam::111122223333:user/${aws:username}"}
            """#))
        #expect(found.map(\.severity) == [.high, .high])
        #expect(found.first?.message.hasPrefix("statement 1 grants 4 actions that escalate privileges") == true)
    }

    @Test func notResourceThatExcludesTheActionsResourcesGrantsNothing() throws {
        // As AmazonSageMakerFullAccess writes it: sagemaker:* on everything but the Studio resources.
        let statement = #"""
            {"Effect": "Allow", "Action": "sagemaker:*", "NotResource": ["arn:aws:sagemaker:*:*:domain/*", "arn:aws:sagemaker:*:*:user-profile/*"]}
            """#
        #expect(try Self.findings(SagemakerStudioUrlUnscoped(), Self.policy(statement)).isEmpty)
        #expect(try Self.findings(SagemakerStudioUrlUnscoped(), Self.policy(
            #"{"Effect": "Allow", "Action": "sagemaker:*", "NotResource": "arn:aws:sagemaker:*:*:model/*"}"#)).count == 1)
    }

    @Test func accessLevelRulesSkipExcludedAndDeniedActions() throws {
        let found = try Self.findings(PermissionsManagementUnconstrained(), Self.policy(#"""
            {"Effect": "Allow", "Action": ["s3:PutBucketPolicy", "s3:PutBucketAcl", "iam:PutRolePolicy"], "Resource": "*"},
            {"Effect": "Deny", "Action": "s3:PutBucketAcl", "Resource": "*"}
            """#))
        #expect(found.count == 1)
        #expect(found.first?.message == "statement 1 grants permissions-management action 's3:PutBucketPolicy' on every resource without a "
                + "condition: the holder can change who may use any of the account's resources")
    }

    @Test func credentialAndDataListsMatchWildcards() throws {
        let credentials = try Self.findings(CredentialsExposure(), Self.policy(#"{"Effect": "Allow", "Action": "sts:*", "Resource": "*"}"#))
        #expect(credentials.first?.message.contains("'sts:AssumeRole'") == true)
        #expect(!(credentials.first?.message.contains("GetSessionToken") ?? true))
        let data = try Self.findings(DataExfiltration(), Self.policy(#"{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}"#))
        #expect(data.count == 1)
    }

    @Test func infrastructureModificationReportsWildcardsOnly() throws {
        let found = try Self.findings(InfrastructureModification(), Self.policy(
            #"{"Effect": "Allow", "Action": ["sagemaker:Delete*", "s3:DeleteBucket"], "Resource": "*"}"#))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("sagemaker:Delete") == true)
    }

    // MARK: NotAction, NotResource, Deny

    @Test func notResourceWithNotActionIsCritical() throws {
        let found = try Self.findings(NotresourceAllow(), Self.policy(#"{"Effect": "Allow", "NotAction": "iam:*", "NotResource": "arn:aws:s3:::logs/*"}"#))
        #expect(found.map(\.severity) == [.critical])
        #expect(try Self.findings(NotactionAllow(), Self.policy(#"{"Effect": "Allow", "NotAction": "iam:*", "NotResource": "arn:aws:s3:::logs/*"}"#)).isEmpty)
    }

    @Test func notActionWithAConditionIsMedium() throws {
        let found = try Self.findings(NotactionAllow(), Self.policy(#"""
            {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*", "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}}
            """#))
        #expect(found.map(\.severity) == [.medium])
    }

    @Test func denyThatExcludesEverythingDeniesNothing() throws {
        let found = try Self.findings(DenyNotReview(), Self.policy(#"{"Effect": "Deny", "NotAction": "*", "Resource": "*"}"#))
        #expect(found.map(\.severity) == [.medium])
        #expect(found.first?.message == "the Deny of statement 1 has NotAction \"*\": it excludes everything, so it denies nothing")
    }

    @Test func createServiceLinkedRoleScopes() throws {
        #expect(try Self.findings(CreateSlrUnscoped(), Self.policy(
            #"{"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "arn:aws:iam::*:role/aws-service-role/*"}"#)).count == 1)
        #expect(try Self.findings(CreateSlrUnscoped(), Self.policy(
            #"{"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "arn:aws:iam::*:role/aws-service-role/sagemaker.amazonaws.com/*"}"#)).isEmpty)
    }

    @Test func bucketPolicyEscalationMessage() throws {
        let found = try Self.findings(BucketPolicyEscalation(), Self.policy(#"""
            {"Effect": "Allow", "Action": "s3:PutBucketPolicy", "Resource": "arn:aws:s3:::ml-data"},
            {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-data/*"}
            """#))
        #expect(found.map(\.message) == ["s3:PutBucketPolicy on 'arn:aws:s3:::ml-data' in statement 1 lets the holder give itself "
                                         + "'s3:PutObject', 's3:DeleteObject' on the bucket's objects, which this policy does not grant"])
    }

    // MARK: organisation settings

    @Test func sensitiveActionsThroughNotAction() throws {
        let found = try Self.findings(SensitiveActionNoCondition(), Self.policy(#"{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}"#),
                                      settings: "sensitive_actions: ['s3:DeleteBucket', 'iam:DeleteRole']")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("'s3:deletebucket'") == true)
        #expect(found.first?.message.contains("iam:deleterole") == false)
    }

    @Test func requiredGuardNamesTheWeakOperator() throws {
        let found = try Self.findings(RequiredConditions(), Self.policy(#"""
            {"Effect": "Allow", "Action": "sagemaker:CreateProcessingJob", "Resource": "*",
             "Condition": {"StringEqualsIfExists": {"sagemaker:VolumeKmsKey": "arn:aws:kms:us-east-1:111122223333:key/k"}}}
            """#), settings: "required_guards:\n  - actions: ['sagemaker:CreateProcessingJob']\n    key: sagemaker:VolumeKmsKey")
        #expect(found.map(\.message) == ["statement 1 allows 'sagemaker:CreateProcessingJob' without the condition on sagemaker:VolumeKmsKey "
                                         + "that the organisation requires: its 'StringEqualsIfExists' condition lets requests without the key through"])
    }

    @Test func requiredGuardLeavesActionsWithoutTheKeyAlone() throws {
        #expect(try Self.findings(RequiredConditions(), Self.policy(#"{"Effect": "Allow", "Action": "sagemaker:CreateTransformJob", "Resource": "*"}"#),
                                  settings: "required_guards:\n  - actions: ['sagemaker:Create*Job']\n    key: sagemaker:VpcSubnets").isEmpty)
    }

    // MARK: no-public-access

    @Test func publicAccessLooksAtTheWholePolicy() throws {
        let ifExists = try Self.findings(NoPublicAccess(), Self.policy(#"""
            {"Sid": "Read", "Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::d/*",
             "Condition": {"StringEqualsIfExists": {"aws:PrincipalOrgID": "o-abc123"}}},
            {"Effect": "Deny", "Principal": "*", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::d/*",
             "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-abc123"}}}
            """#), type: .resource)
        #expect(ifExists.map(\.message) == ["this resource policy lets anyone, anonymous callers included, use 's3:GetObject' without a condition "
                                            + "that limits the caller to an account, organisation or network"])
        #expect(ifExists.first?.statement == "Read")
        #expect(try Self.findings(NoPublicAccess(), Self.policy(#"""
            {"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sqs:*", "Resource": "*"}
            """#), type: .resource).count == 1)
        #expect(try Self.findings(NoPublicAccess(), Self.policy(#"""
            {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:Decrypt", "Resource": "*",
             "Condition": {"StringEquals": {"kms:CallerAccount": "111122223333", "kms:ViaService": "s3.us-east-1.amazonaws.com"}}}
            """#), type: .resource).isEmpty)
    }
}
