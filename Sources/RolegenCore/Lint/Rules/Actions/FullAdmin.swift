/// `*` on `*` without a condition: whoever holds the policy administers the account.
struct FullAdmin: LintRule {
    let metadata = RuleMetadata(
        id: "full-admin", title: "Every action on every resource, without a condition", severity: .critical, category: .actions,
        rationale: """
            An Allow of "Action": "*" on "Resource": "*" (or on every resource but a few, with \
            NotResource) without a Condition is administrator access: the holder can read and delete \
            everything, create users and keys, and change every permission, its own included. A role for \
            one job never needs it.
            """,
        fix: "Replace the statement by the actions and resources the job needs; keep administrator access for break-glass roles.",
        appliesTo: [.identity],
        equivalents: [.validator("full_wildcard"), .validator("security_risk"), .cloudsplaining("ServiceWildcard"), .parliament("RESOURCE_STAR")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["*:*"], "Resource": ["arn:*:*:*:*:*"]}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "NotResource": "arn:aws:s3:::audit/*"}]}"#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*",
                 "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}}]}
                """#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements where isFullAdmin(statement) {
            guard let star = statement.actions?.first(where: { ActionText.isEverything($0.value) }) else { continue }
            let scope = statement.notResources.map { "every resource except \($0.map(\.value).quotedList())" } ?? "every resource"
            report.add("\(statement.label) allows every action on \(scope) without a condition: this is administrator access",
                       at: star.location, statement: statement,
                       suggestion: "list the actions and resources the role needs")
        }
    }

    private func isFullAdmin(_ statement: StatementView) -> Bool { Self.isFullAdmin(statement) }

    /// Allow, every action, every resource (or NotResource), no condition.
    static func isFullAdmin(_ statement: StatementView) -> Bool {
        guard statement.isAllow, statement.actions?.contains(where: { ActionText.isEverything($0.value) }) == true,
              statement.condition?.mappingEntries?.isEmpty ?? true else { return false }
        if let excluded = statement.notResources {
            return statement.resources == nil && !excluded.contains { ResourceFacts.namesEverything($0.value) }
        }
        return statement.resources?.contains { ResourceFacts.namesEverything($0.value) } == true
    }
}
