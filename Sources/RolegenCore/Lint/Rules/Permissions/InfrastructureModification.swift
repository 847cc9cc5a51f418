/// Write and tagging actions left on every resource although they could name theirs.
struct InfrastructureModification: LintRule {
    let metadata = RuleMetadata(
        id: "infrastructure-modification", title: "Wildcard that grants write actions on every resource", severity: .low,
        category: .permissions,
        rationale: """
            An action pattern such as ec2:* or sagemaker:Delete* on every resource without a condition \
            grants every Write and Tagging action it matches, on every resource of the account, including \
            actions AWS adds later, and nobody reviewing the policy sees which. Only wildcards are \
            reported, and only for actions that accept a resource ARN: an action written out by name was \
            chosen, and one that takes no ARN can only be granted on "*". Reporting every write on "*" \
            (as cloudsplaining does) fires on more than half of AWS's managed policies and buries the \
            findings that can be fixed. Permissions-management actions have their own rule.
            """,
        fix: "List the write actions the principal needs by name, and name the resources (or a name prefix) in Resource or add aws:ResourceTag conditions.",
        appliesTo: [.identity],
        equivalents: [.cloudsplaining("InfrastructureModification")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:Delete*", "sagemaker:*"], "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:DeleteBucket", "sagemaker:DeleteEndpoint"], "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DeleteEndpoint", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:endpoint/team-a-*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "cloudwatch:PutMetricData", "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        let index = GrantIndex.of(subject)
        guard index.grants.contains(where: \.isUnconstrained) else { return }
        let entries = try index.unconstrainedEntries(context: subject.context, kind: "infrastructure", onlyWildcards: true) { action in
            (action.accessLevel == .write || action.accessLevel == .tagging) && !action.resourceTypes.isEmpty
        }
        for (statement, location, actions) in entries {
            let names = actions.map(\.fullName)
            report.add("\(statement.label) grants \(names.count == 1 ? "" : "\(names.count) ")write action\(names.count == 1 ? "" : "s") "
                       + "\(ActionList.describe(names)) on every resource without a condition, although "
                       + "\(names.count == 1 ? "it accepts" : "they accept") resource ARNs", at: location, statement: statement,
                       suggestion: "list the write actions needed by name and scope them in Resource")
        }
    }
}
