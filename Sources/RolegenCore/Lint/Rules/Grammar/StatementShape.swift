/// Statement is one statement object or a non-empty array of them.
struct StatementShape: LintRule {
    let metadata = RuleMetadata(
        id: "statement-shape", title: "Statement is not an object or an array of objects", severity: .error,
        category: .grammar,
        rationale: """
            The Statement element holds one statement (an object) or an array of statements. A string, \
            a number, an empty array, or an array item that is not an object is rejected by IAM, and \
            the statements it was meant to hold are not checked by anything else.
            """,
        fix: "Write \"Statement\": [{\"Effect\": ..., \"Action\": ..., \"Resource\": ...}].",
        equivalents: [.validator("invalid_statement_type"), .validator("empty_statement")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": "Allow s3:GetObject"}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": []}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [[{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        guard let element = subject.view.statementElement else { return }
        switch element.content {
        case .mapping:
            return
        case .sequence(let items):
            if items.isEmpty {
                report.add("the Statement array is empty; IAM rejects a policy without statements", at: element.location,
                           suggestion: "add a statement, or delete the policy")
            }
            for (index, item) in items.enumerated() where item.mappingEntries == nil {
                report.add("statement \(index + 1) is \(item.describedValue), not an object; IAM rejects the policy",
                           at: item.location, suggestion: item.sequenceItems != nil ? "remove the extra brackets around the statements" : nil)
            }
        case .scalar:
            report.add("the Statement element must be an object or an array of objects, found \(element.describedValue)", at: element.location)
        }
    }
}
