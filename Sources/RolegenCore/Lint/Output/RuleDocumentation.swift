/// A rule's documentation, from its metadata: for `rolegen explain`, `rolegen rules --format
/// json` and docs/rules.md (which a test keeps equal to what this renders).
package enum RuleDocumentation {
    package static func text(_ rule: RuleMetadata) -> String {
        var out = "\(rule.id) — \(rule.title)\n"
        out += "severity: \(rule.severity.rawValue); category: \(rule.category.rawValue); applies to: \(types(rule))"
        out += rule.enabledByDefault ? "\n" : "; off unless .rolegen.yaml turns it on\n"
        out += "\n\(rule.rationale)\n\nFix: \(rule.fix)\n"
        if let example = rule.examples.first(where: \.triggers) { out += "\nReported:\n  \(example.policy.replacingOccurrences("\n", "\n  "))\n" }
        if let example = rule.examples.first(where: { !$0.triggers }) { out += "\nNot reported:\n  \(example.policy.replacingOccurrences("\n", "\n  "))\n" }
        if !rule.equivalents.isEmpty { out += "\nSame check elsewhere: \(equivalents(rule))\n" }
        return out
    }

    package static func json(_ rule: RuleMetadata) -> JSONValue {
        .object([
            ("id", .string(rule.id)), ("title", .string(rule.title)), ("severity", .string(rule.severity.rawValue)),
            ("category", .string(rule.category.rawValue)), ("applies_to", .array(rule.appliesTo.sorted().map { .string($0.rawValue) })),
            ("enabled_by_default", .bool(rule.enabledByDefault)), ("rationale", .string(rule.rationale)), ("fix", .string(rule.fix)),
            ("equivalents", .array(rule.equivalents.map { .object([("tool", .string($0.tool.rawValue)), ("code", .string($0.code))]) })),
        ])
    }

    /// docs/rules.md, generated: every rule by category, with its examples.
    package static func markdown(_ rules: [RuleMetadata]) -> String {
        var out = """
            # Lint rules

            Generated from the rules' own metadata by `rolegen rules --format markdown`; a test fails
            when this page and the code differ. `rolegen explain RULE` prints one entry; it also takes
            another tool's code (`rolegen explain PASS_ROLE_WITH_STAR_IN_RESOURCE`).

            Severities: `error` (AWS rejects the policy, or a statement can never apply), then
            `critical`, `high`, `medium`, `low`, `info`. Peers: AA = IAM Access Analyzer policy
            validation, P = parliament, V = iam-policy-validator, C = cloudsplaining.


            """
        out += "| rule | severity | applies to | title |\n|---|---|---|---|\n"
        for rule in rules {
            out += "| [`\(rule.id)`](#\(rule.id)) | \(rule.severity.rawValue) | \(types(rule)) | \(cell(rule.title)) |\n"
        }
        for category in RuleCategory.allCases {
            let members = rules.filter { $0.category == category }
            guard !members.isEmpty else { continue }
            out += "\n## \(category.rawValue)\n"
            for rule in members {
                out += "\n### \(rule.id)\n\n**\(rule.title)** — \(rule.severity.rawValue); applies to \(types(rule))"
                out += rule.enabledByDefault ? ".\n\n" : "; off unless `.rolegen.yaml` turns it on.\n\n"
                out += "\(rule.rationale)\n\nFix: \(rule.fix)\n"
                if !rule.equivalents.isEmpty { out += "\nSame check elsewhere: \(equivalents(rule)).\n" }
                for example in rule.examples {
                    out += "\n\(example.triggers ? "Reported" : "Not reported")"
                    out += example.type == .identity ? "" : " (\(example.type.title))"
                    if let settings = example.settings { out += ", with settings `\(settings.replacingOccurrences("\n", " "))`" }
                    out += ":\n\n```json\n\(example.policy)\n```\n"
                }
            }
        }
        return out
    }

    private static func types(_ rule: RuleMetadata) -> String {
        rule.appliesTo == PolicyType.all ? "all policies" : rule.appliesTo.sorted().map(\.rawValue).joined(separator: ", ")
    }

    private static func equivalents(_ rule: RuleMetadata) -> String {
        let short: [PeerCode.Tool: String] = [.accessAnalyzer: "AA", .parliament: "P", .iamPolicyValidator: "V",
                                              .cloudsplaining: "C", .policySentry: "S"]
        return rule.equivalents.map { "\(short[$0.tool] ?? $0.tool.rawValue) `\($0.code)`" }.joined(separator: ", ")
    }

    private static func cell(_ text: String) -> String { text.replacingOccurrences("|", "\\|") }
}
