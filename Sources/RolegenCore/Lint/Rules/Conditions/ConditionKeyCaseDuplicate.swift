/// IAM compares key names without case: the same key twice in one operator block is ambiguous.
struct ConditionKeyCaseDuplicate: LintRule {
    let metadata = RuleMetadata(
        id: "condition-key-case-duplicate", title: "Condition key repeated with different case", severity: .error,
        category: .conditions,
        rationale: """
            Condition key names are not case-sensitive, so aws:SourceIp and aws:sourceip in the same \
            operator block are the same key written twice. Access Analyzer reports it as an error; at \
            best one of the two value lists is ignored. (The same key with the same spelling twice is \
            the json-duplicate-key rule's finding.)
            """,
        fix: "Write the key once, with all its values in one list.",
        equivalents: [.aa("DUPLICATE_KEYS_WITH_DIFFERENT_CASE")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d", "aws:sourcevpce": "vpce-5e6f7a8b"}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"StringEquals": {"aws:SourceVpce": ["vpce-1a2b3c4d", "vpce-5e6f7a8b"]},
                               "Null": {"aws:sourcevpce": "false"}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for block in statement.condition?.mappingEntries ?? [] {
                var seen: [String: String] = [:]
                for entry in block.value.mappingEntries ?? [] {
                    guard let key = entry.key.scalarText else { continue }
                    let lowered = key.lowercased()
                    if let first = seen[lowered] {
                        if first != key {
                            report.add("'\(key)' repeats '\(first)' in the same \(block.key.scalarText ?? "operator") block: "
                                       + "key names are compared without case", at: entry.key.location, statement: statement,
                                       suggestion: "merge the values into one '\(first)' entry")
                        }
                    } else {
                        seen[lowered] = key
                    }
                }
            }
        }
    }
}
