/// Sets of actions that together let the holder act as a more privileged role.
struct PrivescCombination: LintRule {
    let metadata = RuleMetadata(
        id: "privesc-combination", title: "Actions that together escalate privileges", severity: .high, category: .permissions,
        rationale: """
            Many escalations take two or three ordinary-looking actions: iam:PassRole with an action that \
            starts something running code (a SageMaker training, processing or tuning job, a notebook \
            instance, a model behind an endpoint, a pipeline, a Lambda function, an EC2 instance, a Glue \
            job, a CodeBuild project, an ECS task, a Bedrock AgentCore runtime) lets the holder run its own \
            code as any role it can pass; changing a launch template or a notebook's lifecycle script runs \
            it as the resource's role. Each path counts when all of its actions are granted on every \
            resource without a condition (an iam:PassedToService condition naming the path's service does \
            not stop it), in any statements of the policy, and no unconditioned Deny removes one.
            """,
        fix: """
            Break the path: name the roles iam:PassRole may pass (and the service, with iam:PassedToService), \
            and scope the other actions to the resources the principal owns (a name prefix, \
            aws:ResourceTag).
            """,
        appliesTo: PolicyType.identityLike,
        equivalents: [.cloudsplaining("PrivilegeEscalation"), .parliament("PRIVILEGE_ESCALATION"), .validator("privilege_escalation")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sagemaker:CreateTrainingJob", "iam:PassRole"], "Resource": "*"}]}"#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}},
                 {"Effect": "Allow", "Action": "sagemaker:Create*", "Resource": "*"}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*"},
                 {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/ml-exec",
                  "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": ["ec2:RunInstances", "sagemaker:CreateTrainingJob"], "Resource": "*"},
                 {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        let index = GrantIndex.of(subject)
        guard !index.grants.isEmpty else { return }
        var matched: [(path: EscalationCatalog.Path, statement: StatementView, location: SourceLocation)] = []
        for (path, names) in zip(EscalationCatalog.paths, EscalationCatalog.pathNames) {
            // Most policies do not touch every service of a path: one lookup each rules them out.
            guard names.allSatisfy({ index.mayGrant(service: $0.service) }) else { continue }
            var anchor: (statement: StatementView, location: SourceLocation)?
            var complete = true
            for name in names {
                let isPassRole = name.service == "iam" && name.name == "iam:PassRole"
                let found = index.grants(of: name) { grant in
                    grant.isUnscoped && (!grant.isConditioned || (isPassRole && Self.passesTo(path.passedTo, grant.statement)))
                }.first
                guard let found else {
                    complete = false
                    break
                }
                // Findings point at the action that starts the code, not at iam:PassRole (reported on its own).
                if anchor == nil && !isPassRole { anchor = (found.grant.statement, found.location) }
            }
            if complete, let anchor { matched.append((path, anchor.statement, anchor.location)) }
        }
        // A path whose actions include all of a smaller matched path's adds nothing.
        for (path, statement, location) in matched {
            let actions = Set(path.actions)
            if matched.contains(where: { $0.path.name != path.name && Set($0.path.actions).isStrictSubset(of: actions) }) { continue }
            report.add("\(ActionList.describe(path.actions, limit: 6)) are granted on every resource without a condition: the holder can "
                       + "\(path.effect) (\(path.name))", at: location, statement: statement,
                       suggestion: path.passedTo == nil ? "scope these actions to the resources the principal owns"
                           : "name the roles iam:PassRole may pass in Resource and add iam:PassedToService")
        }
    }

    /// Whether a PassRole statement's conditions, all on iam:PassedToService, still let the role go to `service`.
    static func passesTo(_ service: String?, _ statement: StatementView) -> Bool {
        guard let service else { return false }
        return statement.clauses.allSatisfy { clause in
            guard clause.key.value.equalsIgnoringCase("iam:PassedToService"), !clause.isIfExists,
                  ["StringEquals", "StringLike", "StringEqualsIgnoreCase"].contains(clause.baseOperator) else { return false }
            return clause.values.contains { value in
                let lowered = value.value.lowercased()
                return lowered.hasPrefix("*") || lowered.hasPrefix(service) || lowered.contains("." + service)
            }
        }
    }
}
