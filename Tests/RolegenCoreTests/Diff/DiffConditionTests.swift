@testable import RolegenCore
import RolegenTestSupport
import Testing

/// Condition atoms per key type (§4.6), action classes (§4.4), budgets and approximations
/// (§4.9, §4.11): exact answers where the fragment is exact, UNKNOWN — never PASS — elsewhere.
@Suite struct DiffConditionTests {
    private func check(_ reference: String, _ candidate: String, _ expected: DiffVerdict,
                       options: DiffOptions = DiffOptions(), sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> DiffDirectionResult {
        let result = try DiffFixture.newAccess(reference, candidate, options: options)
        #expect(result.verdict == expected, "\(result.findings.map(\.request)) \(result.notes)", sourceLocation: sourceLocation)
        DiffFixture.expectVerified(result, reference: reference, candidate: candidate)
        return result
    }

    private func object(_ condition: String) -> String { condition }

    @Test func numericIntervals() throws {
        let atMost = DiffFixture.allow("s3:ListBucket", "*", condition: #"{"NumericLessThanEquals":{"s3:max-keys":"10"}}"#)
        let below = DiffFixture.allow("s3:ListBucket", "*", condition: #"{"NumericLessThan":{"s3:max-keys":"10"}}"#)
        #expect(try check(atMost, below, .pass).findings.isEmpty)
        let result = try check(below, atMost, .fail)
        #expect(result.findings.first?.request.context["s3:max-keys"] == ["10"])
        let between = DiffFixture.allow("s3:ListBucket", "*", condition: #"{"NumericGreaterThan":{"s3:max-keys":"2.5"},"NumericLessThan":{"s3:max-keys":"3"}}"#)
        let result2 = try check(DiffFixture.allow("s3:ListBucket", "*", condition: #"{"NumericEquals":{"s3:max-keys":["3"]}}"#), between, .fail)
        #expect(result2.findings.first?.request.context["s3:max-keys"] == ["2.75"])
    }

    /// Values only the evaluator's parsers read (a year and month, `.5`, an IPv4-mapped IPv6 address)
    /// must not read as "never matches" in the diff: NEW's condition can hold, so NEW grants
    /// access OLD (which grants nothing) does not — FAIL with a re-checked witness, never PASS.
    @Test func valuesTheEvaluatorReadsAreReadAlike() throws {
        let nothing = DiffFixture.allow("s3:PutObject", "*")
        for condition in [#"{"DateGreaterThan":{"aws:CurrentTime":"2020-06"}}"#,
                          #"{"NumericLessThan":{"s3:max-keys":".5"}}"#,
                          #"{"IpAddress":{"aws:SourceIp":"::ffff:203.0.113.0/120"}}"#] {
            let candidate = DiffFixture.allow("s3:ListBucket", "*", condition: condition)
            #expect(try check(nothing, candidate, .fail).findings.count == 1, "\(condition)")
        }
        #expect(DiffValues.date("2020-06") == 1_590_969_600)
        #expect(DiffValues.number(".5") == 0.5)
        #expect(DiffValues.address("::ffff:203.0.113.1") != nil)
    }

    @Test func dateIntervals() throws {
        let after = DiffFixture.allow("iam:CreateAccessKey", "*", condition: #"{"DateGreaterThan":{"aws:TokenIssueTime":"2020-01-01T00:00:01Z"}}"#)
        let atOrAfter = DiffFixture.allow("iam:CreateAccessKey", "*", condition: #"{"DateGreaterThanEquals":{"aws:TokenIssueTime":"2020-01-01T00:00:01Z"}}"#)
        _ = try check(atOrAfter, after, .pass)
        let result = try check(after, atOrAfter, .fail)
        #expect(result.findings.first?.request.context["aws:tokenissuetime"] == ["2020-01-01T00:00:01Z"])
        #expect(DiffValues.date("2020-01-01") == 1_577_836_800)
        #expect(DiffValues.date("2020-01-01T01:00:00+01:00") == 1_577_836_800)
        #expect(DiffValues.date("1577836800") == 1_577_836_800)
        #expect(DiffValues.date("2020-13-01") == nil)
        #expect(DiffValues.format(date: 1_577_836_801) == "2020-01-01T00:00:01Z")
    }

    @Test func ipIntervalsForBothFamilies() throws {
        let v4 = DiffFixture.allow("s3:GetObject", "*", condition: #"{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#)
        let half = DiffFixture.allow("s3:GetObject", "*", condition: #"{"IpAddress":{"aws:SourceIp":"203.0.113.128/25"}}"#)
        _ = try check(v4, half, .pass)
        #expect(try check(half, v4, .fail).findings.first?.request.context["aws:sourceip"] == ["203.0.113.0"])
        let v6 = DiffFixture.allow("s3:GetObject", "*", condition: #"{"IpAddress":{"aws:SourceIp":"2001:DB8:1234:5678::/64"}}"#)
        let both = DiffFixture.allow("s3:GetObject", "*", condition: #"{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:DB8:1234:5678::/64"]}}"#)
        _ = try check(both, v6, .pass)
        #expect(try check(v6, both, .fail).findings.first?.request.context["aws:sourceip"] == ["203.0.113.0"])
        let outside = DiffFixture.allow("s3:GetObject", "*", condition: #"{"NotIpAddress":{"aws:SourceIp":"2001:DB8:1234:5678::/64"}}"#)
        // Absent, or an IPv4 address: NotIpAddress holds, IpAddress does not.
        _ = try check(v6, outside, .fail)
        #expect(DiffValues.format(address: DiffValues.address("2001:db8::1")!) == "2001:db8::1")
    }

    @Test func boolAndNull() throws {
        let secure = DiffFixture.allow("s3:GetObject", "*", condition: #"{"Bool":{"aws:SecureTransport":"true"}}"#)
        let any = DiffFixture.allow("s3:GetObject", "*")
        _ = try check(any, secure, .pass)
        _ = try check(secure, any, .fail)
        let present = DiffFixture.allow("s3:GetObject", "*", condition: #"{"Null":{"aws:TokenIssueTime":"false"}}"#)
        let absent = DiffFixture.allow("s3:GetObject", "*", condition: #"{"Null":{"aws:TokenIssueTime":"true"}}"#)
        let result = try check(present, absent, .fail)
        #expect(result.findings.first?.context.first?.values == nil)
        _ = try check(any, absent, .pass)
    }

    @Test func stringsIgnoreCaseAndArns() throws {
        let exact = DiffFixture.allow("iam:GetUser", "*", condition: #"{"StringEquals":{"aws:username":"johndoe"}}"#)
        let folded = DiffFixture.allow("iam:GetUser", "*", condition: #"{"StringEqualsIgnoreCase":{"aws:username":"johndoe"}}"#)
        _ = try check(folded, exact, .pass)
        _ = try check(exact, folded, .fail)
        let arnLike = DiffFixture.allow("s3:GetObject", "*", condition: #"{"ArnLike":{"aws:SourceArn":"arn:aws:someservice:*:111122223333:finance/*"}}"#)
        let stringLike = DiffFixture.allow("s3:GetObject", "*", condition: #"{"StringLike":{"aws:SourceArn":"arn:aws:someservice:*:111122223333:finance/*"}}"#)
        _ = try check(stringLike, arnLike, .pass)
        _ = try check(arnLike, stringLike, .fail)
        let negated = DiffFixture.allow("s3:GetObject", "*", condition: #"{"StringNotEquals":{"aws:PrincipalTag/role":["audit","security"]}}"#)
        _ = try check(DiffFixture.allow("s3:GetObject", "*"), negated, .pass)
        _ = try check(negated, DiffFixture.allow("s3:GetObject", "*"), .fail)
    }

    @Test("Multivalued subsets and the atom cap (I-D: null data set)") func multivaluedSubsetsAndTheCap() throws {
        let anyValue = DiffFixture.allow("iam:TagUser", "*", condition: #"{"ForAnyValue:StringEquals":{"aws:TagKeys":["CostCenter"]}}"#)
        let allValues = DiffFixture.allow("iam:TagUser", "*", condition: #"{"ForAllValues:StringEquals":{"aws:TagKeys":["CostCenter"]}}"#)
        _ = try check(anyValue, allValues, .fail)
        _ = try check(allValues, anyValue, .fail)
        // 13 literal values: more atoms than the cap of 12 — approximated, so never PASS.
        let many = (1...13).map { "\"k\($0)\"" }.joined(separator: ",")
        let capped = DiffFixture.allow("iam:TagUser", "*", condition: "{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\(many)]}}")
        let cappedTwice = DiffFixture.allow("iam:TagUser", "*", condition: "{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\(many),\"k14\"]}}")
        let result = try DiffFixture.newAccess(capped, cappedTwice)
        #expect(result.verdict != .pass)
        #expect(result.notes.contains { $0.contains("more than 12 value atoms") })
        var raised = DiffOptions()
        raised.multivaluedAtomCap = 16
        _ = try check(capped, cappedTwice, .fail, options: raised)
        _ = try check(cappedTwice, capped, .pass, options: raised)
    }

    @Test func actionClassesIgnoreCaseAndKeepUnknownNames() throws {
        _ = try check(DiffFixture.allow("iam:GetUser", "*"), DiffFixture.allow("IAM:GETUSER", "*"), .pass)
        _ = try check(DiffFixture.allow("IAM:GETUSER", "*"), DiffFixture.allow("iam:GetUser", "*"), .pass)
        // Names the catalog lacks form classes of their own.
        let unknown = try check(DiffFixture.allow("s3:GetObject", "*"), DiffFixture.allow("foo:Bar", "*"), .fail)
        #expect(unknown.findings.first?.action == "foo:Bar")
        #expect(unknown.notes.contains { $0.contains("foo:Bar") })
        _ = try check(DiffFixture.allow("FOO:bar", "*"), DiffFixture.allow("foo:Bar", "*"), .pass)
        // NotAction is the complement within the catalog.
        let notIAM = "{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}"
        _ = try check(notIAM, DiffFixture.allow("ec2:*", "*"), .pass)
        let result = try check(DiffFixture.allow("ec2:*", "*"), notIAM, .fail)
        #expect(result.findings.first.map { !$0.action.hasPrefix("iam:") && !$0.action.hasPrefix("ec2:") } == true)
    }

    @Test func classReportsItsPatternAndSize() throws {
        let result = try check(DiffFixture.allow("s3:GetObject", "*"), DiffFixture.allow("s3:Get*", "*"), .fail)
        let finding = try #require(result.findings.first)
        #expect(finding.classSize > 1)
        #expect(finding.classPattern == nil || finding.classPattern == "s3:Get*")
    }

    @Test func budgetsRunningOutGiveUnknown() throws {
        var tiny = DiffOptions()
        tiny.productStateBudget = 3
        // B's statement lies inside A's two together but inside neither alone: only the search decides.
        let result = try DiffFixture.newAccess(DiffFixture.allow("s3:GetObject", "arn:aws:s3:::b/a*") + ","
                                                   + DiffFixture.allow("s3:GetObject", "arn:aws:s3:::b/c*"),
                                               DiffFixture.allow("s3:GetObject", #"["arn:aws:s3:::b/a*b","arn:aws:s3:::b/c*"]"#), options: tiny)
        #expect(result.verdict == .unknown)
        #expect(result.budgetExhausted)
        var noNodes = DiffOptions()
        noNodes.searchNodeBudget = 0
        let nodes = try DiffFixture.newAccess(DiffFixture.allow("s3:GetObject", "*", condition: #"{"StringLike":{"aws:username":"a*"}}"#),
                                              DiffFixture.allow("s3:GetObject", "*", condition: #"{"StringEquals":{"aws:username":"ab"}}"#), options: noNodes)
        #expect(nodes.verdict == .unknown)
    }

    @Test("Approximations give UNKNOWN, never PASS (I-D: BinaryEquals, ForAnyValue…IfExists)") func approximationsGiveUnknownNeverPass() throws {
        // BinaryEquals is outside the exact fragment: B's is read as true, A's as false.
        let binaryA = DiffFixture.allow("s3:GetObject", "*", condition: #"{"BinaryEquals":{"aws:x":"QQ=="}}"#)
        let binaryB = DiffFixture.allow("s3:GetObject", "*", condition: #"{"BinaryEquals":{"aws:x":"Qg=="}}"#)
        let result = try DiffFixture.newAccess(binaryA, binaryB)
        #expect(result.verdict == .unknown)
        #expect(result.notes.contains { $0.contains("BinaryEquals") })
        // The same entry on both sides is one opaque dimension: exact.
        _ = try check(binaryA, binaryA, .pass)
        // ForAnyValue…IfExists (I-D) is approximated too.
        let ifExists = DiffFixture.allow("s3:GetObject", "*", condition: #"{"ForAnyValue:StringLikeIfExists":{"aws:TagKeys":"a*"}}"#)
        #expect(try DiffFixture.newAccess(binaryA, ifExists).verdict != .pass)
    }

    @Test func robustModeUsesTheBounds() throws {
        var robust = DiffOptions()
        robust.mode = .robust
        // R06: B's key with a colon is matched by A under D but not under L.
        let star = DiffFixture.allow("s3:GetObject", "arn:aws:s3:::b/*/report.csv")
        let literal = DiffFixture.allow("s3:GetObject", "arn:aws:s3:::b/data:2024/report.csv")
        _ = try check(star, literal, .pass)
        #expect(try DiffFixture.newAccess(star, literal, options: robust).verdict != .pass)
    }

    @Test func singleValuedKeysTakeSeveralValuesOnlyWithoutD4() throws {
        // StringLikeIfExists "*" holds for every single value and for absence, not for two values.
        let anyValue = DiffFixture.allow("s3:GetObject", "*", condition: #"{"StringLikeIfExists":{"aws:PrincipalTag/team":"*"}}"#)
        let unconditional = DiffFixture.allow("s3:GetObject", "*")
        _ = try check(anyValue, unconditional, .pass)
        var off = DiffOptions()
        off.constraints.keyTypes = false
        let result = try check(anyValue, unconditional, .fail, options: off)
        #expect((result.findings.first?.request.context["aws:principaltag/team"]?.count ?? 0) >= 2)
    }

    @Test func domainConstraintsOnlyShrinkTheUniverse() throws {
        let s3Only = DiffFixture.allow("s3:GetObject", "arn:aws:s3:::*")
        let everything = DiffFixture.allow("s3:GetObject", "*")
        var off = DiffOptions()
        off.constraints.resourceTemplates = false
        off.constraints.partitions = nil
        #expect(try check(s3Only, everything, .fail, options: off).findings.first?.resource.description.hasPrefix("arn:aws:s3:::") == false)
        #expect(off.constraints.descriptions.contains("d1 partitions: off"))
    }
}
