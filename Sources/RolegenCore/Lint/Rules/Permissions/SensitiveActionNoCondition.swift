/// The organisation's sensitive actions (settings `sensitive_actions`) allowed without a condition.
struct SensitiveActionNoCondition: LintRule {
    let metadata = RuleMetadata(
        id: "sensitive-action-no-condition", title: "Sensitive action allowed without a condition", severity: .high,
        category: .permissions,
        rationale: """
            The organisation lists in `lint.sensitive_actions` the actions that must never be allowed \
            unconditionally (deleting buckets, disabling CloudTrail, sharing snapshots): each Allow of one \
            must carry a Condition, such as MFA, a source VPC or a resource tag. The rule reports nothing \
            until the list is set.
            """,
        fix: "Add a Condition to the statement (or move the action to a statement that has one).",
        appliesTo: PolicyType.identityLike.union([.resource]),
        equivalents: [.validator("missing_condition")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::ml-data"}]}"#,
                        settings: "sensitive_actions: ['s3:DeleteBucket', 'cloudtrail:StopLogging']"),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::ml-data",
                 "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}
                """#, settings: "sensitive_actions: ['s3:DeleteBucket']"),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:DeleteBucket", "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        let patterns = subject.settings.sensitiveActions.map { $0.lowercased() }
        guard !patterns.isEmpty else { return }
        for statement in subject.view.statements where statement.isAllow && statement.clauses.isEmpty {
            if let actions = statement.actions {
                for action in actions {
                    let granted = try sensitive(granted: action.value, patterns: patterns, context: subject.context)
                    guard !granted.isEmpty else { continue }
                    report.add("\(statement.label) allows \(ActionList.describe(granted)), which the organisation lists as sensitive, "
                               + "without a condition", at: action.location, statement: statement,
                               suggestion: "add a Condition (MFA, source VPC, resource tag) to the statement")
                }
            } else if let excluded = statement.notActions, let location = statement.element("NotAction")?.location {
                let left = patterns.filter { pattern in !excluded.contains { GrantIndex.matches($0.value.lowercased(), pattern) } }
                guard !left.isEmpty else { continue }
                report.add("\(statement.label) allows every action but its NotAction list, sensitive ones \(ActionList.describe(left)) "
                           + "included, without a condition", at: location, statement: statement,
                           suggestion: "add the sensitive actions to NotAction or a Condition to the statement")
            }
        }
    }

    /// The sensitive actions a policy action grants: catalog actions matched by both, or the
    /// sensitive pattern itself when the policy names it exactly (also when the catalog does not know it).
    private func sensitive(granted action: String, patterns: [String], context: LintContext) throws -> [String] {
        let lowered = action.lowercased()
        if patterns.contains(lowered) { return [action] }
        var names: [String] = []
        for definition in try context.actions(matching: action) {
            let name = definition.lowercasedName
            if patterns.contains(where: { GrantIndex.matches($0, name) }) { names.append(definition.fullName) }
        }
        return names
    }
}
