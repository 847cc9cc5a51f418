/// The permissions rules, in the order docs/rules.md lists them.
package enum PermissionRules {
    package static let all: [any LintRule] = [
        NotactionAllow(),
        NotresourceAllow(),
        DenyNotReview(),
        PassRoleUnscoped(),
        CreateSlrUnscoped(),
        PrivescCombination(),
        PrivescSingleAction(),
        PermissionsManagementUnconstrained(),
        CredentialsExposure(),
        DataExfiltration(),
        InfrastructureModification(),
        BucketPolicyEscalation(),
        SensitiveActionNoCondition(),
        RequiredConditions(),
        NoPublicAccess(),
    ]
}
