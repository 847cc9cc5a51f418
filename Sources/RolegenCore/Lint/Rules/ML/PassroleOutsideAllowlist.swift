/// iam:PassRole on roles the organisation has not listed (settings `passrole_targets`).
struct PassroleOutsideAllowlist: LintRule {
    let metadata = RuleMetadata(
        id: "passrole-outside-allowlist", title: "iam:PassRole on roles outside the organisation's allow-list", severity: .high,
        category: .ml,
        rationale: """
            The organisation lists in `lint.passrole_targets` the execution roles that may be handed to \
            SageMaker and other services (arn:aws:iam::111122223333:role/sagemaker-exec-*). A PassRole on \
            any other role, or on a pattern wider than the list, lets the caller run jobs with \
            permissions nobody reviewed for that purpose. The rule reports nothing until the list is set.
            """,
        fix: "Name only listed roles in the PassRole statement's Resource, or add the role to `lint.passrole_targets` after review.",
        appliesTo: PolicyType.identityLike,
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/admin"}]}"#,
                        settings: "passrole_targets: ['arn:aws:iam::111122223333:role/sagemaker-exec-*']"),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "arn:aws:iam::111122223333:role/*"}]}"#,
                        settings: "passrole_targets: ['arn:aws:iam::111122223333:role/sagemaker-exec-*']"),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/sagemaker-exec-team-a"}]}"#,
                     settings: "passrole_targets: ['arn:aws:iam::111122223333:role/sagemaker-exec-*']"),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        let targets = subject.settings.passRoleTargets
        guard !targets.isEmpty else { return }
        let index = GrantIndex.of(subject)
        for (grant, location) in index.grants(of: .passRole) {
            let statement = grant.statement
            if statement.notResources != nil {
                report.add("iam:PassRole with NotResource in \(statement.label) covers roles outside passrole_targets",
                           at: location, statement: statement, suggestion: "name the listed roles in Resource")
                continue
            }
            for resource in statement.resources ?? [] where !targets.contains(where: { PolicySafety.globMatches(pattern: $0, text: resource.value) }) {
                report.add("iam:PassRole on '\(resource.value)' in \(statement.label) is not within the organisation's passrole_targets "
                           + "(\(ActionList.describe(targets, limit: 3)))", at: resource.location, statement: statement,
                           suggestion: "pass only roles that passrole_targets lists")
            }
        }
    }
}
