/// A Resource is `*` or an ARN; a bare bucket name or path is neither.
struct ArnPrefix: LintRule {
    let metadata = RuleMetadata(
        id: "arn-prefix", title: "Resource is not an ARN", severity: .error, category: .resources,
        rationale: """
            Resource and NotResource values must be "*" or Amazon Resource Names, which start with \
            "arn:". A bucket name, a path or a resource ID matches nothing (IAM rejects most of them \
            outright), so the statement does not do what it says.
            """,
        fix: "Write the full ARN, e.g. \"arn:aws:s3:::ml-datasets/*\" for the objects of a bucket.",
        appliesTo: PolicyType.all.subtracting([.trust]),
        equivalents: [.aa("INVALID_ARN_PREFIX"), .parliament("INVALID_ARN"), .validator("invalid_resource")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "ml-datasets/*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "ARN:aws:s3:::ml-datasets/*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "NotResource": ["*", "s3:::ml-datasets"]}]}"#, type: .scp),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["*", "arn:aws:s3:::ml-datasets/*"]}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        for (position, statement) in subject.view.statements.enumerated() {
            for resource in (statement.resources ?? []) + (statement.notResources ?? []) {
                let text = resource.value
                guard !Glob.isAllStars(text), !text.hasPrefix("arn:") else { continue }
                report.add("'\(text)' is neither \"*\" nor an ARN (arn:partition:service:region:account:resource): it matches no resource",
                           at: resource.location, statement: statement, suggestion: try suggestion(for: text, position, subject))
            }
        }
    }

    /// `arn:…` in lower case, or the S3 ARN a bucket name or path means when the statement's
    /// actions are all S3 actions.
    private func suggestion(for text: String, _ position: Int, _ subject: RuleSubject) throws -> String? {
        if text.lowercased().hasPrefix("arn:") { return "write 'arn:\(text.dropFirst(4))'" }
        let trimmed = text.trimmed
        if trimmed != text, trimmed.hasPrefix("arn:") || Glob.isAllStars(trimmed) { return "write '\(trimmed)' (without spaces)" }
        let entries = try StatementActions.of(subject)[position].actions
        let s3Only = !entries.isEmpty && entries.allSatisfy { entry in
            !entry.actions.isEmpty && entry.actions.allSatisfy { $0.service == "s3" }
        }
        if s3Only, !text.contains(":"), let first = text.first, first.isLetter || first.isNumber {
            return "write 'arn:aws:s3:::\(text)'"
        }
        return nil
    }
}
