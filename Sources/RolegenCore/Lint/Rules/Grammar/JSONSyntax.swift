/// Reported by the readers, before any rule runs: a document that is not strict JSON cannot be
/// checked further. The type exists for its documentation and examples.
struct JSONSyntax: LintRule {
    static let id = "json-syntax"
    let metadata = RuleMetadata(
        id: JSONSyntax.id, title: "Not strict JSON", severity: .error, category: .grammar,
        rationale: """
            IAM accepts strict JSON only: no trailing commas, no comments, double-quoted strings, \
            nothing after the document. Some linters accept what IAM rejects (parliament passes \
            trailing commas); rolegen reports the first problem at its line and column.
            """,
        fix: "Fix the document at the position given; most editors' JSON mode shows the same error.",
        equivalents: [.aa("JSON_SYNTAX_ERROR"), .parliament("MALFORMED_JSON"), .validator("policy_parse_error")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*",}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {}
}
