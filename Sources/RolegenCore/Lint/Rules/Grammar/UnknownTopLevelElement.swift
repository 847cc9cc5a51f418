/// A policy has three top-level elements; anything else is rejected.
struct UnknownTopLevelElement: LintRule {
    let metadata = RuleMetadata(
        id: "unknown-top-level-element", title: "Unknown top-level element", severity: .error, category: .grammar,
        rationale: """
            A policy document holds Version, Id and Statement, nothing else, and element names are \
            case-sensitive. IAM rejects any other element, and a misspelt one ("statement", \
            "Statements") usually means the statements were not read at all.
            """,
        fix: "Use Version, Id and Statement, spelt exactly so.",
        equivalents: [.aa("INVALID_POLICY_ELEMENT"), .parliament("MALFORMED"), .validator("unknown_policy_field")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statements": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Description": "read-only", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Id": "bucket-policy", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#, type: .resource),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for entry in subject.view.root.mappingEntries ?? [] {
            guard let name = entry.key.scalarText, !PolicyGrammar.topLevelElements.contains(name) else { continue }
            let near = Suggestions.closest(to: name, in: PolicyGrammar.topLevelElements).first
            report.add("'\(name)' is not an element of a policy document; IAM rejects it (the elements are Version, Id and Statement)",
                       at: entry.key.location, suggestion: near.map { "did you mean '\($0)'?" } ?? "remove it")
        }
    }
}
