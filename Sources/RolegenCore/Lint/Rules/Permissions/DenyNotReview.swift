/// Deny with NotAction or NotResource denies by exclusion: easy to get backwards.
struct DenyNotReview: LintRule {
    let metadata = RuleMetadata(
        id: "deny-not-review", title: "Deny with NotAction or NotResource", severity: .low, category: .permissions,
        rationale: """
            A Deny with NotAction denies every action except the ones listed, and one with NotResource every \
            resource except the ones listed, actions and resources AWS adds later included. That is \
            usually meant (lock everything but a few calls), but a missing entry locks out a call the \
            principal needs, and a NotAction or NotResource of "*" makes the Deny deny nothing at all.
            """,
        fix: """
            Check that the list holds every action (or resource) that must stay allowed; a Deny whose \
            NotAction or NotResource is "*" protects nothing and should name what it means to deny.
            """,
        equivalents: [.validator("not_action_deny_review"), .validator("not_resource_deny_review"),
                      .validator("not_resource_deny_ineffective")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": ["iam:Get*", "iam:List*"], "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:DeleteBucket", "NotResource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data/*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements where statement.isDeny {
            for (element, values) in [("NotAction", statement.notActions), ("NotResource", statement.notResources)] {
                guard let values, let location = statement.element(element)?.location else { continue }
                if values.contains(where: { $0.value == "*" }) {
                    report.add("the Deny of \(statement.label) has \(element) \"*\": it excludes everything, so it denies nothing",
                               at: location, statement: statement,
                               suggestion: "name what the statement should deny in \(element == "NotAction" ? "Action" : "Resource")",
                               severity: .medium)
                } else {
                    let what = element == "NotAction" ? "every action" : "every resource"
                    report.add("the Deny of \(statement.label) covers \(what) except \(ActionList.describe(values.map(\.value), limit: 3)), "
                               + "including ones AWS adds later: check that nothing the principal needs is missing from \(element)",
                               at: location, statement: statement)
                }
            }
        }
    }
}
