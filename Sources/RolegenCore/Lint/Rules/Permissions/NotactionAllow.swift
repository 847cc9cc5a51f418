/// Allow with NotAction grants every action of every service except the ones listed.
struct NotactionAllow: LintRule {
    let metadata = RuleMetadata(
        id: "notaction-allow", title: "Allow with NotAction", severity: .high, category: .permissions,
        rationale: """
            "Effect": "Allow" with NotAction grants every action AWS has, and every action it adds later, \
            except the few listed: far more than anyone reviewing the statement sees. On every resource \
            without a condition it is close to administrator access.
            """,
        fix: "List the actions to allow in Action; keep NotAction for Deny statements.",
        appliesTo: [.identity, .resource],
        equivalents: [.validator("not_action_allow"), .validator("not_action_allow_no_condition"),
                      .validator("not_action_allow_ineffective"), .aa("PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOTACTION"),
                      .aa("CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOTACTION")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"}]}"#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "s3:DeleteBucket", "Resource": "arn:aws:s3:::data",
                 "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}
                """#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": ["iam:Get*", "iam:List*"], "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data/*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements where statement.isAllow {
            guard let excluded = statement.notActions, let location = statement.element("NotAction")?.location else { continue }
            // NotAction with NotResource is notresource-allow's (critical) finding.
            guard statement.notResources == nil else { continue }
            if excluded.contains(where: { $0.value == "*" }) { continue }  // grants nothing: the grammar rules' business
            let listed = ActionList.describe(excluded.map(\.value), limit: 3)
            let everywhere = (statement.resources ?? []).contains { ResourceScope.coversEverything($0.value) }
            if everywhere && statement.clauses.isEmpty {
                report.add("\(statement.label) allows every action of every service except \(listed), on every resource and without a "
                           + "condition, including actions AWS adds later", at: location, statement: statement,
                           suggestion: "list the actions to allow in Action")
            } else {
                let limits = everywhere ? "under its condition" : "on the resources it names"
                report.add("\(statement.label) allows every action except \(listed) \(limits), including actions AWS adds later",
                           at: location, statement: statement, suggestion: "list the actions to allow in Action", severity: .medium)
            }
        }
    }
}
