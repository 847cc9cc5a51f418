/// IAM Roles Anywhere always sets the source identity and session tags when it creates a
/// session: a trust policy that does not allow them makes CreateSession fail.
struct TrustRolesAnywhereActions: LintRule {
    let metadata = RuleMetadata(
        id: "trust-roles-anywhere-actions", title: "Roles Anywhere trust without sts:TagSession and sts:SetSourceIdentity",
        severity: .error, category: .policyType,
        rationale: """
            IAM Roles Anywhere assumes the role with sts:AssumeRole, sets the certificate's subject as \
            source identity and tags the session with certificate attributes. The role's trust policy \
            must allow all three actions for rolesanywhere.amazonaws.com, or every CreateSession fails.
            """,
        fix: "Allow [\"sts:AssumeRole\", \"sts:TagSession\", \"sts:SetSourceIdentity\"] to rolesanywhere.amazonaws.com.",
        appliesTo: [.trust],
        equivalents: [.aa("MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "rolesanywhere.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "rolesanywhere.amazonaws.com"}, "Action": ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"], "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:rolesanywhere:us-east-1:111122223333:trust-anchor/abc"}}}]}"#, type: .trust),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "rolesanywhere.amazonaws.com"}, "Action": "sts:*"}]}"#, type: .trust),
        ])

    private static let required = [("sts:assumerole", "sts:AssumeRole"), ("sts:tagsession", "sts:TagSession"),
                                   ("sts:setsourceidentity", "sts:SetSourceIdentity")]

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        let allows = subject.view.statements.filter(\.isAllow)
        for statement in allows {
            for value in PrincipalSupport.values(statement.principal) where value.kind == .service {
                guard ServicePrincipalNames.name(of: value.text) == "rolesanywhere" else { continue }
                // Another Allow statement of the policy may grant the rest to the same principal.
                let missing = Self.required.filter { action, _ in
                    !allows.contains { other in
                        PrincipalSupport.grants(other, action: action)
                            && PrincipalSupport.values(other.principal).contains { $0.kind == .service && $0.text == value.text }
                    }
                }.map(\.1)
                guard !missing.isEmpty else { continue }
                report.add("'\(value.text)' is trusted without \(missing.quotedList()): Roles Anywhere needs sts:AssumeRole, sts:TagSession "
                           + "and sts:SetSourceIdentity, so creating sessions fails", at: value.location, statement: statement,
                           suggestion: "allow \"sts:AssumeRole\", \"sts:TagSession\" and \"sts:SetSourceIdentity\"")
            }
        }
    }
}
