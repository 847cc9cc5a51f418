/// `"Principal": "*"` in a role trust policy.
struct TrustWildcardPrincipal: LintRule {
    let metadata = RuleMetadata(
        id: "trust-wildcard-principal", title: "Principal \"*\" in a role trust policy", severity: .error,
        category: .policyType,
        rationale: """
            IAM rejects a role trust policy whose Principal is the bare "*" (MalformedPolicyDocument: \
            "AssumeRolepolicy contained an invalid principal"), whatever the Effect; Access Analyzer \
            reports it as an error. A role that everyone may assume is written {"AWS": "*"} with a \
            condition that limits who (for example aws:PrincipalOrgID); principal-public reports it when \
            nothing does.
            """,
        fix: "Name the principals, or write \"Principal\": {\"AWS\": \"*\"} with StringEquals aws:PrincipalOrgID.",
        appliesTo: [.trust],
        equivalents: [.aa("ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}"#, type: .trust),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}"#, type: .trust),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            guard let principal = statement.principal, PrincipalSupport.isBareWildcard(principal) else { continue }
            report.add("\"Principal\": \"*\" in \(statement.label) of a role trust policy is rejected by IAM", at: principal.location,
                       statement: statement,
                       suggestion: "name the principals, or write {\"AWS\": \"*\"} with a condition that limits who, such as aws:PrincipalOrgID")
        }
    }
}
