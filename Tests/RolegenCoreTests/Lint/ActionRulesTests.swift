import Testing
import RolegenTestSupport
@testable import RolegenCore

/// Exact messages and edge cases of the actions rules, beyond their examples.
@Suite struct ActionRulesTests {
    static func findings(_ rule: any LintRule, _ policy: String, type: PolicyType = .identity) throws -> [Finding] {
        try RuleExampleTests.findings(of: rule, on: .triggering(policy, type: type))
    }

    static func policy(_ statements: String) -> String {
        #"{"Version": "2012-10-17", "Statement": ["# + statements + "]}"
    }

    // MARK: - action-format and action-unknown

    @Test func formatProblemsAreNamedAndRepaired() throws {
        let found = try Self.findings(ActionFormat(), Self.policy(#"{"Effect": "Allow", "Action": ["s3.GetObject", " s3:GetObject", "s3:Get/Object", ""], "Resource": "*"}"#))
        #expect(found.map(\.suggestion) == ["write 's3:GetObject'", "write 's3:GetObject'", nil, nil])
        #expect(found.allSatisfy { $0.severity == .error })
        #expect(found[2].message.contains("'/' in its action name"))
        #expect(found[3].message.hasPrefix("an empty string is not an action"))
    }

    @Test func unknownActionsAreNotReportedTwiceWhenMalformed() throws {
        let found = try Self.findings(ActionUnknown(), Self.policy(#"{"Effect": "Allow", "Action": ["s3 GetObject", "s3:Get:Object", "*", "*:*"], "Resource": "*"}"#))
        #expect(found.isEmpty)
    }

    @Test func unknownActionWithoutCloseNameMayBeNewer() throws {
        let found = try Self.findings(ActionUnknown(), Self.policy(#"{"Effect": "Allow", "Action": ["s3:GetObjekt", "s3:FrobnicateTheBuckets"], "Resource": "*"}"#))
        #expect(found.count == 2)
        #expect(found[0].severity == .error && found[0].suggestion == "did you mean 's3:GetObject'?")
        #expect(found[1].severity == .medium)
        #expect(found[1].message.contains("unless AWS added it after rolegen's catalog of 2026-04"))
    }

    @Test func suggestionsMatchTheCatalogs() throws {
        let catalog = try #require(TestCatalog.bundled)
        let patterns = ActionPatterns.shared(catalog)
        for name in ["s3:GetObjekt", "sagemkr:CreateModel", "sagemaker:CreateTrainingJobs", "iam:PasRole", "ec2:DescribeInstance", "zzz:Nothing"] {
            let expected: [String]
            switch try catalog.lookup(name) {
            case .unknownAction(_, let suggestions), .unknownService(_, let suggestions): expected = suggestions
            default: expected = []
            }
            #expect(try patterns.suggestions(for: name).suggestions == expected, "\(name)")
        }
    }

    @Test func expansionsMatchTheCatalogs() throws {
        let catalog = try #require(TestCatalog.bundled)
        let patterns = ActionPatterns.shared(catalog)
        for pattern in ["s3:Get*", "S3:get*", "sagemaker:*Training*", "s*:List?uckets", "*:DescribeInstances", "iam:pa*", "*", "ec2:nothing*"] {
            #expect(try patterns.expand(pattern).map(\.fullName) == catalog.expand(pattern).map(\.fullName), "\(pattern)")
        }
    }

    // MARK: - action-redundant

    @Test func patternsAreComparedAsPatterns() throws {
        let found = try Self.findings(ActionRedundant(), Self.policy(#"""
            {"Effect": "Allow", "Action": ["s3:GetObject*", "s3:Get*", "s3:*", "*", "s3:GetObjectAt*", "S3:GETOBJECTATTRIBUTES"], "Resource": "*"}
            """#))
        // Everything is covered by "*", which nothing covers.
        #expect(found.count == 5)
        #expect(found.contains { $0.message.hasPrefix("'s3:*' is already covered by '*'") })
    }

    @Test func laterOfTwoEquivalentEntriesIsReported() throws {
        let found = try Self.findings(ActionRedundant(), Self.policy(#"{"Effect": "Allow", "Action": ["s3:Get*", "S3:GET*"], "Resource": "*"}"#))
        #expect(found.map(\.message) == ["'S3:GET*' is listed twice (IAM compares actions without case): the entry changes nothing"])
    }

    @Test func globInclusionIsSound() {
        func covers(_ general: String, _ specific: String) -> Bool { Glob.covers(Array(general.utf8), Array(specific.utf8)) }
        #expect(covers("s3:get*", "s3:getobject"))
        #expect(covers("s3:get*", "s3:getobject*"))
        #expect(covers("s3:*object*", "s3:getobject?"))
        #expect(!covers("s3:getobject", "s3:getobject*"))
        #expect(!covers("s3:get?", "s3:get*"))
        #expect(!covers("s3:create*job", "s3:createtrainingjob*"))
        #expect(covers("arn:aws:s3:::b/*", "arn:aws:s3:::b/${aws:username}/*"))
        #expect(!covers("arn:aws:s3:::b/${aws:username}/*", "arn:aws:s3:::b/*"))
    }

    // MARK: - action-star, service-wildcard, full-admin

    @Test func fullAdminSupersedesActionStar() throws {
        let admin = Self.policy(#"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#)
        #expect(try Self.findings(ActionStar(), admin).isEmpty)
        #expect(try Self.findings(FullAdmin(), admin).map(\.severity) == [.critical])
        // A NotResource of "*" excludes everything: the statement grants nothing.
        #expect(try Self.findings(FullAdmin(), Self.policy(#"{"Effect": "Allow", "Action": "*", "NotResource": "*"}"#)).isEmpty)
    }

    @Test func serviceWildcardSeverities() throws {
        let found = try Self.findings(ServiceWildcard(), Self.policy(#"""
            {"Effect": "Allow", "Action": ["s3:*", "xray:*", "nosuchservice:*", "s3:Get*"], "Resource": "*"},
            {"Effect": "Allow", "Action": "kms:*", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "ml"}}}
            """#))
        #expect(found.map(\.severity) == [.high, .low, .medium])
    }

    // MARK: - action-prefix-wildcard-future

    @Test func wordBoundariesAreNotCuts() {
        #expect(ActionPrefixWildcardFuture.cutsMidWord("PassRole", after: 2))
        #expect(!ActionPrefixWildcardFuture.cutsMidWord("PassRole", after: 4))
        #expect(!ActionPrefixWildcardFuture.cutsMidWord("DescribeVpcs", after: 11))
        #expect(ActionPrefixWildcardFuture.cutsMidWord("DescribeVpcsEndpoint", after: 10))
        #expect(!ActionPrefixWildcardFuture.cutsMidWord("GetObject", after: 9))
    }

    @Test func oneOddlyCasedNameDoesNotMakeAPrefix() throws {
        // The catalog spells lookoutequipment:Describelabel with a lower-case l.
        #expect(try Self.findings(ActionPrefixWildcardFuture(), Self.policy(#"{"Effect": "Allow", "Action": "lookoutequipment:Describe*", "Resource": "*"}"#)).isEmpty)
    }
}
