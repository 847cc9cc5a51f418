/// iam:PassRole lets the caller hand a role to a service that then acts with its permissions: on
/// every role, it is privilege escalation to the most powerful role in the account.
struct PassRoleUnscoped: LintRule {
    let metadata = RuleMetadata(
        id: "passrole-unscoped", title: "iam:PassRole on every role, or without iam:PassedToService", severity: .high,
        category: .permissions,
        rationale: """
            A principal that can pass any role to a service that runs code (SageMaker training and \
            processing jobs, notebook instances, Lambda, EC2) can run that code with the permissions of \
            the most privileged role in the account. Limit PassRole to named roles, and to the service \
            that needs them with iam:PassedToService.
            """,
        fix: """
            List the role ARNs in Resource and add "Condition": {"StringEquals": {"iam:PassedToService": \
            "sagemaker.amazonaws.com"}} (the service that needs the roles).
            """,
        appliesTo: PolicyType.identityLike,
        equivalents: [.aa("PASS_ROLE_WITH_STAR_IN_RESOURCE"), .aa("PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE"),
                      .aa("PASS_ROLE_WITH_NOTRESOURCE"), .aa("PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOTRESOURCE"),
                      .aa("PASS_ROLE_WITH_NOTACTION_AND_NOTRESOURCE"), .aa("PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOTACTION"),
                      .validator("missing_required_condition"), .cloudsplaining("ResourceExposure")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:*", "NotResource": "arn:aws:iam::111122223333:role/admin"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/ml-exec"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "s3:*", "Resource": "arn:*"}]}"#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"},
                 {"Effect": "Deny", "Action": "iam:*", "Resource": "*"}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole",
                 "Resource": "arn:aws:iam::111122223333:role/ml-exec",
                 "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        let index = GrantIndex.of(subject)
        for (grant, location) in index.grants(of: .passRole) {
            let statement = grant.statement
            let limited = Self.limitsPassedToService(statement)
            if grant.isUnscoped {
                let scope = statement.notResources != nil ? "every role but the ones NotResource lists" : "every role"
                if limited {
                    report.add("iam:PassRole on \(scope) in \(statement.label): the caller can pass any role that trusts the named "
                               + "service, the most privileged included", at: location, statement: statement,
                               suggestion: "name the roles in Resource", severity: .medium)
                } else {
                    report.add("iam:PassRole on \(scope) in \(statement.label): the caller can give any role, the most privileged "
                               + "included, to a service that runs code", at: location, statement: statement,
                               suggestion: "name the roles in Resource and add StringEquals iam:PassedToService")
                }
            } else if !limited {
                report.add("iam:PassRole in \(statement.label) without iam:PassedToService: the roles can be passed to any service",
                           at: location, statement: statement,
                           suggestion: "add \"Condition\": {\"StringEquals\": {\"iam:PassedToService\": \"<service>.amazonaws.com\"}}",
                           severity: .medium)
            }
        }
    }

    /// Whether the statement limits the services with a positive match on iam:PassedToService
    /// (the key is always present when a role is passed, so an IfExists form limits as well).
    static func limitsPassedToService(_ statement: StatementView) -> Bool {
        statement.clauses(forKey: "iam:PassedToService").contains { clause in
            ["StringEquals", "StringLike", "StringEqualsIgnoreCase"].contains(clause.baseOperator) && clause.qualifier != "ForAllValues"
                && !clause.values.isEmpty && clause.values.allSatisfy { !$0.value.isEmpty && !$0.value.hasPrefix("*") }
        }
    }
}
