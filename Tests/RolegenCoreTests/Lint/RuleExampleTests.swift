import Testing
import RolegenTestSupport
@testable import RolegenCore

/// Every rule is tested through its own examples: each triggering example must make it report,
/// each passing one must not. The examples are also what `rolegen explain` and docs/rules.md show.
@Suite struct RuleExampleTests {
    static var ids: [String] { RuleRegistry.all.map(\.metadata.id) }

    /// The findings `rule` reports on an example, through the same reading path as `rolegen lint`.
    static func findings(of rule: any LintRule, on example: RuleExample) throws -> [Finding] {
        let catalog = try #require(TestCatalog.bundled)
        var settings = LintSettings()
        if let yaml = example.settings {
            let sink = DiagnosticSink()
            let node = try #require(YAMLReader.parse(yaml, path: "settings.yaml", into: sink))
            settings = try #require(LintSettingsParser.parse(node, sink: sink)?.settings, "\(sink.diagnostics)")
        }
        let engine = LintEngine(rules: [rule], context: LintContext(catalog: catalog, settings: settings))
        var inputs: [PolicyInput] = []
        var findings: [Finding] = []
        for (index, text) in ([example.policy] + example.otherPolicies).enumerated() {
            switch PolicyTextReader.json(Array(text.utf8), path: "example-\(index + 1).json", type: example.type) {
            case .unreadable(let finding):
                findings.append(finding)
            case .policy(var input):
                input.entity = example.entity
                input.sizeTarget = example.sizeTarget
                inputs.append(input)
                findings += engine.lint(input)
            }
        }
        findings += engine.lintEntities(inputs)
        return findings.filter { $0.rule == rule.metadata.id || $0.rule == CheckError.id }
    }

    @Test(arguments: ids)
    func examplesBehaveAsDocumented(id: String) throws {
        let rule = try #require(RuleRegistry.all.first { $0.metadata.id == id })
        for (index, example) in rule.metadata.examples.enumerated() {
            let found = try Self.findings(of: rule, on: example)
            #expect(!found.contains { $0.rule == CheckError.id }, "\(id) example \(index + 1) threw: \(found)")
            if example.triggers {
                #expect(!found.isEmpty, "\(id): triggering example \(index + 1) reported nothing")
            } else {
                #expect(found.isEmpty, "\(id): passing example \(index + 1) reported \(found.map(\.message))")
            }
        }
    }

    @Test func everyRuleIsDocumentedAndExemplified() {
        var seen: Set<String> = []
        for rule in RuleRegistry.all {
            let metadata = rule.metadata
            #expect(seen.insert(metadata.id).inserted, "duplicate rule id \(metadata.id)")
            #expect(metadata.id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(metadata.id) is not kebab-case")
            let typeName = String(describing: type(of: rule))
            let expected = metadata.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            #expect(typeName.lowercased() == expected.lowercased(), "rule \(metadata.id) is implemented by \(typeName); name it \(expected)")
            #expect(!metadata.title.isEmpty && metadata.rationale.count > 40 && !metadata.fix.isEmpty, "\(metadata.id) needs a title, rationale and fix")
            #expect(!metadata.appliesTo.isEmpty)
            #expect(metadata.examples.contains { $0.triggers }, "\(metadata.id) has no triggering example")
            #expect(metadata.examples.contains { !$0.triggers }, "\(metadata.id) has no passing example")
            for example in metadata.examples {
                #expect(metadata.appliesTo.contains(example.type), "\(metadata.id) has an example of a type it does not apply to")
            }
        }
    }
}
