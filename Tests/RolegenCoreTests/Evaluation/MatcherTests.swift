import Testing
@testable import RolegenCore

/// Actions (§3.1), resources (§3.2–§3.3), principals (§3.5) and statements' first failing elements.
@Suite struct MatcherTests {
    @Test func actions() {
        #expect(ActionMatcher.matches(pattern: "IAM:listaccesskeys", action: "iam:ListAccessKeys"))
        #expect(ActionMatcher.matches(pattern: "*", action: "anything:Goes"))
        #expect(ActionMatcher.matches(pattern: "iam:?etUser", action: "iam:GetUser"))
        #expect(!ActionMatcher.matches(pattern: "iam:?etUser", action: "iam:GetUserPolicy"))
        #expect(ActionMatcher.matches(pattern: "iam:*AccessKey*", action: "iam:CreateAccessKey"))
        #expect(!ActionMatcher.matches(pattern: "s3:GetBucket   ", action: "s3:GetBucket"), "no trimming")
        #expect(!ActionMatcher.matches(pattern: "s3:", action: "s3:GetObject"))
        #expect(!ActionMatcher.matches(pattern: "s3*", action: "s3:GetObject"), "no colon: not an action")
        #expect(!ActionMatcher.matches(pattern: "s3:Get[O]bject", action: "s3:GetObject"), "brackets are literal (§3.8)")
        #expect(!ActionMatcher.matches(pattern: "s3:Get.bject", action: "s3:GetObject"), "a dot is literal (§3.8 moto)")
        #expect(!ActionMatcher.matches(pattern: "s3:*a*a*a*a*a*a*a*a*a*b", action: "s3:" + String(repeating: "a", count: 4000)))
    }

    @Test("a wildcard vendor is a glob (I-D)", .tags(.implementationDefined)) func wildcardVendor() {
        #expect(ActionMatcher.matches(pattern: "s*:GetObject", action: "s3:GetObject"))
    }

    @Test func resourcesUnderD() {
        func d(_ pattern: String, _ resource: String) -> Bool {
            ResourceMatcher.matches(pattern: pattern, resource: RequestResource(resource), semantics: .standard)
        }
        #expect(d("arn:aws:s3:::b/*/test/*", "arn:aws:s3:::b/1/2/test/3/x.jpg"))
        #expect(!d("arn:aws:s3:::b/*/test/*", "arn:aws:s3:::b/test/x.jpg"))
        #expect(!d("arn:aws:iam::1:user/Bob", "arn:aws:iam::1:user/bob"), "case-sensitive")
        #expect(d("arn:aws:iam::1:user/Bo?", "arn:aws:iam::1:user/Bob"))
        #expect(!d("arn:aws:ec2:us-?:1:x", "arn:aws:ec2:us-:1:x"))
        #expect(!d("arn:aws:ec2:u*1:1:x", "arn:aws:ec2:us:east-1:1:x"), "a star inside a field does not cross a colon")
        #expect(d("**", "*"), "all stars match ⊤")
        #expect(!d("arn:aws:s3:::*", "*"), "ARN patterns do not match ⊤ (§3.2.4)")
        #expect(!d("arn:aws:s3:::[ab]", "arn:aws:s3:::a"))
    }

    @Test func resourcesWithVariables() {
        var notes = EvaluationNotes()
        let statement = EvaluationStatement(index: 0, sid: nil, effect: .allow, actions: .only(["*"]),
                                            resources: .only(["arn:aws:s3:::b/${aws:username}/*"]), principals: nil, conditions: [])
        func mismatch(_ resource: String, _ context: [String: [String]]) -> StatementMismatch? {
            StatementMatcher.match(statement, request: EvaluationRequest(action: "s3:GetObject", resource: .arn(resource), context: context),
                                   variables: true, notes: &notes)
        }
        #expect(mismatch("arn:aws:s3:::b/alice/x", ["aws:username": ["alice"]]) == nil)
        #expect(mismatch("arn:aws:s3:::b/a*/x", ["aws:username": ["a*"]]) == nil)
        #expect(mismatch("arn:aws:s3:::b/ab/x", ["aws:username": ["a*"]]) != nil, "substituted * is literal (I-D)")
        // §3.8 scratchstack: an absent variable is not the empty string.
        #expect(mismatch("arn:aws:s3:::b//x", [:]) != nil)
        #expect(notes.items.contains { $0.contains("${aws:username}") && $0.contains("matches no resource") })
    }

    @Test func firstFailingElements() {
        var notes = EvaluationNotes()
        let statement = EvaluationStatement(
            index: 3, sid: "S", effect: .allow, actions: .only(["s3:GetObject"]), resources: .only(["arn:aws:s3:::b/*"]),
            principals: nil, conditions: [ConditionEntry(operatorName: "Bool", key: "aws:SecureTransport", values: ["true"]),
                                          ConditionEntry(operatorName: "StringEquals", key: "s3:prefix", values: ["x"])])
        func mismatch(_ action: String, _ resource: String, _ context: [String: [String]] = [:]) -> StatementMismatch? {
            StatementMatcher.match(statement, request: EvaluationRequest(action: action, resource: RequestResource(resource), context: context),
                                   variables: true, notes: &notes)
        }
        #expect(mismatch("s3:PutObject", "arn:aws:s3:::c/k") == .action("s3:PutObject is not matched by Action [s3:GetObject]"))
        #expect(mismatch("s3:GetObject", "arn:aws:s3:::c/k") == .resource("arn:aws:s3:::c/k is not matched by Resource [arn:aws:s3:::b/*]"))
        #expect(mismatch("s3:GetObject", "arn:aws:s3:::b/k")?.element == "condition key aws:SecureTransport")
        #expect(mismatch("s3:GetObject", "arn:aws:s3:::b/k", ["aws:securetransport": ["true"]])?.element == "condition key s3:prefix")
        #expect(mismatch("s3:GetObject", "arn:aws:s3:::b/k", ["aws:securetransport": ["true"], "s3:prefix": ["x"]]) == nil)
        var invalid = statement
        invalid.effect = nil
        #expect(mismatch("s3:GetObject", "arn:aws:s3:::b/k") != nil)
        #expect(StatementMatcher.match(invalid, request: EvaluationRequest(action: "s3:GetObject", resource: .top), variables: true,
                                       notes: &notes) == .effect)
    }

    @Test func notActionAndNotResource() {
        var notes = EvaluationNotes()
        let statement = EvaluationStatement(index: 0, sid: nil, effect: .deny, actions: .except(["iam:*"]),
                                            resources: .except(["arn:aws:s3:::keep/*"]), principals: nil, conditions: [])
        func mismatch(_ action: String, _ resource: String) -> StatementMismatch? {
            StatementMatcher.match(statement, request: EvaluationRequest(action: action, resource: RequestResource(resource)),
                                   variables: true, notes: &notes)
        }
        #expect(mismatch("iam:GetUser", "*") == .action("iam:GetUser is excluded by NotAction 'iam:*'"))
        #expect(mismatch("s3:GetObject", "arn:aws:s3:::keep/x") == .resource("arn:aws:s3:::keep/x is excluded by NotResource 'arn:aws:s3:::keep/*'"))
        #expect(mismatch("s3:ListAllMyBuckets", "*") == nil, "NotResource without * includes ⊤")
        #expect(mismatch("ec2:RunInstances", "arn:aws:ec2:r:1:instance/i") == nil)
    }

    @Test func ambiguousARNMatchesAreNoted() {
        var notes = EvaluationNotes()
        let statement = EvaluationStatement(index: 0, sid: nil, effect: .allow, actions: .only(["s3:*"]),
                                            resources: .only(["arn:aws:s3:::b/*/report.csv"]), principals: nil, conditions: [])
        _ = StatementMatcher.match(statement, request: EvaluationRequest(action: "s3:GetObject", resource: .arn("arn:aws:s3:::b/data:2024/report.csv")),
                                   variables: true, notes: &notes)
        #expect(notes.items.first?.hasPrefix("§3.2.3 I-D: ambiguous ARN match") == true)
    }

    @Test func principals() {
        let user = EvaluationRequest(action: "s3:GetObject", resource: .top, principal: "AWS:arn:aws:iam::111122223333:user/alice")
        let session = EvaluationRequest(action: "s3:GetObject", resource: .top, principalKind: .roleSession,
                                        principal: "AWS:arn:aws:sts::111122223333:assumed-role/Reader/s1")
        #expect(PrincipalMatcher.naming(["*"], request: user) == .roleOrEveryone)
        #expect(PrincipalMatcher.naming(["AWS:arn:aws:iam::111122223333:user/alice"], request: user) == .direct)
        #expect(PrincipalMatcher.naming(["AWS:arn:aws:iam::111122223333:root"], request: user) == .account)
        #expect(PrincipalMatcher.naming(["AWS:arn:aws:iam::111122223333:user/Alice"], request: user) == nil, "case-sensitive (I-D)")
        #expect(PrincipalMatcher.naming(["AWS:arn:aws:iam::111122223333:role/team/Reader"], request: session) == .roleOrEveryone)
        #expect(PrincipalMatcher.naming(["AWS:arn:aws:sts::111122223333:assumed-role/Reader/s1"], request: session) == .direct)
        #expect(PrincipalMatcher.naming(["AWS:arn:aws:iam::999999999999:root"], request: user) == nil)
    }
}
