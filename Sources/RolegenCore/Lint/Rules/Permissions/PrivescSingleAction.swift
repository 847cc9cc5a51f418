/// IAM actions that hand the holder more permissions than it has, by themselves.
struct PrivescSingleAction: LintRule {
    let metadata = RuleMetadata(
        id: "privesc-single-action", title: "Action that escalates privileges by itself, on every resource", severity: .critical,
        category: .permissions,
        rationale: """
            Some actions are enough on their own to gain every permission: attaching or writing a policy \
            on the caller's own user, group or role, rewriting a managed policy, creating access keys or \
            passwords for an administrator, making a role trust the caller, removing a permissions \
            boundary, or running code as another role through Lambda, Glue, SageMaker notebooks or SSM. \
            Granted on every resource without a condition, they make every other limit of the policy moot.
            """,
        fix: """
            Name the users, groups, roles or policies the action is for in Resource (a path such as \
            arn:aws:iam::111122223333:role/app/*), or add a condition that limits it (iam:PolicyARN for \
            the Attach*Policy actions, iam:PermissionsBoundary, aws:ResourceTag).
            """,
        appliesTo: PolicyType.identityLike,
        equivalents: [.cloudsplaining("PrivilegeEscalation"), .parliament("PRIVILEGE_ESCALATION"), .validator("missing_condition")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:AttachRolePolicy", "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:Put*Policy", "Resource": "arn:aws:iam::111122223333:role/*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:AttachRolePolicy",
                 "Resource": "arn:aws:iam::111122223333:role/app/*",
                 "Condition": {"ArnEquals": {"iam:PolicyARN": "arn:aws:iam::111122223333:policy/app-read"}}}]}
                """#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:Get*", "Resource": "*"}]}"#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*"},
                 {"Effect": "Deny", "Action": ["iam:Create*", "iam:Put*", "iam:Attach*", "iam:Update*", "iam:Add*", "iam:Set*", "iam:Delete*"], "Resource": "*"}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        let index = GrantIndex.of(subject)
        guard !index.grants.isEmpty else { return }
        // One finding per place in the policy, naming every escalating action it grants.
        var found: [(location: SourceLocation, statement: StatementView, actions: [EscalationCatalog.SingleAction])] = []
        for (entry, name) in zip(EscalationCatalog.singleActions, EscalationCatalog.singleActionNamesToMatch) {
            guard let (grant, location) = index.unconstrainedGrant(of: name) else { continue }
            if let existing = found.firstIndex(where: { $0.location == location }) {
                found[existing].actions.append(entry)
            } else {
                found.append((location, grant.statement, [entry]))
            }
        }
        for (location, statement, actions) in found {
            let severity = actions.map(\.severity).max() ?? metadata.severity
            let names = actions.map(\.action)
            let what = actions.count == 1
                ? "\(names[0]) on every resource without a condition in \(statement.label) lets the holder \(actions[0].effect)"
                : "\(statement.label) grants \(names.count) actions that escalate privileges on every resource without a condition "
                    + "(\(ActionList.describe(names))): the holder can \(actions[0].effect)"
            report.add(what, at: location, statement: statement,
                       suggestion: "name the users, roles, groups or policies in Resource, or add a condition such as iam:PolicyARN",
                       severity: severity)
        }
    }
}
