/// Actions that change who may do what (policies, ACLs, grants, shares), on every resource.
struct PermissionsManagementUnconstrained: LintRule {
    let metadata = RuleMetadata(
        id: "permissions-management-unconstrained", title: "Permissions-management actions on every resource without a condition",
        severity: .high, category: .permissions,
        rationale: """
            Actions of the Permissions management access level change who may use a resource: bucket and \
            key policies, ACLs, KMS grants, RAM shares, snapshot attributes, Lambda permissions. Granted on \
            every resource without a condition, they let the holder open any of the account's resources to \
            itself or to anyone outside the account. The IAM actions that escalate by themselves and \
            iam:PassRole are left to privesc-single-action and passrole-unscoped.
            """,
        fix: "Name the resources in Resource, or add a condition (aws:ResourceTag, kms:GrantIsForAWSResource, aws:PrincipalOrgID).",
        appliesTo: [.identity],
        equivalents: [.cloudsplaining("ResourceExposure"), .parliament("PERMISSIONS_MANAGEMENT_ACTIONS"), .validator("missing_condition")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:PutBucketPolicy", "kms:CreateGrant"], "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:PutBucketPolicy", "Resource": "arn:aws:s3:::ml-data"}]}"#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:CreateGrant", "Resource": "*",
                 "Condition": {"Bool": {"kms:GrantIsForAWSResource": "true"}}}]}
                """#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        let index = GrantIndex.of(subject)
        guard index.grants.contains(where: \.isUnconstrained) else { return }
        let entries = try index.unconstrainedEntries(context: subject.context, kind: "permissions-management") { action in
            guard action.accessLevel == .permissionsManagement else { return false }
            let name = action.lowercasedName
            return name != "iam:passrole" && !EscalationCatalog.singleActionNames.contains(name)
        }
        for (statement, location, actions) in entries {
            let names = actions.map(\.fullName)
            report.add("\(statement.label) grants \(names.count == 1 ? "" : "\(names.count) ")permissions-management "
                       + "action\(names.count == 1 ? "" : "s") \(ActionList.describe(names)) on every resource without a condition: "
                       + "the holder can change who may use any of the account's resources", at: location, statement: statement,
                       suggestion: "name the resources in Resource or add a condition")
        }
    }
}
