/// `s3:*` allows every action of the service: deleting, changing permissions, and what AWS adds later.
struct ServiceWildcard: LintRule {
    /// Observability services whose `svc:*` the peers accept (iam-policy-validator's allow-list):
    /// reported at low severity rather than skipped, since `logs:*` can still delete log groups.
    static let lowRiskServices: Set<String> = ["logs", "cloudwatch", "xray"]

    let metadata = RuleMetadata(
        id: "service-wildcard", title: "Every action of a service (svc:*)", severity: .high, category: .actions,
        rationale: """
            "s3:*" allows every action of the service on the statement's resources: reading and writing, \
            but also deleting, changing bucket policies and ACLs, and every action AWS adds to the \
            service later. A role rarely needs more than a few of them. (logs:*, cloudwatch:* and xray:* \
            are reported at low severity: the peers accept them, but they still allow deletions.)
            """,
        fix: "List the actions the role needs (\"s3:GetObject\", \"s3:PutObject\"), or use an access-level selection in a rolegen template.",
        appliesTo: [.identity],
        equivalents: [.validator("service_wildcard"), .validator("overly_permissive"), .cloudsplaining("ServiceWildcard")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["SageMaker:*"], "Resource": "arn:aws:sagemaker:eu-west-1:111122223333:training-job/team-a-*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "logs:*", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "s3:ListBucket"], "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        for statement in subject.view.statements where statement.isAllow {
            for action in statement.actions ?? [] where action.value.hasSuffix(":*") {
                guard let (service, name) = ActionText.split(action.value), name == "*", !ActionText.hasWildcard(service) else { continue }
                let prefix = service.lowercased()
                guard let count = subject.catalog.actionCount(prefix) else { continue }  // unknown service: action-unknown
                let conditioned = !(statement.condition?.mappingEntries?.isEmpty ?? true)
                var message = "'\(action.value)' allows all \(count) actions of \(prefix)"
                let severity: Severity
                if Self.lowRiskServices.contains(prefix) {
                    severity = .low
                    message += ", including deletions, and those AWS adds later"
                } else if conditioned {
                    severity = .medium
                    message += ", including deletions and permission changes, and those AWS adds later (its condition may narrow this)"
                } else {
                    severity = .high
                    message += ", including deletions and permission changes, and those AWS adds later"
                }
                report.add(message, at: action.location, statement: statement,
                           suggestion: "list the \(prefix) actions the role needs", severity: severity)
            }
        }
    }
}
