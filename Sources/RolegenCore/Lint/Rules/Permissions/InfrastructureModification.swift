/// Write and tagging actions left on every resource although they could name theirs.
struct InfrastructureModification: LintRule {
    let metadata = RuleMetadata(
        id: "infrastructure-modification", title: "Write actions on every resource that could be scoped", severity: .low,
        category: .permissions,
        rationale: """
            Write and Tagging actions on every resource without a condition let the holder change or delete \
            any resource of those types in the account, not only its own. Only actions that accept a \
            resource ARN are reported: the ones that take no ARN can only be granted on "*", and reporting \
            them would bury the ones that can be fixed. Permissions-management actions have their own rule.
            """,
        fix: "Name the resources (or a name prefix) in Resource, or add aws:ResourceTag or aws:RequestTag conditions.",
        appliesTo: [.identity],
        equivalents: [.cloudsplaining("InfrastructureModification")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:DeleteBucket", "sagemaker:DeleteEndpoint"], "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DeleteEndpoint", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:endpoint/team-a-*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "cloudwatch:PutMetricData", "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        let index = GrantIndex(subject.view)
        guard index.grants.contains(where: \.isUnconstrained) else { return }
        let entries = try index.unconstrainedEntries(context: subject.context) { action in
            (action.accessLevel == .write || action.accessLevel == .tagging) && !action.resourceTypes.isEmpty
        }
        for (statement, location, actions) in entries {
            let names = actions.map(\.fullName)
            report.add("\(statement.label) grants \(names.count == 1 ? "" : "\(names.count) ")write action\(names.count == 1 ? "" : "s") "
                       + "\(ActionList.describe(names)) on every resource without a condition, although "
                       + "\(names.count == 1 ? "it accepts" : "they accept") resource ARNs", at: location, statement: statement,
                       suggestion: "name the resources in Resource")
        }
    }
}
