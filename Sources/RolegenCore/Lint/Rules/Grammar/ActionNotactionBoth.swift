/// Action and NotAction exclude each other.
struct ActionNotactionBoth: LintRule {
    let metadata = RuleMetadata(
        id: "action-notaction-both", title: "Statement with both Action and NotAction", severity: .error, category: .grammar,
        rationale: """
            A statement names its actions either with Action or with NotAction (every action except \
            these), never both: IAM rejects the combination. It is usually an attempt to write \
            "these actions except those", which takes two statements or a Deny.
            """,
        fix: "Keep one of the two; express exceptions with a separate Deny statement.",
        equivalents: [.aa("UNSUPPORTED_ELEMENT_COMBINATION"), .parliament("MALFORMED"), .validator("action_conflict")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "NotAction": "s3:DeleteBucket", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        subject.view.forEachStatement { statement in
            ElementPair.report("Action", "NotAction", in: statement, &report,
                               suggestion: "keep Action and deny the exceptions in a separate statement")
        }
    }
}

/// The mutually exclusive pairs of statement elements.
enum ElementPair {
    /// Reports a statement that has both elements, at the one written second.
    static func report(_ first: String, _ second: String, in statement: StatementView, _ report: inout RuleReport, suggestion: String) {
        // The views say cheaply whether both are present; only then are the entries looked up.
        let both = switch first {
        case "Action": statement.actions != nil && statement.notActions != nil
        case "Resource": statement.resources != nil && statement.notResources != nil
        default: statement.principal != nil && statement.notPrincipal != nil
        }
        guard both, let one = statement.node.lastEntry(first), let other = statement.node.lastEntry(second) else { return }
        let later = one.key.location < other.key.location ? other : one
        report.add("\(statement.described) has both \(first) and \(second); IAM accepts only one of them", at: later.key.location,
                   statement: statement, suggestion: suggestion)
    }
}
