/// Resource and NotResource exclude each other.
struct ResourceNotresourceBoth: LintRule {
    let metadata = RuleMetadata(
        id: "resource-notresource-both", title: "Statement with both Resource and NotResource", severity: .error,
        category: .grammar,
        rationale: """
            A statement names its resources either with Resource or with NotResource (every resource \
            except these), never both: IAM rejects the combination. (Role trust policies have neither; \
            trust-resource reports a Resource there.)
            """,
        fix: "Keep one of the two; express exceptions with a separate Deny statement.",
        appliesTo: PolicyGrammar.typesWithResource,
        equivalents: [.aa("UNSUPPORTED_ELEMENT_COMBINATION"), .parliament("MALFORMED"), .validator("resource_conflict")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::*", "NotResource": "arn:aws:s3:::secret/*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "NotResource": ["arn:aws:s3:::data", "arn:aws:s3:::data/*"]}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        subject.view.forEachStatement { statement in
            ElementPair.report("Resource", "NotResource", in: statement, &report,
                               suggestion: "keep Resource and deny the exceptions in a separate statement")
        }
    }
}
