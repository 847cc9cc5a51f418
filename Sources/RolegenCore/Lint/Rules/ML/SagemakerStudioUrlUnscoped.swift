/// sagemaker:CreatePresignedDomainUrl on every user profile: open anyone's Studio.
struct SagemakerStudioUrlUnscoped: LintRule {
    let metadata = RuleMetadata(
        id: "sagemaker-studio-url-unscoped", title: "Studio sign-in URL for every user profile", severity: .high, category: .ml,
        rationale: """
            sagemaker:CreatePresignedDomainUrl returns a URL that opens Studio as a user profile, with the \
            profile's execution role and its files. Allowed on every user profile (Resource "*" or \
            user-profile/<domain>/*) without a condition, any holder can sign in as any colleague, or as \
            the profile with the most powerful role. AWS's guidance scopes it to the caller's own profile.
            """,
        fix: """
            Scope Resource to the caller's own profile (arn:aws:sagemaker:us-east-1:111122223333:user-profile/d-xxxx/${aws:username}) \
            or add a condition such as "StringEquals": {"sagemaker:ResourceTag/owner": "${aws:username}"}.
            """,
        appliesTo: PolicyType.identityLike,
        equivalents: [.cloudsplaining("PrivilegeEscalation")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreatePresignedDomainUrl", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:user-profile/d-abc123/*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:*", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreatePresignedDomainUrl", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:user-profile/d-abc123/${aws:username}"}]}"#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreatePresignedDomainUrl", "Resource": "*",
                 "Condition": {"StringEquals": {"sagemaker:ResourceTag/owner": "${aws:username}"}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        let index = GrantIndex.of(subject)
        for (grant, location) in index.grants(of: .createPresignedDomainUrl) where grant.statement.clauses.isEmpty {
            let statement = grant.statement
            let every = statement.notResources != nil
                || (statement.resources ?? []).contains { ResourceScope.coversEveryName($0.value) && !$0.value.contains("${") }
            guard every else { continue }
            report.add("sagemaker:CreatePresignedDomainUrl on every user profile in \(statement.label): the holder can open Studio as any "
                       + "user profile, with its execution role", at: location, statement: statement,
                       suggestion: "scope Resource to user-profile/<domain>/${aws:username} or add a sagemaker:ResourceTag condition")
        }
    }
}
