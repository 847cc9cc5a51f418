import Testing
import RolegenTestSupport
@testable import RolegenCore

/// Focused tests of the size rules: how sizes are counted, the quotas per target, and the
/// severities where a quota may have been raised.
@Suite struct SizeRuleTests {
    static func input(_ text: String, type: PolicyType = .identity, sizeTarget: SizeTarget? = nil,
                      isAWSManaged: Bool = false) throws -> PolicyInput {
        guard case .policy(var input) = PolicyTextReader.json(Array(text.utf8), path: "p.json", type: type) else {
            throw SizeTestError.notJSON
        }
        input.sizeTarget = sizeTarget
        input.isAWSManaged = isAWSManaged
        return input
    }

    enum SizeTestError: Error { case notJSON }

    static func findings(_ rule: any LintRule, _ input: PolicyInput) throws -> [Finding] {
        let catalog = try #require(TestCatalog.bundled)
        return LintEngine(rules: [rule], context: LintContext(catalog: catalog)).lint(input)
    }

    @Test func compactSizeKeepsSpacesInsideStringsOnly() throws {
        let text = "{ \"Version\" : \"2012-10-17\",\n  \"Statement\" : [ { \"Sid\": \"a b\", \"Effect\": \"Allow\", \"Action\": [\"s3:Get\\u002A\"], \"Resource\": \"caf\\u00e9 \\\"q\\\"\", \"Condition\": {\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": 3600}} } ] }"
        let size = PolicySize.measure(try Self.input(text))
        let compact = #"{"Version":"2012-10-17","Statement":[{"Sid":"a b","Effect":"Allow","Action":["s3:Get*"],"Resource":"café \"q\"","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":3600}}}]}"#
        #expect(size.characters == compact.unicodeScalars.count)
        #expect(size.bytes == compact.utf8.count)
    }

    @Test func writtenSizeIsExactOnOneLineAndABoundOtherwise() throws {
        let oneLine = #"{"Version": "2012-10-17",  "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}"#
        #expect(PolicySize.measure(try Self.input(oneLine), written: true).writtenAtLeast == oneLine.count)
        let pretty = """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": [
                            "s3:GetObject",
                            "s3:ListBucket"
                        ],
                        "Resource": "*"
                    }
                ]
            }
            """
        let size = PolicySize.measure(try Self.input(pretty), written: true)
        let written = try #require(size.writtenAtLeast)
        #expect(written <= pretty.count)
        #expect(written > size.characters + 50)
        // YAML has no written JSON size.
        let sink = DiagnosticSink()
        let yaml = try #require(YAMLReader.parse("Version: '2012-10-17'\nStatement: []\n", path: "p.yaml", into: sink))
        let yamlInput = PolicyTextReader.input(yaml, path: "p.yaml", type: .scp, name: nil)
        #expect(PolicySize.measure(yamlInput, written: true).writtenAtLeast == nil)
        #expect(PolicySize.measure(yamlInput).characters == #"{"Version":"2012-10-17","Statement":[]}"#.count)
    }

    @Test func scpIsHeldToItsSizeAsWritten() throws {
        // About 9,000 characters compact; indented by 40 spaces per line, well over 10,240 as written.
        let compact = SizeExamples.policy(about: 9_000)
        let pretty = compact.replacingOccurrences("\", \"", "\",\n" + String(repeating: " ", count: 40) + "\"")
        let findings = try Self.findings(SizeScp(), try Self.input(pretty, type: .scp))
        #expect(findings.map(\.severity) == [.medium])
        #expect(findings.first?.message.hasPrefix("as written the SCP is at least") == true)
        #expect(try Self.findings(SizeScp(), try Self.input(compact, type: .scp)).isEmpty)
        // Found inside another document (a template, get-policy-version output), it is serialised again when deployed.
        guard case .success(let wrapper) = JSONReader.parse("{\"Content\": " + pretty + "}", path: "t.json"),
              let content = wrapper.lastEntry("Content")?.value else { throw SizeTestError.notJSON }
        let embedded = PolicyTextReader.input(content, path: "t.json", type: .scp, name: nil)
        #expect(PolicySize.measure(embedded, written: true).writtenAtLeast == nil)
        #expect(try Self.findings(SizeRcp(), try Self.input(compact, type: .rcp)).map(\.severity) == [.error])
    }

    @Test func identityTargetsAndAWSManagedPolicies() throws {
        let big = SizeExamples.policy(about: 7_000)
        #expect(try Self.findings(SizeManaged(), try Self.input(big)).isEmpty)
        #expect(try Self.findings(SizeTargetAmbiguous(), try Self.input(big)).count == 1)
        #expect(try Self.findings(SizeManaged(), try Self.input(big, sizeTarget: .managed)).map(\.severity) == [.error])
        #expect(try Self.findings(SizeManaged(), try Self.input(big, isAWSManaged: true)).map(\.severity) == [.info])
        #expect(try Self.findings(SizeTargetAmbiguous(), try Self.input(big, isAWSManaged: true)).isEmpty)
        #expect(try Self.findings(SizeInlineRole(), try Self.input(big, sizeTarget: .inlineRole)).isEmpty)
        #expect(try Self.findings(SizeInlineGroup(), try Self.input(big, sizeTarget: .inlineGroup)).count == 1)
        let message = try Self.findings(SizeManaged(), try Self.input(big, sizeTarget: .managed)).first?.message ?? ""
        #expect(message.hasSuffix("characters without white space; IAM accepts at most 6,144 in a managed policy"))
    }

    @Test func trustQuotaMayHaveBeenRaised() throws {
        func severities(_ characters: Int) throws -> [Severity] {
            try Self.findings(SizeTrust(), try Self.input(SizeExamples.policy(about: characters, trust: true), type: .trust)).map(\.severity)
        }
        #expect(try severities(1_500) == [])
        #expect(try severities(3_000) == [.medium])
        #expect(try severities(5_000) == [.high])
        #expect(try severities(9_000) == [.error])
    }

    @Test func entityQuotas() throws {
        let catalog = try #require(TestCatalog.bundled)
        let engine = LintEngine(rules: [SizeAggregateInline(), AttachmentCount()], context: LintContext(catalog: catalog))
        func inline(_ characters: Int, kind: PolicyInput.Entity.Kind, attached: Int? = nil) throws -> PolicyInput {
            var input = try Self.input(SizeExamples.policy(about: characters),
                                       sizeTarget: kind == .user ? .inlineUser : kind == .group ? .inlineGroup : .inlineRole)
            input.entity = .init(kind: kind, name: "e", attachedManagedPolicies: attached)
            return input
        }
        // One policy over the quota on its own is size-inline-<kind>'s finding, not the aggregate's.
        #expect(engine.lintEntities([try inline(2_500, kind: .user)]).isEmpty)
        let group = engine.lintEntities([try inline(3_000, kind: .group), try inline(3_000, kind: .group)])
        #expect(group.map(\.rule) == ["size-aggregate-inline"])
        #expect(group.first?.message.contains("inline policies of group 'e'") == true)
        #expect(engine.lintEntities([try inline(100, kind: .role, attached: 15)]).map(\.severity) == [.medium])
        #expect(engine.lintEntities([try inline(100, kind: .role, attached: 21)]).map(\.severity) == [.error])
        #expect(engine.lintEntities([try inline(100, kind: .group, attached: 11)]).map(\.severity) == [.error])
        #expect(engine.lintEntities([try inline(100, kind: .user, attached: 10)]).isEmpty)
    }
}
