/// Actions that take no resource (sts:GetCallerIdentity, s3:ListAllMyBuckets, ec2:DescribeInstances)
/// are authorized against `"*"` only: on ARNs the statement never applies to them.
struct AccountLevelActionWithArn: LintRule {
    let metadata = RuleMetadata(
        id: "account-level-action-with-arn", title: "Action without resource types on ARNs", severity: .medium, category: .resources,
        rationale: """
            Some actions name no resource (they list or describe everything, or act on the account): \
            IAM authorizes them against "*", or against a service-wide ARN (s3:ListAllMyBuckets matches \
            "arn:aws:s3:::*"). In a statement whose resources all name particular resources \
            ("arn:aws:s3:::ml-data/*", "training-job/team-a-*"), such an action is never allowed (or \
            never denied). The author usually expected it to work. Broad patterns such as \
            "arn:aws:logs:*:*:log-group:*" are not reported: the service's own ARN may match them. \
            Write actions are reported at low severity: the Service Authorization Reference sometimes \
            omits the type of the resource they create, and AWS's own policies scope them to such ARNs.
            """,
        fix: "Move the action to a statement with \"Resource\": \"*\" (limit it with a condition if needed).",
        appliesTo: PolicyType.all.subtracting([.trust]),
        equivalents: [.parliament("RESOURCE_MISMATCH"), .validator("resource_mismatch")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListAllMyBuckets"], "Resource": "arn:aws:s3:::ml-data/*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "sagemaker:ListTrainingJobs", "Resource": "arn:aws:sagemaker:*:*:training-job/team-a-*"}]}"#, type: .scp),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:ListAllMyBuckets", "logs:DescribeLogGroups"], "Resource": ["arn:aws:s3:::*", "arn:aws:logs:*:*:log-group:*"]}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:ListAllMyBuckets", "s3:GetObject"], "Resource": ["*", "arn:aws:s3:::ml-data/*"]}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::ml-data/*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "NotResource": "arn:aws:s3:::secret/*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        let index = try ARNFormatIndex.shared(subject.catalog)
        let lists = try StatementActions.of(subject)
        for (position, statement) in subject.view.statements.enumerated() {
            // NotResource lists ARNs and leaves the action in. Services authorize these actions against
            // "*" or an ARN of their own (s3:ListAllMyBuckets works on "arn:aws:s3:::*"): only
            // resources that name particular resources are sure to miss it.
            guard statement.notResources == nil, let written = statement.resources, !written.isEmpty,
                  written.allSatisfy({ resource in
                      guard let arn = ARNParts(resource.value) else { return !Glob.isAllStars(resource.value) }
                      return ResourceFacts.namesParticularResources(arn, index: index)
                  }) else { continue }
            let verb = statement.isDeny ? "is never denied" : "is never allowed"
            for entry in lists[position].actions where !entry.isEverything {
                guard !entry.actions.isEmpty, entry.actions.allSatisfy({ $0.resourceTypes.isEmpty }) else { continue }
                let message = entry.isPattern
                    ? "the \(entry.actions.count) actions '\(entry.text.value)' matches take no resource, so on the particular resources of "
                        + "\(statement.label) the pattern \(verb)"
                    : "\(entry.actions.first?.fullName ?? entry.text.value) takes no resource (IAM authorizes it against \"*\" or a "
                        + "service-wide ARN), so on the particular resources of \(statement.label) it \(verb)"
                // Listing and reading everything is account-wide by nature; for other actions the
                // reference sometimes omits the type of the resource they create or change, and AWS's
                // own policies scope them to such ARNs (resource-groups:CreateGroup on group/...).
                let readOnly = entry.actions.allSatisfy { $0.accessLevel == .list || $0.accessLevel == .read }
                report.add(readOnly ? message : message + " (unless the service authorizes it on ARNs rolegen's catalog does not list)",
                           at: entry.text.location, statement: statement,
                           suggestion: "move '\(entry.text.value)' to a statement with \"Resource\": \"*\"", severity: readOnly ? nil : .low)
            }
        }
    }
}
