/// An empty list or object where IAM expects values: the statement does nothing, or less than it seems.
struct EmptyElement: LintRule {
    let metadata = RuleMetadata(
        id: "empty-element", title: "Empty Action, Resource, Principal or Condition", severity: .info, category: .grammar,
        rationale: """
            IAM accepts empty arrays and objects, but they change what a statement means: an empty \
            Action or Resource matches nothing, so the statement does nothing; an empty Principal names \
            no one; an empty NotAction or NotResource excludes nothing, so the statement may cover \
            everything; an empty Condition adds no condition. It is usually a template whose values \
            were never filled in.
            """,
        fix: "Fill in the values, or remove the element (or the statement).",
        equivalents: [.aa("EMPTY_ARRAY_ACTION"), .aa("EMPTY_ARRAY_RESOURCE"), .aa("EMPTY_ARRAY_PRINCIPAL"),
                      .aa("EMPTY_OBJECT_PRINCIPAL"), .aa("EMPTY_OBJECT_CONDITION")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [], "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {}}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": []}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#,
                        type: .resource),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["111122223333"]}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#,
                     type: .resource),
        ])

    private static let meanings = [
        "Action": "the statement applies to no action and does nothing",
        "Resource": "the statement applies to no resource and does nothing",
        "NotAction": "it excludes nothing, so the statement may apply to every action",
        "NotResource": "it excludes nothing, so the statement may apply to every resource",
        "Principal": "the statement names no principal and does nothing",
        "NotPrincipal": "it excludes no one, so the statement may apply to every principal",
    ]

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        subject.view.forEachStatement { statement in
            guard let entries = statement.node.mappingEntries else { return }
            for index in entries.indices {
                guard let name = entries[index].key.scalarText, let meaning = Self.meanings[name] else { continue }
                let node = entries[index].value
                if node.sequenceItems?.isEmpty == true || node.mappingEntries?.isEmpty == true {
                    report.add("the \(name) element is empty: \(meaning)", at: node.location, statement: copy statement,
                               suggestion: name.hasPrefix("Not") ? "list what \(name) should exclude" : "fill in the values, or remove the statement")
                } else if let principals = node.mappingEntries {
                    for entry in principals where entry.value.sequenceItems?.isEmpty == true {
                        report.add("the \(entry.key.scalarText.map { "'\($0)' " } ?? "")list of \(name) is empty: it names no principal",
                                   at: entry.value.location, statement: copy statement, suggestion: "fill in the principals, or remove the entry")
                    }
                }
            }
            guard let condition = statement.condition, let blocks = condition.mappingEntries else { return }
            if blocks.isEmpty {
                report.add("the Condition element is an empty object: it adds no condition", at: condition.location, statement: copy statement,
                           suggestion: "remove \"Condition\", or add the condition that was meant")
            }
            for block in blocks where block.value.mappingEntries?.isEmpty == true {
                report.add("the '\(block.key.scalarText ?? "")' block of the condition is empty: it adds no condition",
                           at: block.value.location, statement: copy statement, suggestion: "remove it, or add its condition keys")
            }
        }
    }
}
