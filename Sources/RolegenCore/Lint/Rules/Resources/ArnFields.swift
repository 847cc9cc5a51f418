/// An ARN has six colon-separated fields; without them it matches nothing.
struct ArnFields: LintRule {
    let metadata = RuleMetadata(
        id: "arn-fields", title: "ARN with missing fields", severity: .error, category: .resources,
        rationale: """
            An ARN is arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE, six fields even where some are empty \
            ("arn:aws:s3:::bucket"). With fewer colons, or without a service or resource, IAM rejects \
            the policy or the ARN matches no resource.
            """,
        fix: "Write all six fields, leaving Region or account empty where the service has none: \"arn:aws:iam::111122223333:role/ml-exec\".",
        appliesTo: PolicyType.all.subtracting([.trust]),
        equivalents: [.aa("MISSING_ARN_FIELD"), .parliament("INVALID_ARN"), .validator("invalid_resource")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam:111122223333:role/ml-exec"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetRole", "Resource": ["arn:aws:iam::111122223333:role/ml-exec", "arn:*"]}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for resource in (statement.resources ?? []) + (statement.notResources ?? []) {
                let text = resource.value
                guard text.hasPrefix("arn:") else { continue }
                // `arn:*` names every ARN: a wildcard that reaches across the fields is not missing them.
                if Glob.isAllStars(String(text.dropFirst(4))) { continue }
                let message: String
                if let arn = ARNParts(text) {
                    if arn.service.isEmpty {
                        message = "'\(text)' has no service field"
                    } else if arn.resource.isEmpty {
                        message = "'\(text)' has no resource after the fifth ':'"
                    } else {
                        continue
                    }
                } else {
                    let count = text.split(separator: ":", omittingEmptySubsequences: false).count
                    message = "'\(text)' has \(count) of the 6 fields arn:partition:service:region:account:resource"
                    if text.hasSuffix("*") {
                        // IAM lets a trailing '*' reach across colons: the ARN matches, but not what it seems to say.
                        report.add(message + ": its last '*' reaches across the missing fields, so it matches every ARN that starts "
                                   + "that way (Access Analyzer reports it as an error)", at: resource.location, statement: statement,
                                   suggestion: "write all six fields, e.g. 'arn:aws:s3:::*'", severity: .medium)
                        continue
                    }
                }
                report.add(message + ": it matches no resource", at: resource.location, statement: statement,
                           suggestion: Self.repaired(text).map { "write '\($0)'" }
                               ?? "leave a field empty rather than out: 'arn:aws:s3:::bucket', 'arn:aws:iam::111122223333:role/name'")
            }
        }
    }

    /// `arn:aws:iam:111122223333:role/x` with the empty Region put back.
    static func repaired(_ text: String) -> String? {
        let fields = text.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
        guard fields.count == 5, fields[3].count == 12, fields[3].allSatisfy(\.isNumber), !fields[4].isEmpty else { return nil }
        return "arn:\(fields[1]):\(fields[2])::\(fields[3]):\(fields[4])"
    }
}
