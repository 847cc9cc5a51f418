/// A policy without Statement grants and denies nothing, and IAM rejects it.
struct MissingStatement: LintRule {
    let metadata = RuleMetadata(
        id: "missing-statement", title: "The policy has no Statement", severity: .error, category: .grammar,
        rationale: """
            Every policy needs a Statement element: one statement object or an array of them. A \
            document without one is rejected; often it is the wrong file, or the policy is nested one \
            level too deep (a CloudFormation PolicyDocument or a get-policy-version answer).
            """,
        fix: "Add \"Statement\": [...] at the top level of the document.",
        equivalents: [.aa("MISSING_STATEMENT"), .parliament("MALFORMED"), .validator("missing_statement")],
        examples: [
            .triggering(#"{"Version": "2012-10-17"}"#),
            .triggering(#"{"PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        let root = subject.view.root
        guard let entries = root.mappingEntries, subject.view.statementElement == nil else { return }
        // A policy nested one level down is the usual cause; say where it is.
        let nested = entries.first { $0.value.lastEntry("Statement") != nil }
        report.add("the policy has no Statement element; IAM rejects it", at: root.location,
                   suggestion: nested.flatMap { $0.key.scalarText }.map { "the policy seems to be the value of '\($0)': lint that object" }
                       ?? "add \"Statement\": [...]")
    }
}
