import Testing
@testable import RolegenCore

/// A persona's `expect:` list (docs/formats.md): the accepted shapes and every malformed one,
/// each reported at its line and column with its message.
@Suite struct ExpectationParsingTests {
    static let header = """
        persona: p
        principal: {kind: service, services: [sagemaker.amazonaws.com]}
        capabilities: [{use: t}]

        """

    /// Parses a persona whose `expect:` is `body`; returns the expectations and the diagnostics.
    static func parse(_ body: String) -> ([PolicyExpectation], [String]) {
        let sink = DiagnosticSink()
        guard let root = YAMLReader.parse(header + body, path: "p.yaml", into: sink) else { return ([], sink.diagnostics.map(\.description)) }
        let document = PersonaParser(sink: sink).parse(root, path: "p.yaml")
        return (document?.expectations ?? [], sink.diagnostics.map(\.description))
    }

    @Test func readsAllowAndDenyEntries() throws {
        let (expectations, errors) = Self.parse("""
            expect:
              - name: reads
                allow:
                  action: s3:GetObject
                  resource: arn:aws:s3:::b/k
                  context:
                    aws:SourceIp: 10.0.0.1
                    aws:TagKeys: [a, b]
                    s3:prefix: ''
                    aws:PrincipalTag/x: []
              - deny: {action: iam:PassRole, resource: '${role}'}
            """)
        #expect(errors.isEmpty)
        try #require(expectations.count == 2)
        #expect(expectations[0].name?.value == "reads" && expectations[0].expected == .allow)
        #expect(expectations[0].location.description == "p.yaml:5:5")
        let request = expectations[0].request.request()
        #expect(request.action == "s3:GetObject" && request.resource == .arn("arn:aws:s3:::b/k"))
        #expect(request.context == ["aws:sourceip": ["10.0.0.1"], "aws:tagkeys": ["a", "b"], "s3:prefix": [""], "aws:principaltag/x": []])
        #expect(expectations[1].expected == .deny && expectations[1].name == nil)
    }

    @Test(arguments: [
        ("expect: yes", "p.yaml:4:9: error: expected a list for 'expect', found the value 'yes'"),
        ("expect: [oops]", "p.yaml:4:10: error: expected an expectation to be a mapping of keys to values, found the value 'oops'"),
        ("expect:\n  - alow: {action: s3:GetObject, resource: '*'}",
         "p.yaml:5:5: error: unknown key 'alow' in an expectation; did you mean 'allow'?\n    note: allowed keys: name, allow, deny"),
        ("expect:\n  - {allow: {action: s3:GetObject, resource: '*'}, deny: {action: s3:GetObject, resource: '*'}}",
         "p.yaml:5:52: error: an expectation has both 'allow' and 'deny'; give one"),
        ("expect:\n  - name: x",
         "p.yaml:5:5: error: an expectation needs 'allow:' or 'deny:' with the request {action, resource, context}"),
        ("expect:\n  - {name: x, allow: {action: s3:GetObject, resource: '*'}}\n  - {name: x, allow: {action: s3:GetObject, resource: '*'}}",
         "p.yaml:6:12: error: expectation name 'x' is used twice\n    p.yaml:5:12: note: first used here"),
        ("expect:\n  - allow: {resource: '*'}",
         "p.yaml:5:12: error: the request of 'allow' is missing the required key 'action' (such as s3:GetObject)"),
        ("expect:\n  - deny: {action: s3:GetObject}",
         "p.yaml:5:11: error: the request of 'deny' is missing the required key 'resource' (an ARN, or * for actions without resources)"),
        ("expect:\n  - allow: {action: s3GetObject, resource: '*'}",
         "p.yaml:5:21: error: action 's3GetObject' must be service:Action, such as s3:GetObject"),
        ("expect:\n  - allow: {action: s3:GetObject, resource: my-bucket}",
         "p.yaml:5:45: error: resource 'my-bucket' must be an ARN (arn:partition:service:...) or * for actions without resource-level permissions"),
        ("expect:\n  - allow: {action: s3:GetObject, resource: '*', contexts: {}}",
         "p.yaml:5:50: error: unknown key 'contexts' in the request of 'allow'; did you mean 'context'?\n    note: allowed keys: action, resource, context"),
        ("expect:\n  - allow: {action: s3:GetObject, resource: '*', context: {k: }}",
         "p.yaml:5:63: error: context key 'k' has no value; write '' for an empty string, [] for an empty list, or leave the key out for an absent key"),
        ("expect:\n  - allow: {action: s3:GetObject, resource: '*', context: {k: {a: b}}}",
         "p.yaml:5:63: error: expected a list of strings for context key 'k', found a mapping"),
        ("expect:\n  - allow: {action: s3:GetObject, resource: '*', context: [a]}",
         "p.yaml:5:59: error: expected a mapping for 'context', found a list"),
        ("expect:\n  - allow: s3:GetObject",
         "p.yaml:5:12: error: expected the request of 'allow' to be a mapping of keys to values, found the value 's3:GetObject'"),
    ] as [(String, String)])
    func reportsMalformedEntries(body: String, message: String) {
        let (_, errors) = Self.parse(body)
        #expect(errors == [message])
    }

    @Test func referencesResolveFromThePersonasValues() throws {
        let (expectations, _) = Self.parse("""
            expect:
              - allow:
                  action: s3:GetObject
                  resource: arn:${partition}:s3:::${buckets}/k
                  context:
                    aws:TagKeys: ${buckets}
                    s3:prefix: ${one}
            """)
        let spec = try #require(expectations.first?.request)
        let location = SourceLocation(path: "v.yaml", line: 1, column: 1)
        let scope: [String: BoundValue] = [
            "partition": .scalar(BoundScalar("aws", origin: location)),
            "buckets": .list([BoundScalar("a", origin: location), BoundScalar("b", origin: location)], origin: location),
            "one": .scalar(BoundScalar("x", origin: location)),
        ]
        let sink = DiagnosticSink()
        let requests = try #require(PolicyTestRunner.requests(spec, scope: scope, account: "111122223333", region: "eu-west-1", sink: sink))
        #expect(requests.map(\.resource.description) == ["arn:aws:s3:::a/k", "arn:aws:s3:::b/k"])
        #expect(requests[0].context["aws:tagkeys"] == ["a", "b"] && requests[0].context["s3:prefix"] == ["x"])
        // Keys every request carries, filled in from the persona (I-D).
        #expect(requests[0].context["aws:principalaccount"] == ["111122223333"])
        #expect(requests[0].context["aws:resourceaccount"] == ["111122223333"])
        #expect(requests[0].context["s3:resourceaccount"] == ["111122223333"])
        #expect(requests[0].context["aws:requestedregion"] == ["eu-west-1"])
        #expect(requests[0].principalKind == .roleSession)
    }

    @Test func filledInKeysFollowTheResourceAndGiveWay() throws {
        let (expectations, _) = Self.parse("""
            expect:
              - allow:
                  action: sagemaker:DescribeDomain
                  resource: arn:aws:sagemaker:us-west-2:999999999999:domain/d
                  context: {aws:RequestedRegion: [], aws:PrincipalAccount: '222233334444'}
            """)
        let spec = try #require(expectations.first?.request)
        let requests = try #require(PolicyTestRunner.requests(spec, scope: [:], account: "111122223333", region: "eu-west-1", sink: DiagnosticSink()))
        #expect(requests[0].context == ["aws:resourceaccount": ["999999999999"], "aws:principalaccount": ["222233334444"],
                                        "aws:requestedregion": []])
    }

    @Test(arguments: [
        ("resource: arn:aws:s3:::${bucket}/k", "p.yaml:7:30: error: unknown value '${bucket}' (expectations may refer to the persona's values and to account, region, partition); did you mean 'buckets'?"),
        ("resource: '*'\n      context: {k: 'x-${buckets}'}",
         "p.yaml:8:22: error: '${buckets}' is a list; a context value may be exactly '${buckets}' to give every item, or write the value itself"),
        ("resource: arn:aws:s3:::${a b}/k", "p.yaml:7:30: error: '${a b}' is neither a rolegen reference (${name}, letters, digits and '_') nor an IAM policy variable (${service:key})"),
    ] as [(String, String)])
    func reportsBadReferences(line: String, message: String) throws {
        let (expectations, errors) = Self.parse("expect:\n  - allow:\n      action: s3:GetObject\n      " + line)
        #expect(errors.isEmpty, "\(errors)")
        let spec = try #require(expectations.first?.request)
        let location = SourceLocation(path: "v.yaml", line: 1, column: 1)
        let scope: [String: BoundValue] = ["buckets": .list([BoundScalar("a", origin: location), BoundScalar("b", origin: location)], origin: location)]
        let sink = DiagnosticSink()
        #expect(PolicyTestRunner.requests(spec, scope: scope, account: "1", region: "r", sink: sink) == nil)
        #expect(sink.diagnostics.map(\.description) == [message])
    }
}
