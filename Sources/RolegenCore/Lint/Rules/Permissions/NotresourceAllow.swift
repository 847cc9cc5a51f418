/// Allow with NotResource grants the actions on every resource except the ones listed.
struct NotresourceAllow: LintRule {
    let metadata = RuleMetadata(
        id: "notresource-allow", title: "Allow with NotResource", severity: .high, category: .permissions,
        rationale: """
            "Effect": "Allow" with NotResource grants the actions on every resource of every account except \
            the few listed, and on every resource created later. With NotAction as well, the statement \
            grants nearly everything.
            """,
        fix: "List the resources to allow in Resource; keep NotResource for Deny statements.",
        appliesTo: [.identity, .resource],
        equivalents: [.parliament("NOTRESOURCE_WITH_ALLOW"), .validator("not_resource_broad"),
                      .validator("combined_not_action_not_resource"), .aa("PASS_ROLE_WITH_NOTRESOURCE"),
                      .aa("PASS_ROLE_WITH_NOTACTION_AND_NOTRESOURCE"), .aa("CREATE_SLR_WITH_NOTRESOURCE"),
                      .aa("CREATE_SLR_WITH_NOTACTION_AND_NOTRESOURCE")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "NotResource": "arn:aws:s3:::audit-logs/*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "iam:*", "NotResource": "arn:aws:s3:::audit-logs/*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "NotResource": ["arn:aws:s3:::data", "arn:aws:s3:::data/*"]}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data/*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements where statement.isAllow {
            guard let excluded = statement.notResources, let location = statement.element("NotResource")?.location else { continue }
            if excluded.contains(where: { $0.value == "*" }) { continue }  // grants nothing: the grammar rules' business
            let listed = ActionList.describe(excluded.map(\.value), limit: 2)
            if statement.notActions != nil {
                report.add("\(statement.label) combines NotAction and NotResource: it allows every action except the ones listed on "
                           + "every resource except \(listed)", at: location, statement: statement,
                           suggestion: "list the actions in Action and the resources in Resource", severity: .critical)
            } else {
                let condition = statement.clauses.isEmpty ? "" : " (under its condition)"
                report.add("\(statement.label) allows its actions on every resource except \(listed)\(condition), including resources "
                           + "in other accounts and ones created later", at: location, statement: statement,
                           suggestion: "list the resources to allow in Resource",
                           severity: statement.clauses.isEmpty ? nil : .medium)
            }
        }
    }
}
