import Testing
@testable import RolegenCore

/// Each operator family of §3.4 on its own, including the peers' mistakes of §3.8 as negative tests.
@Suite struct ConditionOperatorTests {
    /// Evaluates one entry; `context` values are lists (one element for single-valued keys).
    static func holds(_ op: String, _ values: [String], _ context: [String: [String]] = [:], key: String = "k",
                      variables: Bool = true) -> Bool {
        var notes = EvaluationNotes()
        let request = EvaluationRequest(action: "s:A", resource: .top, context: context)
        return ConditionEvaluator.evaluate(ConditionEntry(operatorName: op, key: key, values: values), context: request.context,
                                           variables: variables, notes: &notes).holds
    }

    static func notes(_ op: String, _ values: [String], _ context: [String: [String]]) -> [String] {
        var notes = EvaluationNotes()
        _ = ConditionEvaluator.evaluate(ConditionEntry(operatorName: op, key: "k", values: values), context: context,
                                        variables: true, notes: &notes)
        return notes.items
    }

    @Test func operatorNamesSplitExactly() throws {
        let op = try #require(ConditionOperator("ForAnyValue:StringNotLikeIfExists"))
        #expect(op.qualifier == .forAnyValue && op.comparison == .stringLike && op.isNegated && op.ifExists)
        #expect(ConditionOperator("stringequals") == nil, "I-D: operator names are exact-case")
        #expect(ConditionOperator("NullIfExists") == nil)
        #expect(ConditionOperator("ForAnyValue::StringEquals") == nil)
        #expect(ConditionOperator("NumericGreaterThan")?.isNegated == false)
        #expect(ConditionOperator("ArnEquals")?.comparison == .arnLike)
    }

    @Test("unknown operators never hold (I-D)", .tags(.implementationDefined)) func unknownOperator() {
        #expect(!Self.holds("StringSortOf", ["x"], ["k": ["x"]]))
        #expect(Self.notes("StringSortOf", ["x"], ["k": ["x"]]).first?.contains("unknown condition operator") == true)
    }

    // MARK: String

    @Test func stringEqualsIsExactAndCodePointWise() {
        #expect(Self.holds("StringEquals", ["abc"], ["k": ["abc"]]))
        #expect(!Self.holds("StringEquals", ["abc"], ["k": ["ABC"]]))
        #expect(!Self.holds("StringEquals", ["a*"], ["k": ["abc"]]), "no wildcards in StringEquals")
        #expect(Self.holds("StringEquals", ["a*"], ["k": ["a*"]]))
        // é precomposed vs e + combining acute: equal as Swift Strings, not code point by code point.
        #expect(!Self.holds("StringEquals", ["\u{E9}"], ["k": ["e\u{301}"]]))
    }

    @Test("StringEqualsIgnoreCase folds with the simple lower-case mapping (I-D)", .tags(.implementationDefined))
    func ignoreCase() {
        #expect(Self.holds("StringEqualsIgnoreCase", ["JohnDoe"], ["k": ["johndoe"]]))
        #expect(Self.holds("StringEqualsIgnoreCase", ["ÄRGER"], ["k": ["ärger"]]))
        #expect(Self.holds("StringEqualsIgnoreCase", ["\u{130}"], ["k": ["i"]]), "İ maps to i, not i + dot")
        #expect(!Self.holds("StringNotEqualsIgnoreCase", ["A"], ["k": ["a"]]))
    }

    @Test func stringLikeGlobsAcrossColonsAndSlashes() {
        #expect(Self.holds("StringLike", ["a*:b/?"], ["k": ["axx:yy:b/c"]]))
        #expect(!Self.holds("StringLike", ["a?"], ["k": ["a"]]))
        #expect(!Self.holds("StringLike", ["A*"], ["k": ["abc"]]), "case-sensitive")
        #expect(Self.holds("StringLike", ["[ab]"], ["k": ["[ab]"]]), "brackets are literal, not a class (§3.8 fnmatch)")
        #expect(!Self.holds("StringLike", ["a.c"], ["k": ["abc"]]), "a dot is literal, not a regex (§3.8 moto)")
        #expect(!Self.holds("StringLike", ["*a*a*a*a*a*a*a*a*b"], ["k": [String(repeating: "a", count: 5000)]]))
    }

    @Test func negatedOperatorsAreNOR() {
        // §3.8 scratchstack: OR of negations would make these true.
        #expect(!Self.holds("StringNotEquals", ["audit", "security"], ["k": ["audit"]]))
        #expect(Self.holds("StringNotEquals", ["audit", "security"], ["k": ["dev"]]))
        #expect(!Self.holds("StringNotLike", ["a*", "b*"], ["k": ["bx"]]))
    }

    @Test func absentKeys() {
        #expect(!Self.holds("StringEquals", ["x"]))
        #expect(Self.holds("StringNotEquals", ["x"]), "§3.8 scratchstack/quacky: negated + absent is true")
        #expect(Self.holds("StringEqualsIfExists", ["x"]))
        #expect(Self.holds("StringNotEqualsIfExists", ["x"]))
        #expect(Self.holds("NotIpAddress", ["10.0.0.0/8"]))
        #expect(!Self.holds("NumericLessThan", ["3"]))
        #expect(Self.holds("BoolIfExists", ["false"]))
        #expect(!Self.holds("StringEquals", ["x"], ["k": []]), "an empty list is absent (I-D)")
    }

    @Test("a plain operator does not match a multivalued key (I-D)", .tags(.implementationDefined))
    func multivaluedWithoutSetOperator() {
        #expect(!Self.holds("StringEquals", ["a"], ["k": ["a", "b"]]))
        #expect(!Self.holds("StringNotEquals", ["c"], ["k": ["a", "b"]]), "also negated")
        #expect(Self.notes("StringEquals", ["a"], ["k": ["a", "b"]]).first?.contains("§3.4.2 I-D") == true)
    }

    @Test func keyNamesAreCaseInsensitive() {
        #expect(Self.holds("StringEquals", ["red"], ["aws:principaltag/team": ["red"]], key: "AWS:PrincipalTag/Team"))
        let request = EvaluationRequest(action: "s:A", resource: .top, context: ["AWS:SourceIP": ["1.2.3.4"]])
        #expect(request.context["aws:sourceip"] == ["1.2.3.4"])
    }

    // MARK: Set operators

    @Test func forAllValues() {
        #expect(Self.holds("ForAllValues:StringEquals", ["a", "b"], ["k": ["a", "b"]]))
        #expect(!Self.holds("ForAllValues:StringEquals", ["a", "b"], ["k": ["a", "c"]]))
        #expect(Self.holds("ForAllValues:StringEquals", ["a"]), "absent key: true")
        #expect(Self.holds("ForAllValues:StringEquals", ["a"], ["k": []]), "empty set: true")
        #expect(Self.holds("ForAllValues:StringEquals", ["a"], ["k": [""]]), "I-D: [\"\"] is the null data set")
        // The documented aws:TagKeys table (§3.4.2).
        #expect(Self.holds("ForAllValues:StringNotLike", ["key1*"], ["k": ["key2:audit"]]))
        #expect(!Self.holds("ForAllValues:StringNotLike", ["key1*"], ["k": ["key1:legal"]]))
        #expect(!Self.holds("ForAllValues:StringNotLike", ["key1*"], ["k": ["key1:hr", "key1:personnel"]]))
        // §3.8 quacky: ForAllValues is over the request's values, not the policy's.
        #expect(Self.holds("ForAllValues:StringEquals", ["a", "b", "c"], ["k": ["a"]]))
    }

    @Test func forAnyValue() {
        #expect(Self.holds("ForAnyValue:StringEquals", ["a"], ["k": ["x", "a"]]))
        #expect(!Self.holds("ForAnyValue:StringEquals", ["a"], ["k": ["x", "y"]]))
        #expect(!Self.holds("ForAnyValue:StringEquals", ["a"]))
        #expect(!Self.holds("ForAnyValue:StringEquals", ["a"], ["k": []]))
        #expect(Self.holds("ForAnyValue:StringNotEquals", ["a"], ["k": ["a", "b"]]))
    }

    @Test("ForAnyValue…IfExists with an absent key is false (I-D)", .tags(.implementationDefined))
    func forAnyValueIfExists() {
        #expect(!Self.holds("ForAnyValue:StringEqualsIfExists", ["a"]))
    }

    // MARK: Null

    @Test func null() {
        #expect(Self.holds("Null", ["true"]))
        #expect(!Self.holds("Null", ["true"], ["k": ["x"]]))
        #expect(Self.holds("Null", ["false"], ["k": ["x"]]))
        #expect(Self.holds("Null", ["TRUE"]), "values compared case-insensitively")
        #expect(Self.holds("Null", ["true", "false"], ["k": ["x"]]))
    }

    // MARK: Numeric

    @Test func numeric() {
        #expect(Self.holds("NumericLessThanEquals", ["10"], ["k": ["10"]]))
        #expect(!Self.holds("NumericLessThanEquals", ["10"], ["k": ["11"]]))
        #expect(Self.holds("NumericEquals", ["10"], ["k": ["10.0"]]))
        #expect(Self.holds("NumericEquals", ["-0"], ["k": ["0"]]))
        #expect(Self.holds("NumericLessThan", ["-1.5"], ["k": ["-2"]]))
        #expect(Self.holds("NumericGreaterThan", ["99999999999999999999"], ["k": ["100000000000000000000"]]))
        #expect(Self.holds("NumericGreaterThanEquals", [".5"], ["k": ["0.50"]]))
        #expect(!Self.holds("NumericNotEquals", ["1", "2"], ["k": ["2"]]))
    }

    @Test("unparseable values never match; negated operators then hold (I-D)", .tags(.implementationDefined))
    func unparseable() {
        #expect(!Self.holds("NumericEquals", ["10"], ["k": ["ten"]]))
        #expect(Self.holds("NumericNotEquals", ["10"], ["k": ["ten"]]))
        #expect(!Self.holds("NumericEquals", ["ten"], ["k": ["10"]]))
        #expect(Self.notes("NumericEquals", ["10"], ["k": ["ten"]]) == ["§3.4.3 I-D: request value 'ten' of k is not a number; the comparison does not match"])
        #expect(!Self.holds("DateEquals", ["2020-13-01"], ["k": ["2020-13-01"]]))
        #expect(!Self.holds("Bool", ["yes"], ["k": ["yes"]]))
        #expect(!Self.holds("IpAddress", ["10.0.0.0/8"], ["k": ["10.0.0.256"]]))
        #expect(!Self.holds("ArnLike", ["arn:aws:s3:::b"], ["k": ["not-an-arn"]]))
    }

    // MARK: Date

    @Test func dates() {
        #expect(Self.holds("DateGreaterThan", ["2020-01-01T00:00:01Z"], ["k": ["2020-06-01T12:00:00Z"]]))
        #expect(!Self.holds("DateGreaterThan", ["2020-01-01T00:00:01Z"], ["k": ["2019-12-31T23:59:59Z"]]))
        #expect(Self.holds("DateEquals", ["2020-01-01T00:00:00Z"], ["k": ["1577836800"]]), "epoch seconds")
        #expect(Self.holds("DateEquals", ["2020-01-01T01:00:00+01:00"], ["k": ["2020-01-01T00:00:00z"]]))
        #expect(Self.holds("DateEquals", ["2020-01-01"], ["k": ["2020-01-01T00:00:00Z"]]))
        #expect(Self.holds("DateEquals", ["2020"], ["k": ["2020"]]), "digits only are epoch seconds (I-D)")
        #expect(Self.holds("DateLessThan", ["2020-01-01T00:00:00.5Z"], ["k": ["2020-01-01T00:00:00.123456789Z"]]))
        #expect(Self.holds("DateLessThan", ["2000-01-01T00:00:00Z"], ["k": ["-0044-03-15T00:00:00Z"]]))
        #expect(Self.holds("DateNotEquals", ["2020-01-01T00:00:00Z"], ["k": ["2020-01-01T00:00:01Z"]]))
        #expect(!Self.holds("DateEquals", ["2021-02-29"], ["k": ["2021-03-01"]]), "no 29 February in 2021")
    }

    // MARK: Bool, Binary

    @Test func bool() {
        #expect(Self.holds("Bool", ["false"], ["k": ["FALSE"]]))
        #expect(!Self.holds("Bool", ["false"], ["k": ["true"]]))
    }

    @Test("Bool substitutes variables (I-D)", .tags(.implementationDefined)) func boolVariables() {
        #expect(Self.holds("Bool", ["${v}"], ["k": ["true"], "v": ["true"]]))
    }

    @Test("BinaryEquals compares decoded bytes; request values are base64 (I-D)", .tags(.implementationDefined))
    func binary() {
        #expect(Self.holds("BinaryEquals", ["QmluYXJ5VmFsdWU="], ["k": ["QmluYXJ5VmFsdWU="]]))
        #expect(!Self.holds("BinaryEquals", ["QmluYXJ5VmFsdWU="], ["k": ["QmluYXJ5VmFsdWF="]]))
    }

    // MARK: IP

    @Test func ipAddresses() {
        #expect(Self.holds("IpAddress", ["203.0.113.0/24"], ["k": ["203.0.113.7"]]))
        #expect(!Self.holds("IpAddress", ["203.0.113.0/24"], ["k": ["203.0.114.7"]]))
        #expect(Self.holds("IpAddress", ["2001:DB8:1234:5678::/64"], ["k": ["2001:db8:1234:5678::1"]]))
        #expect(!Self.holds("IpAddress", ["2001:DB8:1234:5678::/64"], ["k": ["2001:db8:1234:5679::1"]]))
        #expect(Self.holds("IpAddress", ["203.0.113.7"], ["k": ["203.0.113.7"]]), "no prefix: /32")
        #expect(!Self.holds("IpAddress", ["0.0.0.0/0"], ["k": ["::1"]]), "family mismatch")
        #expect(Self.holds("IpAddress", ["::ffff:10.0.0.0/120"], ["k": ["::ffff:10.0.0.9"]]))
        #expect(Self.holds("NotIpAddress", ["10.0.0.0/8", "192.168.0.0/16"], ["k": ["172.16.0.1"]]))
        #expect(!Self.holds("NotIpAddress", ["10.0.0.0/8", "192.168.0.0/16"], ["k": ["192.168.3.4"]]))
    }

    @Test("an IPv6 address without a prefix is /128 (I-D)", .tags(.implementationDefined)) func ipv6Single() {
        #expect(Self.holds("IpAddress", ["2001:db8::1"], ["k": ["2001:DB8:0:0:0:0:0:1"]]))
        #expect(!Self.holds("IpAddress", ["2001:db8::1"], ["k": ["2001:db8::2"]]))
    }

    // MARK: ARN

    @Test func arnsMatchComponentWise() {
        let sourceArn = "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt"
        #expect(!Self.holds("ArnLike", ["arn:aws:someservice:*:111122223333:finance/*"], ["k": [sourceArn]]))
        #expect(Self.holds("StringLike", ["arn:aws:someservice:*:111122223333:finance/*"], ["k": [sourceArn]]))
        #expect(Self.holds("ArnEquals", ["arn:aws:ec2:*:*:instance/i-*"], ["k": ["arn:aws:ec2:us-east-1:1:instance/i-1"]]))
        #expect(Self.holds("ArnLike", ["arn:aws:logs:*:*:log-group:*"], ["k": ["arn:aws:logs:r:1:log-group:g:log-stream:s"]]))
        #expect(!Self.holds("ArnLike", ["arn:aws:s3:::b"], ["k": ["arn:aws:s3:::B"]]), "case-sensitive")
        #expect(!Self.holds("ArnLike", ["arn:aws:s3"], ["k": ["arn:aws:s3:::b"]]), "fewer than six components")
        #expect(Self.holds("ArnNotLike", ["arn:aws:iam::1:role/a", "arn:aws:iam::1:role/b"], ["k": ["arn:aws:iam::1:role/c"]]))
    }

    // MARK: Variables

    @Test func variablesInConditions() {
        #expect(Self.holds("StringEquals", ["${aws:PrincipalTag/Team}"], ["k": ["red"], "aws:principaltag/team": ["red"]]))
        #expect(!Self.holds("StringEquals", ["${aws:PrincipalTag/Team}"], ["k": ["red"]]), "absent variable: matches nothing")
        #expect(Self.holds("StringNotEquals", ["${aws:PrincipalTag/Team}"], ["k": ["red"]]), "absent variable: negated holds")
        #expect(Self.holds("StringEquals", ["${x, 'dflt'}"], ["k": ["dflt"]]))
        #expect(!Self.holds("StringLike", ["${x}"], ["k": ["abc"], "x": ["a*"]]), "substituted text is literal (I-D)")
        #expect(Self.holds("StringLike", ["${x}"], ["k": ["a*"], "x": ["a*"]]))
        #expect(Self.holds("StringLike", ["a${*}"], ["k": ["a*"]]))
        #expect(!Self.holds("StringLike", ["a${*}"], ["k": ["ab"]]))
        #expect(Self.holds("StringEquals", ["${aws:username}"], ["k": ["${aws:username}"], "aws:username": ["x"]], variables: false),
                "2008-10-17: literal text")
        #expect(!Self.holds("NumericEquals", ["${n}"], ["k": ["1"], "n": ["1"]]), "no variables in numeric values")
        #expect(!Self.holds("StringEquals", ["${x}"], ["k": ["a"], "x": ["a", "b"]]), "a multivalued key is not substituted")
        #expect(Self.holds("StringEquals", ["a$b${"], ["k": ["a$b${"]]), "a lone $ or an unclosed ${ is text")
    }

    @Test("each I-D rule that applies is noted for --explain", .tags(.implementationDefined))
    func implementationDefinedNotes() {
        #expect(Self.notes("StringEqualsIgnoreCase", ["a"], ["k": ["A"]]) == ["§3.4.3 I-D: StringEqualsIgnoreCase compares after the Unicode simple lower-case mapping"])
        #expect(Self.notes("IpAddress", ["::1"], ["k": ["::1"]]) == ["§3.4.3 I-D: the IPv6 address '::1' without a prefix is a /128"])
        #expect(Self.notes("DateEquals", ["0"], ["k": ["1970-01-01T00:00:00Z"]]) == ["§3.4.3 I-D: the date '0' of k is read as epoch seconds"])
        #expect(Self.notes("StringLike", ["${v}"], ["k": ["x"], "v": ["a*"]]) == ["§3.6 I-D: text substituted for a policy variable is literal (its * and ? are not wildcards)"])
        #expect(Self.notes("Bool", ["${v}"], ["k": ["true"], "v": ["true"]]) == ["§3.4.3 I-D: policy variables are substituted in Bool values"])
        #expect(Self.notes("ForAllValues:StringEquals", ["a"], ["k": [""]]) == ["§3.4.2 I-D: key k has only the empty string; set operators treat it as a null data set"])
        #expect(Self.notes("StringEquals", ["a"], ["k": []]) == ["§3.4.2 I-D: key k has an empty list of values; it counts as absent"])
        #expect(Self.notes("ForAnyValue:StringEqualsIfExists", ["a"], [:]) == ["§3.4.2 I-D: ForAnyValue…IfExists with an absent key does not hold"])
    }
}
