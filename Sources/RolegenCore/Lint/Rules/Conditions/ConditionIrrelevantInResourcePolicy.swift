/// In a resource-based or trust policy, the resource's account and organization are those of the
/// policy's own resource.
struct ConditionIrrelevantInResourcePolicy: LintRule {
    let metadata = RuleMetadata(
        id: "condition-irrelevant-in-resource-policy", title: "Resource-owner key in a resource-based or trust policy",
        severity: .info, category: .conditions,
        rationale: """
            A resource-based policy (or a role's trust policy) only governs the resource it is attached \
            to, so aws:ResourceAccount, aws:ResourceOrgID, aws:ResourceOrgPaths and s3:ResourceAccount \
            always hold that resource's own account and organization: the condition is constant. \
            These keys restrict identity policies, SCPs and RCPs; in a resource policy the principal \
            keys (aws:PrincipalAccount, aws:PrincipalOrgID) are usually what was meant.
            """,
        fix: "Remove the condition, or test the caller instead (aws:PrincipalAccount, aws:PrincipalOrgID).",
        appliesTo: [.resource, .trust],
        equivalents: [.aa("IRRELEVANT_CONDITION_KEY_IN_POLICY")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"aws:ResourceAccount": "111122223333"}}}]}
                """#, type: .resource),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}}]}
                """#, type: .resource),
        ])

    private static let keys: [String: String] = [
        "aws:resourceaccount": "aws:PrincipalAccount", "aws:resourceorgid": "aws:PrincipalOrgID",
        "aws:resourceorgpaths": "aws:PrincipalOrgPaths", "s3:resourceaccount": "aws:PrincipalAccount",
    ]

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for clause in statement.clauses {
                guard let principalKey = Self.keys[clause.key.value.lowercased()] else { continue }
                report.add("'\(clause.key.value)' in a \(subject.type.title) is always the account or organization of the resource the "
                           + "policy is attached to: the condition is constant", at: clause.key.location, statement: statement,
                           suggestion: "to restrict the caller, use '\(principalKey)'")
            }
        }
    }
}
