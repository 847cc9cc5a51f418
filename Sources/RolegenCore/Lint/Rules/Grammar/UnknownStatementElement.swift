/// A statement has nine possible elements; anything else is rejected.
struct UnknownStatementElement: LintRule {
    let metadata = RuleMetadata(
        id: "unknown-statement-element", title: "Unknown statement element", severity: .error, category: .grammar,
        rationale: """
            A statement holds Sid, Effect, Principal or NotPrincipal, Action or NotAction, Resource or \
            NotResource, and Condition; names are case-sensitive. IAM rejects any other element. A \
            misspelt "Conditions" or "resource" is the typical case: the policy reads as restricted and \
            would not be, were it accepted.
            """,
        fix: "Spell the element as the grammar does; move comments to the Sid or to the file around the policy.",
        equivalents: [.aa("INVALID_POLICY_ELEMENT"), .parliament("MALFORMED"), .validator("unknown_field")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Conditions": {"Bool": {"aws:SecureTransport": "true"}}}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        subject.view.forEachStatement { statement in
            guard let entries = statement.node.mappingEntries else { return }
            for index in entries.indices {
                guard let name = entries[index].key.scalarText, !PolicyGrammar.statementElements.contains(name) else { continue }
                let near = Suggestions.closest(to: name, in: PolicyGrammar.statementElements).first
                report.add("'\(name)' is not a statement element; IAM rejects the policy", at: entries[index].key.location,
                           statement: copy statement, suggestion: near.map { "did you mean '\($0)'?" } ?? "remove it")
            }
        }
    }
}
