import Testing
import RolegenTestSupport
@testable import RolegenCore

/// Edge cases of the condition rules beyond their examples: IAM's absent-key semantics, exact
/// messages and severities, and the constructs AWS's own managed policies use that must not be
/// reported.
@Suite struct ConditionRuleTests {
    /// The findings of `rule` on one policy document.
    static func lint(_ rule: any LintRule, _ policy: String, type: PolicyType = .identity, managed: Bool = false,
                     enable: Bool = false) throws -> [Finding] {
        let catalog = try #require(TestCatalog.bundled)
        var settings = LintSettings()
        if enable { settings.rules[rule.metadata.id] = .init(enabled: true) }
        let engine = LintEngine(rules: [rule], context: LintContext(catalog: catalog, settings: settings))
        guard case .policy(var input) = PolicyTextReader.json(Array(policy.utf8), path: "p.json", type: type) else {
            Issue.record("not JSON: \(policy)")
            return []
        }
        input.isAWSManaged = managed
        let findings = engine.lint(input)
        #expect(!findings.contains { $0.rule == CheckError.id }, "\(rule.metadata.id) threw: \(findings)")
        return findings
    }

    /// A one-statement policy.
    static func policy(_ effect: String = "Allow", action: String = #""s3:GetObject""#, resource: String? = #""*""#,
                       principal: String? = nil, condition: String) -> String {
        var statement = #""Effect": "\#(effect)", "Action": \#(action), "Condition": \#(condition)"#
        if let resource { statement += #", "Resource": \#(resource)"# }
        if let principal { statement += #", "Principal": \#(principal)"# }
        return #"{"Version": "2012-10-17", "Statement": [{\#(statement)}]}"#
    }

    // MARK: - Support

    @Test func operatorsSplitIntoTheirParts() {
        let op = ConditionSupport.Operator("ForAnyValue:StringNotLikeIfExists")
        #expect(op.qualifier == .forAnyValue && op.base == "StringNotLike" && op.ifExists && op.isKnown)
        #expect(op.isNegated && op.isLike && op.family == .string && op.withoutQualifier == "StringNotLikeIfExists")
        #expect(!ConditionSupport.Operator("ForAllValues:ForAnyValue:StringEquals").isKnown)
        #expect(!ConditionSupport.Operator("NullIfExists").isKnown)
        #expect(!ConditionSupport.Operator("stringequals").isKnown)
        #expect(ConditionSupport.Operator("NotIpAddress").family == .ipAddress)
        #expect(ConditionSupport.Operator("ArnEquals").family == .arn && !ConditionSupport.Operator("ArnEquals").isNegated)
    }

    @Test(arguments: [
        ("StringEquals", ["x"], false), ("StringNotEquals", ["x"], true), ("ArnNotLike", ["x"], true),
        ("NotIpAddress", ["10.0.0.0/8"], true), ("NumericNotEquals", ["1"], true), ("StringEqualsIfExists", ["x"], true),
        ("ForAllValues:StringEquals", ["x"], true), ("ForAnyValue:StringEquals", ["x"], false),
        ("ForAnyValue:StringNotEquals", ["x"], false), ("ForAllValues:StringNotEquals", ["x"], true),
        ("ForAnyValue:StringEqualsIfExists", ["x"], true), ("Null", ["true"], true), ("Null", ["false"], false),
        ("Bool", ["false"], false), ("BoolIfExists", ["false"], true),
    ] as [(String, [String], Bool)])
    func absentKeysFollowIAM(op: String, values: [String], expected: Bool) {
        #expect(ConditionSupport.outcomeWhenAbsent(ConditionSupport.Operator(op), values: values) == expected)
    }

    @Test func nullWithBothValuesSaysNothing() {
        #expect(ConditionSupport.outcomeWhenAbsent(ConditionSupport.Operator("Null"), values: ["true", "false"]) == nil)
    }

    @Test func addressesAndRanges() throws {
        let v4 = try #require(ConditionSupport.CIDR("10.1.2.3/16"))
        #expect(v4.isV4 && v4.prefix == 16 && v4.hasHostBits && v4.normalized.text == "10.1.0.0/16" && v4.isPrivate)
        let v6 = try #require(ConditionSupport.CIDR("2001:DB8::1/32"))
        #expect(!v6.isV4 && v6.normalized.text == "2001:db8::/32" && !v6.isPrivate)
        #expect(ConditionSupport.CIDR("fd12:3456::/48")?.isPrivate == true)
        #expect(ConditionSupport.CIDR("::ffff:10.0.0.1")?.bytes.count == 16)
        #expect(ConditionSupport.CIDR("0.0.0.0/0")?.isPrivate == false)
        #expect(ConditionSupport.CIDR("172.32.0.0/16")?.isPrivate == false)
        #expect(ConditionSupport.CIDR("172.31.255.0/24")?.isPrivate == true)
        #expect(ConditionSupport.CIDR("10.0.0.0/7")?.isPrivate == false)
        for bad in ["10.0.0.256", "10.0.0/8", "10.0.0.0/33", "1::2::3", "2001:db8::/129", "10.0.0.0/", "10.0.0.0/+8", "", "abc",
                    "1:2:3:4:5:6:7:8:9"] {
            #expect(ConditionSupport.CIDR(bad) == nil, "\(bad)")
        }
        #expect(ConditionSupport.CIDR("1:2:3:4:5:6:7:8")?.text == "1:2:3:4:5:6:7:8")
        #expect(ConditionSupport.CIDR("::")?.text == "::")
    }

    @Test func valueFormats() {
        for good in ["2026", "2026-01", "2026-01-31", "2026-01-31T12:00Z", "2026-01-31T12:00:00Z", "2026-01-31T12:00:00.123+01:00",
                     "2026-01-31T12:00:00-0530"] {
            #expect(ConditionSupport.dateForm(good) == .iso8601, "\(good)")
        }
        #expect(ConditionSupport.dateForm("1767225600") == .epoch)
        for bad in ["31/12/2026", "2026-13-01", "2026-01-32", "2026-01-31 12:00", "2026-01-31T25:00", "2026-01-31T12:00:00Zx", "today", ""] {
            #expect(ConditionSupport.dateForm(bad) == nil, "\(bad)")
        }
        #expect(ConditionSupport.isNumber("-3.5") && ConditionSupport.isNumber("3600") && !ConditionSupport.isNumber("1e3")
                && !ConditionSupport.isNumber("3.") && !ConditionSupport.isNumber(""))
        #expect(ConditionSupport.isBase64("QmluYXJ5VmFsdWVJbkJhc2U2NA==") && !ConditionSupport.isBase64("abc")
                && !ConditionSupport.isBase64("ab=c"))
        #expect(ConditionSupport.isBoolean("True") && !ConditionSupport.isBoolean("yes"))
    }

    @Test func wildcardsAndFieldsSkipPolicyVariables() {
        #expect(!ConditionSupport.hasWildcard("${*}-team"))
        #expect(ConditionSupport.hasWildcard("${aws:username}-*"))
        #expect(ConditionSupport.arnFields("arn:aws:iam::${aws:PrincipalAccount}:role/x").count == 6)
        #expect(ConditionSupport.arnFields("arn:aws:s3:::b/a:b:c").last == "b/a:b:c")
        #expect(ConditionSupport.arnFields("arn:aws:codepipeline:*").count == 4)
    }

    @Test func keysResolveAgainstTheCatalogAndTheGuide() throws {
        let catalog = try #require(TestCatalog.bundled)
        func kind(_ key: String) throws -> String {
            switch try ConditionSupport.resolve(key, catalog: catalog) {
            case .global: "global"
            case .service: "service"
            case .unknownService: "unknown-service"
            case .unknownGlobal: "unknown-global"
            case .foreign: "foreign"
            case .malformed: "malformed"
            }
        }
        #expect(try kind("AWS:sourceip") == "global")
        #expect(try kind("aws:PrincipalTag/team") == "global")
        #expect(try kind("aws:ViaAWSMCPService") == "global")
        #expect(try kind("ec2:SourceInstanceArn") == "global")
        #expect(try kind("secretsmanager:ResourceTag/owner") == "service")
        #expect(try kind("s3:ExistingObjectTag/classification") == "service")
        #expect(try kind("s3:prefixes") == "unknown-service")
        #expect(try kind("aws:SourceIP4") == "unknown-global")
        #expect(try kind("token.actions.githubusercontent.com:sub") == "foreign")
        #expect(try kind("saml:aud") == "foreign")
        #expect(try kind("prefix") == "malformed")
        #expect(try kind(" aws:SourceIp") == "malformed")
    }

    // MARK: - Operators and keys

    @Test func unknownOperatorsAndNullIfExistsAreReportedOnce() throws {
        let doubled = try Self.lint(ConditionOperatorUnknown(), Self.policy(condition: #"{"ForAllValues:ForAnyValue:StringEquals": {"aws:TagKeys": "a"}}"#))
        #expect(doubled.count == 1)
        let lower = try Self.lint(ConditionOperatorUnknown(), Self.policy(condition: #"{"stringequals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}"#))
        #expect(lower.map(\.suggestion) == ["did you mean 'StringEquals'?"])
        let nullIfExists = Self.policy(condition: #"{"ForAnyValue:NullIfExists": {"aws:TagKeys": "true"}}"#)
        #expect(try Self.lint(ConditionOperatorUnknown(), nullIfExists).isEmpty)
        #expect(try Self.lint(ConditionNullIfexists(), nullIfExists).count == 1)
        #expect(try Self.lint(ConditionNullWithSetOperator(), nullIfExists).isEmpty)
    }

    @Test func unknownKeysOfAWSManagedPoliciesAreLow() throws {
        let document = Self.policy(condition: #"{"Null": {"lakeformation:GlueARN": "true"}}"#)
        #expect(try Self.lint(ConditionKeyUnknown(), document).map(\.severity) == [.error])
        let managed = try Self.lint(ConditionKeyUnknown(), document, managed: true)
        #expect(managed.map(\.severity) == [.low])
        #expect(managed.first?.message.contains("undocumented") == true)
    }

    @Test func keysTheOtherRulesOwnAreNotUnknown() throws {
        let document = Self.policy(condition: #"""
            {"StringEquals": {"aws:ARN": "x", "aws:ResourceTag": "x", "aws:RequestTag/": "x", "s3:ExistingObjectTag": "x",
             "token.actions.githubusercontent.com:sub": "repo:acme/ml:ref:refs/heads/main", "saml:aud": "https://signin.aws.amazon.com/saml",
             "secretsmanager:ResourceTag/aws:secretsmanager:owningService": "rds", "aws:CalledViaAWSMCP": "x"}}
            """#)
        #expect(try Self.lint(ConditionKeyUnknown(), document).isEmpty)
        let missing = try Self.lint(ConditionTagKeyMissing(), document)
        #expect(missing.count == 3)
    }

    @Test func keyFormatFindsNearGlobalKeys() throws {
        let findings = try Self.lint(ConditionKeyFormat(), Self.policy(condition: #"{"Bool": {"SecureTransport": "true", ":x": "1"}}"#))
        #expect(findings.map(\.suggestion) == ["did you mean 'aws:SecureTransport'?", "write the key as prefix:name"])
    }

    @Test func caseDuplicatesOnlyWithinOneOperator() throws {
        let across = Self.policy(condition: #"{"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}, "StringLike": {"AWS:SOURCEVPCE": "vpce-*"}}"#)
        #expect(try Self.lint(ConditionKeyCaseDuplicate(), across).isEmpty)
    }

    // MARK: - Keys and actions

    @Test func crossServiceAndLooselyWrittenKeysApply() throws {
        let crossService = Self.policy(condition: #"{"ArnEquals": {"ec2:SourceInstanceArn": "arn:aws:ec2:us-east-1:111122223333:instance/i-1"}}"#)
        #expect(try Self.lint(ConditionKeyNotForAction(), crossService).isEmpty)
        let secrets = Self.policy(action: #""secretsmanager:GetSecretValue""#,
                                  condition: #"{"StringEquals": {"secretsmanager:ResourceTag/team": "ml"}}"#)
        #expect(try Self.lint(ConditionKeyNotForAction(), secrets).isEmpty)
    }

    @Test func keysNotForActionBySeverity() throws {
        let denyNever = Self.policy("Deny", action: #"["s3:ListBucket", "s3:DeleteObject"]"#,
                                    condition: #"{"StringNotLike": {"s3:prefix": "home/*"}, "Bool": {"aws:SecureTransport": "true"}}"#)
        // StringNotLike is true without the key and another condition decides: not reported.
        #expect(try Self.lint(ConditionKeyNotForAction(), denyNever).isEmpty)
        let deny = Self.policy("Deny", action: #"["s3:ListBucket", "s3:DeleteObject"]"#, condition: #"{"StringLike": {"s3:prefix": "tmp/*"}}"#)
        let denied = try Self.lint(ConditionKeyNotForAction(), deny)
        #expect(denied.map(\.severity) == [.high])
        #expect(denied.first?.message == "'s3:DeleteObject' does not evaluate 's3:prefix'; for it the condition is always false, so the statement never denies it")
        let broad = Self.policy(action: #""sagemaker:*""#, condition: #"{"StringEqualsIfExists": {"sagemaker:WorkteamType": "private-crowd"}}"#)
        #expect(try Self.lint(ConditionKeyNotForAction(), broad).map(\.severity) == [.low])
        let notAction = #"""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": "s3:ListBucket", "Resource": "*",
             "Condition": {"StringLike": {"s3:prefix": "tmp/*"}}}]}
            """#
        #expect(try Self.lint(ConditionKeyNotForAction(), notAction).isEmpty)
        let everything = Self.policy("Deny", action: #""*""#, condition: #"{"StringNotEquals": {"ec2:InstanceType": "t3.micro"}}"#)
        #expect(try Self.lint(ConditionKeyNotForAction(), everything).map(\.severity) == [.medium])
    }

    @Test func tagKeysOnUnsupportedActions() throws {
        // AWS's session-isolation idiom: Deny unless the request tag or the resource tag names the owner.
        let idiom = Self.policy("Deny", action: #"["glue:CreateSession", "glue:GetSession"]"#,
                                condition: #"{"StringNotEquals": {"aws:RequestTag/owner": "${aws:userid}", "aws:ResourceTag/owner": "${aws:userid}"}}"#)
        #expect(try Self.lint(ConditionTagKeyUnsupportedService(), idiom).isEmpty)
        let star = Self.policy("Deny", action: #""*""#, condition: #"{"StringEquals": {"aws:ResourceTag/protected": "true"}}"#)
        let starFindings = try Self.lint(ConditionTagKeyUnsupportedService(), star)
        #expect(starFindings.map(\.severity) == [.high])
        let allow = Self.policy(action: #"["sagemaker:DescribeModel", "sagemaker:ListModels"]"#,
                                condition: #"{"StringEquals": {"aws:ResourceTag/team": "ml"}}"#)
        let allowed = try Self.lint(ConditionTagKeyUnsupportedService(), allow)
        #expect(allowed.map(\.severity) == [.medium])
        #expect(allowed.first?.message.hasPrefix("'sagemaker:ListModels' does not support 'aws:ResourceTag/team' (service sagemaker)") == true)
    }

    @Test func sessionValuesNeedTheirActionSomewhereInTheTrustPolicy() throws {
        let separate = #"""
            {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole",
              "Condition": {"StringEquals": {"aws:RequestTag/project": "vision"}}},
             {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:Tag*"}]}
            """#
        #expect(try Self.lint(ConditionKeyNeedsAction(), separate, type: .trust).isEmpty)
        let absence = #"""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
             "Action": "sts:AssumeRole", "Condition": {"Null": {"sts:SourceIdentity": "true"}}}]}
            """#
        #expect(try Self.lint(ConditionKeyNeedsAction(), absence, type: .trust).isEmpty)
        let presence = absence.replacingOccurrences("\"true\"", "\"false\"")
        #expect(try Self.lint(ConditionKeyNeedsAction(), presence, type: .trust).count == 1)
    }

    // MARK: - Types and values

    @Test func operatorTypes() throws {
        let fine = Self.policy(condition: #"""
            {"NumericLessThan": {"aws:EpochTime": "1893456000"}, "StringLike": {"aws:SourceArn": "arn:aws:s3:::b"},
             "ArnLike": {"aws:RequestTag/source": "arn:aws:ecs:*:*:task/*"}, "DateGreaterThan": {"aws:TokenIssueTime": "2026-01-01"}}
            """#)
        #expect(try Self.lint(ConditionOperatorType(), fine).isEmpty)
        let wrong = try Self.lint(ConditionOperatorType(), Self.policy(condition: #"{"ForAnyValue:DateEqualsIfExists": {"aws:SourceVpce": "x"}}"#))
        #expect(wrong.map(\.suggestion) == ["use 'ForAnyValue:StringEqualsIfExists'"])
        #expect(wrong.map(\.severity) == [.medium])
    }

    @Test func stringLikeOnArnOnlyBeforeTheResource() throws {
        let resourceOnly = Self.policy(condition: #"{"StringLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/ml-*"}}"#)
        #expect(try Self.lint(ConditionStringlikeOnArn(), resourceOnly).isEmpty)
        let account = Self.policy("Deny", condition: #"{"StringNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}}"#)
        #expect(try Self.lint(ConditionStringlikeOnArn(), account).map(\.suggestion) == ["use 'ArnNotLike'"])
    }

    @Test func valueFormatsBySeverity() throws {
        let mixed = try Self.lint(ConditionValueFormat(), Self.policy(condition: #"{"StringEquals": {"s3:max-keys": ["10", 20]}}"#))
        #expect(mixed.map(\.message) == ["the values of 's3:max-keys' mix JSON types (number, string): write them all as strings"])
        let someBad = try Self.lint(ConditionValueFormat(), Self.policy(condition: #"{"NumericLessThan": {"s3:max-keys": ["10", "ten"]}}"#))
        #expect(someBad.map(\.severity) == [.medium])
        let allBad = try Self.lint(ConditionValueFormat(), Self.policy(condition: #"{"NumericLessThan": {"s3:max-keys": ["ten"]}}"#))
        #expect(allBad.map(\.severity) == [.error])
        let epoch = try Self.lint(ConditionValueFormat(), Self.policy(condition: #"{"DateLessThan": {"aws:CurrentTime": "1893456000", "aws:EpochTime": "1893456000"}}"#))
        #expect(epoch.map(\.severity) == [.low])
        let short = try Self.lint(ConditionValueFormat(), Self.policy(condition: #"{"ArnLike": {"aws:SourceArn": ["arn:aws:sns:*", "*"]}}"#))
        #expect(short.map(\.severity) == [.medium])
        let variables = Self.policy(condition: #"""
            {"NumericLessThan": {"s3:max-keys": "${aws:username}"}, "StringEquals": {"aws:ResourceAccount": "${aws:PrincipalAccount}"},
             "StringLike": {"aws:SourceAccount": "1111*"}, "StringEqualsIgnoreCase": {"aws:RequestedRegion": "EU-WEST-1"}}
            """#)
        #expect(try Self.lint(ConditionValueFormat(), variables).isEmpty)
        let accounts = try Self.lint(ConditionValueFormat(), Self.policy(condition: #"{"StringEquals": {"aws:SourceAccount": "11112222333"}}"#))
        #expect(accounts.map(\.severity) == [.error])
        let newRegion = Self.policy(condition: #"{"StringEquals": {"aws:RequestedRegion": "ap-southwest-9"}}"#)
        #expect(try Self.lint(ConditionValueFormat(), newRegion).isEmpty)
    }

    @Test func wildcardsInURLs() throws {
        let url = Self.policy(condition: #"{"StringEquals": {"aws:Referer": "https://example.com/page?id=1"}}"#)
        #expect(try Self.lint(ConditionWildcardWithoutLike(), url).isEmpty)
        let star = Self.policy(condition: #"{"StringEquals": {"aws:Referer": "https://example.com/*"}}"#)
        #expect(try Self.lint(ConditionWildcardWithoutLike(), star).count == 1)
        let arn = Self.policy(condition: #"{"ArnEquals": {"aws:SourceArn": "arn:aws:sns:*:111122223333:*"}}"#)
        #expect(try Self.lint(ConditionWildcardWithoutLike(), arn).isEmpty)
    }

    // MARK: - Set qualifiers

    @Test func setQualifiersOnSingleValuedKeysBySeverity() throws {
        let always = Self.policy(condition: #"{"ForAllValues:StringEquals": {"aws:RequestedRegion": "eu-west-1"}}"#)
        #expect(try Self.lint(ConditionSetOperatorSingleValued(), always).map(\.severity) == [.low])
        let deny = Self.policy("Deny", condition: #"{"ForAnyValue:StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}"#)
        #expect(try Self.lint(ConditionSetOperatorSingleValued(), deny).map(\.severity) == [.high])
        let service = Self.policy(action: #""organizations:EnableAWSServiceAccess""#,
                                  condition: #"{"ForAllValues:StringLike": {"organizations:ServicePrincipal": "tag.amazonaws.com"}}"#)
        #expect(try Self.lint(ConditionSetOperatorSingleValued(), service).map(\.severity) == [.medium])
        // The MFA rule owns aws:MultiFactorAuthPresent.
        let mfa = Self.policy(condition: #"{"ForAllValues:Bool": {"aws:MultiFactorAuthPresent": "true"}}"#)
        #expect(try Self.lint(ConditionSetOperatorSingleValued(), mfa).isEmpty)
    }

    @Test func multivaluedKeysFromTheCatalogAreMedium() throws {
        let events = Self.policy(action: #""events:PutEvents""#, condition: #"{"StringEquals": {"events:detail-type": "x"}}"#)
        #expect(try Self.lint(ConditionMultivaluedNeedsQualifier(), events).map(\.severity) == [.medium])
        let null = Self.policy(condition: #"{"Null": {"aws:TagKeys": "false"}}"#)
        #expect(try Self.lint(ConditionMultivaluedNeedsQualifier(), null).isEmpty)
    }

    @Test func forAllValuesWithoutPresence() throws {
        let service = Self.policy(action: #""kms:CreateGrant""#,
                                  condition: #"{"ForAllValues:StringEquals": {"kms:GrantOperations": ["Decrypt"]}}"#)
        #expect(try Self.lint(ConditionForallvaluesAllowEmpty(), service).map(\.severity) == [.low])
        let tags = Self.policy("Deny", action: #""ec2:CreateTags""#, condition: #"{"ForAnyValue:StringNotEquals": {"aws:TagKeys": ["team"]}}"#)
        #expect(try Self.lint(ConditionForallvaluesAllowEmpty(), tags).isEmpty)
        let empty = Self.policy(condition: #"{"ForAllValues:StringEquals": {"aws:TagKeys": []}}"#)
        #expect(try Self.lint(ConditionForallvaluesAllowEmpty(), empty).map(\.severity) == [.low])
        #expect(try Self.lint(ConditionEmptyValues(), empty).isEmpty)
        // Single-valued keys belong to condition-set-operator-single-valued.
        let single = Self.policy(condition: #"{"ForAllValues:StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}"#)
        #expect(try Self.lint(ConditionForallvaluesAllowEmpty(), single).isEmpty)
    }

    // MARK: - IfExists and MFA

    @Test func ifExistsInDenyOrWithAPresenceCheckIsFine() throws {
        let deny = Self.policy("Deny", condition: #"{"StringNotEqualsIfExists": {"aws:SourceVpce": "vpce-1a2b3c4d"}}"#)
        #expect(try Self.lint(ConditionIfexistsWeakens(), deny).isEmpty)
        let checked = Self.policy(condition: #"{"IpAddressIfExists": {"aws:SourceIp": "203.0.113.0/24"}, "Null": {"aws:SourceIp": "false"}}"#)
        #expect(try Self.lint(ConditionIfexistsWeakens(), checked).isEmpty)
        let tags = Self.policy(condition: #"{"StringEqualsIfExists": {"aws:ResourceTag/team": "ml"}}"#)
        #expect(try Self.lint(ConditionIfexistsWeakens(), tags).first?.message.contains("untagged resources") == true)
    }

    @Test(arguments: [
        ("Allow", "Bool", "true", nil), ("Allow", "Bool", "false", Severity.high), ("Allow", "BoolIfExists", "false", .high),
        ("Allow", "BoolIfExists", "true", .low), ("Allow", "Null", "false", .high), ("Allow", "Null", "true", .medium),
        ("Deny", "BoolIfExists", "false", nil), ("Deny", "Bool", "false", .medium), ("Deny", "Null", "true", .medium),
        ("Deny", "Bool", "true", .medium), ("Allow", "ForAllValues:Bool", "true", .low), ("Allow", "ForAnyValue:Bool", "true", nil),
    ] as [(String, String, String, Severity?)])
    func mfaPatterns(effect: String, op: String, value: String, expected: Severity?) throws {
        let document = Self.policy(effect, condition: #"{"\#(op)": {"aws:MultiFactorAuthPresent": "\#(value)"}}"#)
        #expect(try Self.lint(ConditionMfaAntipattern(), document).map(\.severity) == (expected.map { [$0] } ?? []))
    }

    // MARK: - Addresses and ids

    @Test func privateSourceAddresses() throws {
        let v6 = Self.policy(condition: #"{"IpAddress": {"aws:SourceIp": ["fd00::/8"]}}"#)
        #expect(try Self.lint(ConditionSourceipPrivate(), v6).map(\.severity) == [.error])
        let open = Self.policy(condition: #"{"IpAddress": {"aws:SourceIp": ["0.0.0.0/0"]}}"#)
        #expect(try Self.lint(ConditionSourceipPrivate(), open).isEmpty)
        let vpc = Self.policy(condition: #"{"IpAddress": {"aws:VpcSourceIp": ["10.0.0.0/8"]}}"#)
        #expect(try Self.lint(ConditionSourceipPrivate(), vpc).isEmpty)
    }

    @Test func hostBitsInIPv6() throws {
        let findings = try Self.lint(ConditionCidrHostBits(), Self.policy(condition: #"{"NotIpAddress": {"aws:SourceIp": "2001:db8::1/32"}}"#))
        #expect(findings.map(\.suggestion) == ["write '2001:db8::/32'"])
    }

    @Test func numericBoundsKeepTheWidest() throws {
        let findings = try Self.lint(ConditionNumericRedundant(), Self.policy(condition: #"{"NumericGreaterThan": {"s3:max-keys": ["5", "2", "9"]}}"#))
        #expect(findings.map(\.suggestion) == ["write \"2\" alone"])
    }

    @Test func vpcIDs() throws {
        let document = Self.policy(condition: #"""
            {"StringEquals": {"aws:SourceVpce": ["vpce-0123456789abcdef0", "vpce-0123456789ABCDEF0"], "aws:SourceVpc": "vpc-*"},
             "StringLike": {"aws:Ec2InstanceSourceVpc": "vpc-0a1b*"}}
            """#)
        let findings = try Self.lint(ConditionVpcIdFormat(), document)
        // The upper-case endpoint id among valid ones (medium) and the literal '*' in StringEquals (error).
        #expect(findings.map(\.severity).sorted() == [.medium, .error])
    }

    // MARK: - Policy types

    @Test func servicePrincipalsOnly() throws {
        let mixed = #"""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com",
             "AWS": "arn:aws:iam::111122223333:root"}, "Action": "sqs:SendMessage", "Resource": "*",
             "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}
            """#
        #expect(try Self.lint(ConditionUnsupportedForServicePrincipal(), mixed, type: .resource).isEmpty)
        let ifExists = Self.policy(action: #""sqs:SendMessage""#, principal: #"{"Service": "sns.amazonaws.com"}"#,
                                   condition: #"{"StringEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}"#)
        #expect(try Self.lint(ConditionUnsupportedForServicePrincipal(), ifExists, type: .resource).map(\.severity) == [.low])
    }

    @Test func resourceOwnerKeysOnlyInResourcePolicies() throws {
        let document = Self.policy(condition: #"{"StringEquals": {"aws:ResourceAccount": "111122223333"}}"#)
        #expect(try Self.lint(ConditionIrrelevantInResourcePolicy(), document, type: .identity).isEmpty)
        #expect(try Self.lint(ConditionIrrelevantInResourcePolicy(), document, type: .scp).isEmpty)
    }

    @Test func globalKeyReminderIsOptIn() throws {
        let document = Self.policy(action: #""kms:Decrypt""#, condition: #"{"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}"#)
        #expect(try Self.lint(ConditionKeyGlobalWithActionKey(), document).isEmpty)
        #expect(try Self.lint(ConditionKeyGlobalWithActionKey(), document, enable: true).count == 1)
    }

    // MARK: - Robustness

    /// Conditions of every wrong shape: no rule throws or crashes, whatever the document holds.
    @Test(arguments: [
        #"{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": []}}"#,
        #"{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Condition": {"StringEquals": []}}]}"#,
        #"{"Statement": [{"Effect": "Allow", "Action": 3, "Condition": {"StringEquals": {"aws:SourceIp": {"a": 1}}}}]}"#,
        #"{"Statement": [{"Effect": "Deny", "NotAction": [], "Condition": {"IpAddress": {"aws:SourceIp": [[], null, 1, true, "::/0"]}}}]}"#,
        #"{"Statement": [{"Effect": "Allow", "Action": ["*", "*:*", "s*:Get*", ":", ""], "Condition": {"": {"": ""}, "ForAllValues:": {"aws:": ""}}}]}"#,
        #"{"Statement": [{"Effect": "Allow", "Principal": {"Service": []}, "Action": "sts:AssumeRole", "Condition": {"Null": {"aws:PrincipalTag/": []}}}]}"#,
        #"{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Condition": {"DateLessThan": {"aws:CurrentTime": ["9999-99-99T99:99:99+99:99", "-", "T"]}, "BinaryEquals": {"k:x": "="}}}]}"#,
    ])
    func neverCrashes(document: String) throws {
        for type in PolicyType.allCases {
            for rule in ConditionRules.all where rule.metadata.appliesTo.contains(type) {
                _ = try Self.lint(rule, document, type: type, enable: true)
            }
        }
    }
}
