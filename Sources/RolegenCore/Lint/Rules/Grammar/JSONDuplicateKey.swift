/// JSON readers disagree about a key written twice: most keep the last value, some the first,
/// and IAM's grammar forbids it. What a reviewer reads may not be what AWS evaluates.
struct JSONDuplicateKey: LintRule {
    let metadata = RuleMetadata(
        id: "json-duplicate-key", title: "A key is written twice in one object", severity: .error, category: .grammar,
        rationale: """
            The policy grammar says an object must not contain the same key twice. Where a policy is \
            accepted anyway, only one of the two values counts (most readers keep the last), so a \
            reviewer who reads the first "Resource" or "Condition" approves something else than what \
            is evaluated. Python-based linters keep the last value silently; none of the peers reports it.
            """,
        fix: "Merge the two entries into one (a list of values, or one Condition operator with all its keys).",
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::a/*", "Resource": "*"}]}"#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*",
                 "Condition": {"StringNotEquals": {"aws:PrincipalAccount": "111122223333"},
                               "StringNotEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}}]}
                """#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"]}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        visit(subject.view.root, &report)
    }

    private func visit(_ node: borrowing SourceNode, _ report: inout RuleReport) {
        switch node.content {
        case .scalar:
            return
        case .sequence(let items):
            for index in items.indices { visit(items[index], &report) }
        case .mapping(let entries):
            if entries.count > 1 {
                // Objects are small: a linear look back is cheaper than a set, except for big ones.
                var seen: Set<String> = []
                let useSet = entries.count > 16
                for index in entries.indices {
                    guard let key = entries[index].key.scalarText else { continue }
                    let repeated = useSet ? !seen.insert(key).inserted : entries[..<index].contains { $0.key.scalarText == key }
                    guard repeated else { continue }
                    report.add("'\(key)' is written twice in this object; IAM's grammar forbids it, and only one of the values would count",
                               at: entries[index].key.location, suggestion: "merge the '\(key)' entries into one")
                }
            }
            for index in entries.indices { visit(entries[index].value, &report) }
        }
    }
}
