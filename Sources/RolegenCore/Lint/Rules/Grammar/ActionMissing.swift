/// Every statement names actions, with Action or NotAction.
struct ActionMissing: LintRule {
    let metadata = RuleMetadata(
        id: "action-missing", title: "Statement without Action or NotAction", severity: .error, category: .grammar,
        rationale: """
            Every statement needs Action or NotAction: IAM rejects a statement that names no actions. \
            A misspelt element ("Actions", "action") is the usual cause; unknown-statement-element \
            reports it too.
            """,
        fix: "Add \"Action\": [...] with the actions the statement is about.",
        equivalents: [.aa("MISSING_ACTION"), .parliament("MALFORMED"), .validator("missing_action")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}}]}"#, type: .trust),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        subject.view.forEachStatement { statement in
            guard statement.actions == nil && statement.notActions == nil else { return }
            let misspelt = (statement.node.mappingEntries ?? []).lazy.compactMap(\.key.scalarText).compactMap { name in
                Suggestions.closest(to: name, in: ["Action", "NotAction"]).first.map { (name, $0) }
            }.first
            report.add("\(statement.described) has neither Action nor NotAction; IAM rejects it", at: statement.node.location,
                       statement: copy statement,
                       suggestion: misspelt.map { "'\($0.0)' should probably be '\($0.1)'" } ?? "add \"Action\": [...]")
        }
    }
}
