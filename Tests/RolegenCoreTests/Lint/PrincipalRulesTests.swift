import Testing
import RolegenTestSupport
@testable import RolegenCore

/// Messages, locations and edge cases of the principal and policy-type rules, beyond their examples.
@Suite struct PrincipalRulesTests {
    static let rules: [any LintRule] = PrincipalRules.all + PolicyTypeRules.all

    /// The findings of the principal and policy-type rules on `policy`.
    static func lint(_ policy: String, type: PolicyType, knownAccounts: [String] = [], resourceKind: String? = nil) throws -> [Finding] {
        let catalog = try #require(TestCatalog.bundled)
        var settings = LintSettings()
        settings.knownAccounts = knownAccounts
        let engine = LintEngine(rules: rules, context: LintContext(catalog: catalog, settings: settings))
        switch PolicyTextReader.json(Array(policy.utf8), path: "p.json", type: type) {
        case .unreadable(let finding):
            Issue.record("unreadable: \(finding.message)")
            return []
        case .policy(var input):
            input.resourceKind = resourceKind
            return engine.lint(input)
        }
    }

    static func rules(_ findings: [Finding]) -> [String] { findings.map(\.rule).sorted() }

    /// The trust policy of the catalogue's `trust-mixed.json` sample (§6.1).
    @Test func trustMixedSample() throws {
        let policy = """
            {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole"},
             {"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
              "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/*"}}},
             {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}
            ]}
            """
        let findings = try Self.lint(policy, type: .trust)
        #expect(Self.rules(findings) == ["principal-public", "trust-compute-service", "trust-confused-deputy", "trust-federation-conditions",
                                        "trust-github-oidc"])
        let bySeverity = Dictionary(findings.map { ($0.rule, $0.severity) }, uniquingKeysWith: { a, _ in a })
        #expect(bySeverity["principal-public"] == .critical)
        #expect(bySeverity["trust-confused-deputy"] == .high)
        #expect(bySeverity["trust-github-oidc"] == .medium)
        // STS checks the audience against the provider's registered client ids; the condition is defence in depth.
        #expect(bySeverity["trust-federation-conditions"] == .medium)
        let deputy = try #require(findings.first { $0.rule == "trust-confused-deputy" })
        #expect(deputy.location.line == 2)
        #expect(deputy.statement == "#1")
    }

    /// Access Analyzer's documented validate-policy example: Cognito federation with sts:AssumeRole.
    @Test func cognitoWithAssumeRoleIsMismatched() throws {
        let policy = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "", "Effect": "Allow",
              "Principal": {"Federated": "cognito-identity.amazonaws.com"},
              "Action": ["sts:AssumeRole", "sts:TagSession"],
              "Condition": {"StringEquals": {"cognito-identity.amazonaws.com:aud": "us-west-2_EXAMPLE"}}}]}
            """
        let findings = try Self.lint(policy, type: .trust).filter { $0.rule == "trust-action-principal-kind" }
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.severity == .error)
        #expect(finding.message.hasPrefix("'sts:AssumeRole' is for AWS accounts, users, roles and services"))
        #expect(finding.message.contains("'cognito-identity.amazonaws.com'"))
        #expect(finding.suggestion == "write 'sts:AssumeRoleWithWebIdentity'")
        #expect(finding.location.line == 3)
    }

    @Test func principalKeyCaseIsSuggested() throws {
        let findings = try Self.lint(#"{"Statement": [{"Effect": "Allow", "Principal": {"aws": "111122223333"}, "Action": "sts:AssumeRole"}]}"#,
                                     type: .trust).filter { $0.rule == "principal-format" }
        #expect(findings.map(\.suggestion) == ["write 'AWS'"])
        #expect(findings.first?.message == "'aws' is not a principal key: the keys are 'AWS', 'Service', 'Federated' and 'CanonicalUser' (case matters)")
    }

    @Test func servicePrincipalInAWSKeyIsMoved() throws {
        let findings = try Self.lint(#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#,
                                     type: .trust).filter { $0.rule == "principal-format" }
        #expect(findings.first?.suggestion == "a service principal goes under \"Service\": {\"Service\": \"sagemaker.amazonaws.com\"}")
    }

    @Test func publicAccessNeedsALimitOnWho() throws {
        func verdict(_ condition: String, type: PolicyType = .resource) throws -> [String] {
            let policy = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::b/*", "Condition": \(condition)}]}
                """
            return try Self.rules(Self.lint(policy, type: type)).filter { $0.hasPrefix("principal-public") }
        }
        #expect(try verdict(#"{"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}"#) == ["principal-public"])
        #expect(try verdict(#"{"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}"#) == ["principal-public-conditioned"])
        #expect(try verdict(#"{"StringLike": {"aws:PrincipalOrgID": "o-*"}}"#) == ["principal-public"])
        #expect(try verdict(#"{"StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}"#) == ["principal-public"])
        #expect(try verdict(#"{"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/ci"}}"#) == ["principal-public"])
        #expect(try verdict(#"{"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/ci-*"}}"#) == [])
        #expect(try verdict(#"{"StringEquals": {"aws:SourceAccount": "111122223333"}}"#) == [])
        #expect(try verdict(#"{"Bool": {"aws:SecureTransport": "true"}}"#) == ["principal-public"])
    }

    @Test func endpointPoliciesAreNotPublic() throws {
        let policy = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}"#
        #expect(try Self.rules(Self.lint(policy, type: .resource)) == ["principal-public"])
        #expect(try Self.lint(policy, type: .resource, resourceKind: "AWS::EC2::VPCEndpoint").isEmpty)
        #expect(try Self.lint(policy, type: .resource, resourceKind: "aws_vpc_endpoint_policy").isEmpty)
    }

    @Test func denyFenceMustCoverTheAllowedResources() throws {
        let policy = """
            {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::public/*"},
             {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::private/*",
              "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}
            """
        #expect(try Self.rules(Self.lint(policy, type: .resource)).contains("principal-public"))
    }

    @Test func crossAccountUsesTheResourceOwner() throws {
        let policy = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
             "Principal": {"AWS": ["arn:aws:iam::111122223333:role/app", "arn:aws:iam::999988887777:role/vendor"]},
             "Action": "kms:Decrypt", "Resource": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]}
            """
        let findings = try Self.lint(policy, type: .resource).filter { $0.rule == "principal-cross-account" }
        #expect(findings.count == 1)
        #expect(findings.first?.message.hasPrefix("'arn:aws:iam::999988887777:role/vendor' is in account 999988887777") == true)
    }

    @Test func crossAccountTrustWithoutKnownAccountsReportsNothing() throws {
        let policy = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "999988887777"}, "Action": "sts:AssumeRole"}]}"#
        let unknown = try Self.rules(Self.lint(policy, type: .trust))
        #expect(!unknown.contains("principal-cross-account") && !unknown.contains("trust-cross-account-no-externalid"))
        let known = try Self.rules(Self.lint(policy, type: .trust, knownAccounts: ["111122223333"]))
        #expect(known.contains("principal-cross-account") && known.contains("trust-cross-account-no-externalid"))
    }

    @Test func notPrincipalCarveOutNeedsAccountAndSessions() throws {
        let policy = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
             "NotPrincipal": {"AWS": ["arn:aws:iam::111122223333:user/admin", "arn:aws:iam::444455556666:role/ops", "arn:aws:iam::444455556666:root"]},
             "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"}]}
            """
        let messages = try Self.lint(policy, type: .resource).filter { $0.rule == "deny-carve-out-ineffective" }.map(\.message)
        #expect(messages.count == 2)
        #expect(messages.contains { $0.contains("not its account 111122223333") })
        #expect(messages.contains { $0.contains("role 'ops' but none of its sessions") })
    }

    @Test func assumedRoleBesideItsRoleIsRedundantOnlyInPrincipal() throws {
        let principals = #"["arn:aws:iam::111122223333:role/ops", "arn:aws:sts::111122223333:assumed-role/ops/ana", "arn:aws:iam::111122223333:root"]"#
        let allow = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": \#(principals)}, "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"}]}"#
        let deny = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotPrincipal": {"AWS": \#(principals)}, "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"}]}"#
        #expect(try Self.rules(Self.lint(allow, type: .resource)).filter { $0 == "principal-redundant" }.count == 1)
        #expect(try !Self.rules(Self.lint(deny, type: .resource)).contains("principal-redundant"))
    }

    @Test func githubSubjectBreadth() throws {
        func severity(_ subject: String, op: String = "StringLike") throws -> Severity? {
            let policy = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                 "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
                 "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                 "\(op)": {"token.actions.githubusercontent.com:sub": "\(subject)"}}}]}
                """
            return try Self.lint(policy, type: .trust).first { $0.rule == "trust-github-oidc" }?.severity
        }
        #expect(try severity("*") == .high)
        #expect(try severity("repo:*") == .high)
        #expect(try severity("repo:*/ml:ref:refs/heads/main") == .high)
        #expect(try severity("repo:acme/*") == .medium)
        #expect(try severity("repo:acme/ml:*") == .low)
        #expect(try severity("repo:acme/ml:ref:refs/heads/main") == nil)
        // StringEquals compares "*" literally: not a wildcard (the condition rules report the mistake).
        #expect(try severity("repo:acme/*", op: "StringEquals") == nil)
    }

    @Test func rcpFullAccessAndManagedPoliciesAreExempt() throws {
        let full = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}"#
        #expect(try Self.lint(full, type: .rcp).isEmpty)
    }

    /// Odd shapes must never make a rule throw or crash, whatever the policy type.
    @Test(arguments: PolicyType.allCases)
    func oddShapesNeverFail(type: PolicyType) throws {
        let documents = [
            #"[]"#, #"{}"#, #""text""#, #"{"Statement": "x"}"#, #"{"Statement": [1, [], {}]}"#,
            #"{"Statement": {"Principal": 12, "NotPrincipal": [], "Action": {}, "Condition": []}}"#,
            #"{"Statement": [{"Principal": {"AWS": [{"x": 1}, null, 3, ["a"]], "Service": {}, "Federated": [""], "": ""}, "Effect": "Allow", "Action": ["sts:*", 4]}]}"#,
            #"{"Statement": [{"Principal": {"AWS": ["arn:", "arn:aws", "arn:aws:iam::", "arn:aws:sts::111122223333:assumed-role/", "AROA", ""]}, "Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/"}}]}"#,
            #"{"Statement": [{"Effect": "Allow", "Principal": {"Federated": ["arn:aws:iam::111122223333:oidc-provider/", "arn:aws:iam::1:saml-provider/x"], "Service": [".", "a..b", "-x.amazonaws.com", "https://", "é.amazonaws.com"]}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": ["repo:", "repo:/", ""]}}}]}"#,
            #"{"Statement": [{"Effect": "Deny", "Principal": "*", "Action": ":", "Resource": ["*"], "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": []}, "ArnNotLike": {"aws:PrincipalArn": "*"}}}]}"#,
        ]
        for document in documents {
            let findings = try Self.lint(document, type: type)
            #expect(!findings.contains { $0.rule == CheckError.id }, "\(document): \(findings)")
        }
    }
}
