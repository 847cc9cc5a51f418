/// Every statement says whether it allows or denies.
struct EffectMissing: LintRule {
    let metadata = RuleMetadata(
        id: "effect-missing", title: "Statement without Effect", severity: .error, category: .grammar,
        rationale: """
            Effect is required in every statement: IAM rejects a statement that does not say whether it \
            allows or denies. Some tools crash on it (cloudsplaining) or stop reading the statement \
            (parliament), hiding its other problems.
            """,
        fix: "Add \"Effect\": \"Allow\" or \"Effect\": \"Deny\".",
        equivalents: [.aa("MISSING_EFFECT"), .parliament("MALFORMED"), .validator("missing_effect")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        subject.view.forEachStatement { statement in
            guard statement.effect == nil, statement.element("Effect") == nil else { return }
            report.add("\(statement.described) has no Effect; IAM rejects it", at: statement.node.location, statement: copy statement,
                       suggestion: "add \"Effect\": \"Allow\" or \"Effect\": \"Deny\"")
        }
    }
}
