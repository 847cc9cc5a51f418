import Testing
import RolegenTestSupport
@testable import RolegenCore

/// Focused tests of the grammar and variable rules: exact messages, locations and suggestions,
/// the policy-variable scanner, and documents of every shape (the rules must never throw).
@Suite struct GrammarRuleTests {
    static func findings(_ rule: any LintRule, _ policy: String, type: PolicyType = .identity,
                         resourceKind: String? = nil) throws -> [Finding] {
        guard resourceKind != nil else {
            return try RuleExampleTests.findings(of: rule, on: .triggering(policy, type: type))
        }
        let catalog = try #require(TestCatalog.bundled)
        guard case .policy(var input) = PolicyTextReader.json(Array(policy.utf8), path: "p.json", type: type) else {
            Issue.record("not JSON")
            return []
        }
        input.resourceKind = resourceKind
        return LintEngine(rules: [rule], context: LintContext(catalog: catalog)).lint(input)
    }

    // MARK: - Variables

    @Test func scannerReadsWellFormedVariables() {
        let variables = PolicyVariables.scan("arn:aws:s3:::b/${aws:username}/${aws:PrincipalTag/team, 'it''s shared'}/${*}${?}${$}")
        #expect(variables.map(\.name) == ["aws:username", "aws:PrincipalTag/team", "*", "?", "$"])
        #expect(variables.allSatisfy { $0.problem == nil })
        #expect(variables[1].defaultValue == "it's shared")
        #expect(variables[1].text == "${aws:PrincipalTag/team, 'it''s shared'}")
        #expect(variables.filter(\.isEscape).count == 3)
        #expect(PolicyVariables.scan("arn:aws:s3:::b/$home/{x}").isEmpty)
    }

    @Test(arguments: [
        ("${aws:username", PolicyVariable.Problem.missingBrace, "${aws:username}"),
        ("arn:aws:s3:::home/${aws:username/*", .missingBrace, "${aws:username}"),
        ("a/${aws:username, 'x'", .missingBrace, "${aws:username, 'x'}"),
        ("${}", .empty, nil),
        ("${ }", .empty, nil),
        ("${ aws:username}", .space, "${aws:username}"),
        ("${aws:PrincipalTag/cost center}", .space, "${aws:PrincipalTag/costcenter}"),
        ("${aws:username, anonymous}", .missingQuote, "${aws:username, 'anonymous'}"),
        ("${aws:username, 'anon}", .missingQuote, nil),
        ("${aws:username, 'it's'}", .missingQuote, nil),
        ("${aws:user#name}", .unsupportedSymbol("#"), nil),
        ("${aws:PrincipalTag/${aws:username}}", .unsupportedSymbol("$"), nil),
    ] as [(String, PolicyVariable.Problem, String?)])
    func scannerReportsMalformedVariables(text: String, problem: PolicyVariable.Problem, corrected: String?) {
        let variable = PolicyVariables.scan(text).first
        #expect(variable?.problem == problem, "\(text)")
        if let corrected { #expect(variable?.corrected == corrected, "\(text)") }
    }

    @Test func variableSyntaxMessageAndSuggestion() throws {
        let found = try Self.findings(VariableSyntax(),
            #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::team-${aws:PrincipalTag/team, shared}/*"}]}"#)
        #expect(found.map(\.message) == ["the default value of policy variable '${aws:PrincipalTag/team, shared}' must be in single quotes"])
        #expect(found.first?.suggestion == "write '${aws:PrincipalTag/team, 'shared'}'")
        #expect(found.first?.location.column == 99)
    }

    @Test func variablesAreLiteralWithoutVersion2012() throws {
        let policy = #"{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:usrname/*"}]}"#
        #expect(try Self.findings(VariableSyntax(), policy).isEmpty)
        #expect(try Self.findings(VariableUnknown(), policy).isEmpty)
        let needs = try Self.findings(VariableNeeds2012(), policy)
        #expect(needs.count == 1)
        #expect(needs.first?.suggestion == "add \"Version\": \"2012-10-17\"")
        // An invalid Version is version-invalid's finding.
        #expect(try Self.findings(VariableNeeds2012(), policy.replacingOccurrences("{\"Statement", "{\"Version\": \"2012-10-18\", \"Statement")).isEmpty)
    }

    @Test func unknownVariablesGetSuggestions() throws {
        let found = try Self.findings(VariableUnknown(), #"""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
             "Resource": ["arn:aws:s3:::home/${aws:usrname}/*", "arn:aws:s3:::home/${userid}/*", "arn:aws:s3:::x/${aws:CalledVia}",
                          "arn:aws:s3:::x/${s3:prefx}", "arn:aws:s3:::x/${saml:sub}", "arn:aws:s3:::x/${newservice:Key}"]}]}
            """#)
        #expect(found.map(\.message) == [
            "'${aws:usrname}' is not a global condition key, so IAM has no value to substitute",
            "'${userid}' names no condition key: keys are written service:key",
            "'${aws:CalledVia}' is a multivalued key; a variable stands for one value, so IAM may not substitute it",
            "'${s3:prefx}' is not a condition key of Amazon S3, so IAM has no value to substitute",
        ])
        #expect(found.map(\.suggestion) == ["did you mean '${aws:username}'?", "did you mean '${aws:userid}'?", nil, "did you mean '${s3:prefix}'?"])
        #expect(found.map(\.severity) == [.medium, .medium, .low, .medium])
    }

    @Test func variablesInOtherElementsAndOperators() throws {
        let element = try Self.findings(VariableElement(),
            #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": ["iam:*", "sts:${x}"], "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/owner": "${aws:username}"}}}]}"#)
        #expect(element.count == 1)
        #expect(element.first?.message.hasPrefix("'sts:${x}' in NotAction holds a policy variable") == true)
        let nullOperator = try Self.findings(VariableOperator(),
            #"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Null": {"aws:PrincipalTag/${aws:username}": "${aws:username}"}, "StringLikeIfExists": {"s3:prefix": "${aws:username}/*"}, "Frobnicate": {"a:b": "${aws:username}"}}}]}"#)
        #expect(nullOperator.map(\.message) == ["'${aws:username}' uses a policy variable with Null; IAM substitutes variables only with string and ARN operators"])
    }

    // MARK: - Structure

    @Test func duplicateKeyIsReportedAtTheRepetition() throws {
        let policy = """
            {"Version": "2012-10-17",
             "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                            "Resource": "arn:aws:s3:::a/*",
                            "Resource": "*"}]}
            """
        let found = try Self.findings(JSONDuplicateKey(), policy)
        #expect(found.count == 1)
        #expect(found.first?.location.line == 4)
        #expect(found.first?.message == "'Resource' is written twice in this object; IAM's grammar forbids it, and only one of the values would count")
        #expect(try Self.findings(JSONDuplicateKey(), #"{"a": {"x": 1, "y": 2}, "b": {"x": 1}}"#).isEmpty)
    }

    @Test func misspeltElementsGetDidYouMean() throws {
        let top = try Self.findings(UnknownTopLevelElement(), #"{"version": "2012-10-17", "Statement": []}"#)
        #expect(top.first?.suggestion == "did you mean 'Version'?")
        let statement = try Self.findings(UnknownStatementElement(),
            #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Actions": "s3:GetObject", "Resource": "*", "Comment": "x"}]}"#)
        #expect(statement.map(\.suggestion) == ["did you mean 'Action'?", "remove it"])
        let missing = try Self.findings(ActionMissing(),
            #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Actions": "s3:GetObject", "Resource": "*"}]}"#)
        #expect(missing.first?.suggestion == "'Actions' should probably be 'Action'")
    }

    @Test func missingStatementPointsAtANestedPolicy() throws {
        let found = try Self.findings(MissingStatement(), #"{"PolicyDocument": {"Statement": []}}"#)
        #expect(found.first?.suggestion == "the policy seems to be the value of 'PolicyDocument': lint that object")
        #expect(try Self.findings(MissingStatement(), #"["not", "an", "object"]"#).isEmpty)
    }

    @Test func effectAndSidSuggestions() throws {
        let effect = try Self.findings(EffectInvalid(),
            #"{"Version": "2012-10-17", "Statement": [{"Effect": "DENY", "Action": "s3:*", "Resource": "*"}, {"Effect": "Alow", "Action": "s3:*", "Resource": "*"}, {"Effect": true, "Action": "s3:*", "Resource": "*"}]}"#)
        #expect(effect.map(\.suggestion) == ["write 'Deny' (Effect is case-sensitive)", "did you mean 'Allow'?"])
        let sid = try Self.findings(SidCharset(),
            #"{"Version": "2012-10-17", "Statement": [{"Sid": "read-s3 bucket", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}"#)
        #expect(sid.first?.suggestion == "write 'readS3Bucket'")
        #expect(try Self.findings(SidCharset(),
            #"{"Version": "2012-10-17", "Statement": [{"Sid": "__owner_statement", "Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*"}]}"#,
            type: .resource).isEmpty)
    }

    @Test func duplicateSidSeverityDependsOnPolicyType() throws {
        let policy = #"{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}, {"Sid": "A", "Effect": "Deny", "Principal": "*", "Action": "s3:PutObject", "Resource": "*"}]}"#
        #expect(try Self.findings(SidDuplicate(), policy, type: .resource).map(\.severity) == [.low])
        #expect(try Self.findings(SidDuplicate(), policy, type: .trust).map(\.severity) == [.error])
        #expect(try Self.findings(SidDuplicate(), policy).first?.message == "the Sid 'A' is also the Sid of statement 1; IAM requires Sids to be unique within a policy")
    }

    @Test func resourceRulesKnowTrustAndRepositoryPolicies() throws {
        let trust = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#
        #expect(!ResourceMissing().metadata.appliesTo.contains(.trust))
        #expect(try Self.findings(ResourceMissing(), trust, type: .resource).count == 1)
        let repository = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}]}"#
        #expect(try Self.findings(ResourceMissing(), repository, type: .resource, resourceKind: "AWS::ECR::Repository").isEmpty)
        #expect(try Self.findings(ResourceMissing(), repository, type: .resource, resourceKind: "AWS::S3::Bucket").count == 1)
    }

    @Test func pairsAreReportedAtTheSecondElement() throws {
        let found = try Self.findings(ActionNotactionBoth(),
            #"{"Version": "2012-10-17", "Statement": [{"Sid": "X", "NotAction": "s3:Delete*", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}"#)
        #expect(found.first?.message == "statement 'X' has both Action and NotAction; IAM accepts only one of them")
        #expect(found.first?.location.column == 100)
        #expect(found.first?.statement == "X")
    }

    @Test func charsetNamesTheCharacterAndItsReplacement() throws {
        let found = try Self.findings(PolicyCharset(),
            #"{"Version": "2012-10-17", "Statement": [{"Sid": "Read\u2013Only", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::caf\u00e9/*"}]}"#)
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("character U+2013 '\u{2013}' in 'Read\u{2013}Only' is outside") == true)
        #expect(found.first?.suggestion == "write '-' instead")
        #expect(PolicyCharset.firstDisallowed(in: "tab\there\u{00FF}") == nil)
        #expect(PolicyCharset.firstDisallowed(in: "bell\u{0007}") == "\u{0007}")
    }

    @Test func conditionShapes() throws {
        let found = try Self.findings(ConditionShape(), #"""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
             "Condition": {"Bool": {"aws:SecureTransport": [true, null, ["x"]]}, "StringEquals": ["aws:x"]}}]}
            """#)
        #expect(found.count == 3)
        let empty = try Self.findings(EmptyElement(),
            #"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": [], "Resource": "*", "Condition": {"StringEquals": {}}}]}"#)
        #expect(empty.map(\.message) == ["the NotAction element is empty: it excludes nothing, so the statement may apply to every action",
                                         "the 'StringEquals' block of the condition is empty: it adds no condition"])
    }

    @Test func elementTypes() throws {
        let found = try Self.findings(ElementJSONType(), #"""
            {"Version": "2012-10-17", "Id": 7, "Statement": [{"Sid": null, "Effect": "Allow", "Action": {"s3": "GetObject"},
             "Resource": ["arn:aws:s3:::a", 1], "Principal": ["arn:aws:iam::111122223333:root"]}]}
            """#, type: .resource)
        #expect(found.map(\.message) == [
            "the value of Id must be a string, found a number",
            "the value of Sid must be a string, found null",
            "the value of Action must be a string or an array of strings, found an object",
            "the values of Resource must be strings, found a number",
            "the value of Principal must be \"*\" or an object such as {\"AWS\": [...]}, found an array",
        ])
    }

    @Test func cloudFormationIntrinsicsAreNotJSONTypeErrors() throws {
        let policy = #"""
            {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": "s3:GetObject", "Resource": [{"Fn::Sub": "arn:aws:s3:::${Bucket}/*"}, {"Fn::GetAtt": ["B", "Arn"]}],
              "Principal": {"AWS": {"Fn::Sub": "arn:aws:iam::${AWS::AccountId}:root"}},
              "Condition": {"StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}}}},
             {"Fn::If": ["IsProd", {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}, {"Ref": "AWS::NoValue"}]}]}
            """#
        for rule in [ElementJSONType(), ConditionShape(), UnknownStatementElement(), EffectMissing(), ActionMissing(), ResourceMissing(),
                     VariableUnknown(), VariableElement()] as [any LintRule] {
            #expect(try Self.findings(rule, policy).isEmpty, "\(rule.metadata.id)")
        }
    }

    /// Every grammar and size rule on documents of every shape: no rule may throw or crash.
    @Test(arguments: [
        "[]", "\"text\"", "42", "null", "{}", #"{"Statement": null}"#, #"{"Statement": [1, "x", null, [], {}]}"#,
        #"{"Version": ["2012-10-17"], "Statement": {"Effect": ["Allow"], "Action": [{}], "Resource": [[]], "Condition": "x", "Principal": 3}}"#,
        #"{"Version": "2012-10-17", "Statement": [{"Sid": "", "Condition": {"": {"": {}}}, "Resource": "${", "NotResource": "${${${'", "Action": "${aws:a, '"}]}"#,
    ])
    func rulesNeverThrow(policy: String) throws {
        for rule in GrammarRules.all + SizeRules.all {
            for type in rule.metadata.appliesTo {
                let found = try RuleExampleTests.findings(of: rule, on: .triggering(policy, type: type, sizeTarget: .managed,
                                                                                    entity: .init(kind: .role, name: "r")))
                #expect(!found.contains { $0.rule == CheckError.id }, "\(rule.metadata.id) threw on \(policy)")
            }
        }
    }
}
