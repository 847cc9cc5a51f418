/// iam:CreateServiceLinkedRole on every role lets the caller create the service-linked role of any service.
struct CreateSlrUnscoped: LintRule {
    let metadata = RuleMetadata(
        id: "create-slr-unscoped", title: "iam:CreateServiceLinkedRole for every service", severity: .medium, category: .permissions,
        rationale: """
            A service-linked role carries the permissions its service needs in the account, often wide \
            ones. Allowing iam:CreateServiceLinkedRole on every role, without iam:AWSServiceName, lets the \
            caller switch on any service's role, not just the one its workload uses.
            """,
        fix: """
            Name the role in Resource (arn:aws:iam::*:role/aws-service-role/sagemaker.amazonaws.com/AWSServiceRoleForAmazonSageMaker*) \
            or add "Condition": {"StringEquals": {"iam:AWSServiceName": "sagemaker.amazonaws.com"}}.
            """,
        appliesTo: PolicyType.identityLike,
        equivalents: [.aa("CREATE_SLR_WITH_STAR_IN_RESOURCE"), .aa("CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE"),
                      .aa("CREATE_SLR_WITH_NOTRESOURCE"), .aa("CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOTRESOURCE"),
                      .aa("CREATE_SLR_WITH_NOTACTION_AND_NOTRESOURCE"), .aa("CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOTACTION")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:*", "NotResource": "arn:aws:iam::111122223333:role/admin"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}]}"#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*",
                 "Condition": {"StringEquals": {"iam:AWSServiceName": "sagemaker.amazonaws.com"}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole",
                 "Resource": "arn:aws:iam::*:role/aws-service-role/sagemaker.amazonaws.com/AWSServiceRoleForAmazonSageMakerNotebooks"}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        let index = GrantIndex.of(subject)
        for (grant, location) in index.grants(of: .createServiceLinkedRole) {
            let statement = grant.statement
            let resources = statement.resources?.map(\.value) ?? []
            let everyService = statement.notResources != nil || resources.contains(where: Self.coversEveryServiceLinkedRole)
            guard everyService, statement.clauses(forKey: "iam:AWSServiceName").isEmpty else { continue }
            report.add("iam:CreateServiceLinkedRole on every service-linked role in \(statement.label): the caller can create the role "
                       + "of any service, with that service's permissions", at: location, statement: statement,
                       suggestion: "add \"Condition\": {\"StringEquals\": {\"iam:AWSServiceName\": \"<service>.amazonaws.com\"}}")
        }
    }

    /// Whether a resource covers the service-linked roles of every service (`*`, `role/*`, `role/aws-service-role/*`).
    static func coversEveryServiceLinkedRole(_ resource: String) -> Bool {
        if ResourceScope.coversEverything(resource) { return true }
        let probes = ["arn:aws:iam::111122223333:role/aws-service-role/a.amazonaws.com/AWSServiceRoleForA",
                      "arn:aws:iam::111122223333:role/aws-service-role/zz9.amazonaws.com/Q"]
        // Account and partition written in the pattern stand in for the probe's.
        let fields = resource.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 6 else { return false }
        return probes.allSatisfy { probe in
            var parts = probe.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
            for field in [1, 4] where !fields[field].contains("*") && !fields[field].contains("?") { parts[field] = fields[field] }
            return PolicySafety.globMatches(pattern: resource, text: parts.joined(separator: ":"))
        }
    }
}
