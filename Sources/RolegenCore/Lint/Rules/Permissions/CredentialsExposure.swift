/// Actions that hand out passwords, keys, tokens or other principals' sessions.
struct CredentialsExposure: LintRule {
    let metadata = RuleMetadata(
        id: "credentials-exposure", title: "Actions that return credentials, on every resource without a condition",
        severity: .high, category: .permissions,
        rationale: """
            Some actions return credentials that belong to someone or something else: another role's \
            session (sts:AssumeRole), a database login (redshift:GetClusterCredentials, rds-db:connect), an \
            instance's administrator password (ec2:GetPasswordData), SSH access details, service-specific \
            passwords. On every resource without a condition, the holder can take on any of them. Tokens \
            that only carry the caller's own permissions (ecr:GetAuthorizationToken, sts:GetSessionToken) \
            are not reported; the IAM key and password actions are privesc-single-action's.
            """,
        fix: "Name the roles, users, clusters or instances in Resource, or add a condition that limits them.",
        appliesTo: [.identity],
        equivalents: [.cloudsplaining("CredentialsExposure"), .parliament("CREDENTIALS_EXPOSURE"), .validator("missing_condition")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sts:AssumeRole", "ec2:GetPasswordData"], "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "redshift:GetCluster*", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::111122223333:role/deploy"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        let index = GrantIndex.of(subject)
        for (statement, location, names) in index.unconstrainedEntries(granting: EscalationCatalog.credentialNames) {
            report.add("\(statement.label) grants \(ActionList.describe(names)) on every resource without a condition: the holder can "
                       + "obtain credentials that are not its own", at: location, statement: statement,
                       suggestion: "name the roles, users or resources in Resource, or add a condition")
        }
    }
}
