/// An empty Sid names nothing.
struct SidEmpty: LintRule {
    let metadata = RuleMetadata(
        id: "sid-empty", title: "Empty Sid", severity: .info, category: .grammar,
        rationale: """
            "Sid": "" is accepted but names nothing: findings, baselines and suppressions fall back \
            to the statement's position, which changes when statements are added. Either name the \
            statement or leave the Sid out.
            """,
        fix: "Give the statement a name (ReadTrainingData), or remove the Sid.",
        equivalents: [.aa("EMPTY_SID_VALUE")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Sid": "", "Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        subject.view.forEachStatement { statement in
            guard let sid = statement.sid, sid.value.isEmpty, statement.element("Sid")?.jsonKind == .string else { return }
            report.add("the Sid is empty; it names nothing", at: sid.location, statement: copy statement,
                       suggestion: "name the statement, or remove \"Sid\"")
        }
    }
}
