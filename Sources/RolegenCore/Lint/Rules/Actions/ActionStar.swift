/// `"Action": "*"` allows every action of every service, including the ones AWS has not launched yet.
struct ActionStar: LintRule {
    let metadata = RuleMetadata(
        id: "action-star", title: "Action \"*\" in an Allow statement", severity: .high, category: .actions,
        rationale: """
            "Action": "*" (or "*:*") allows every action of every service on the statement's resources: \
            administration, deletion, permission changes, and every action AWS adds later. Even on \
            named resources or under a condition it is rarely what a role needs. (Allowing "*" on "*" \
            without a condition is reported by full-admin instead.)
            """,
        fix: "List the actions the principal needs; `rolegen generate` derives them from what the role does.",
        appliesTo: [.identity, .resource],
        equivalents: [.validator("wildcard_action"), .validator("overly_permissive")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::ml-data/*"}]}"#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*",
                 "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}}]}
                """#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                 "Action": "*:*", "Resource": "arn:aws:s3:::ml-data/*"}]}
                """#, type: .resource),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-data/*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements where statement.isAllow {
            guard let star = statement.actions?.first(where: { ActionText.isEverything($0.value) }) else { continue }
            if subject.type == .identity && FullAdmin.isFullAdmin(statement) { continue }
            let reach = subject.type == .resource ? "every action on this resource to the principal" : "every action of every service"
            report.add("'\(star.value)' in \(statement.label) allows \(reach), including actions AWS adds later",
                       at: star.location, statement: statement, suggestion: "list the actions the principal needs")
        }
    }
}
