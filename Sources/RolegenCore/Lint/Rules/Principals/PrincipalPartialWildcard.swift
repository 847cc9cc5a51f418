/// `*` alone means everyone; a wildcard inside a principal (`role/ml-*`, `arn:aws:iam::*:root`)
/// is not a pattern, and AWS rejects it.
struct PrincipalPartialWildcard: LintRule {
    let metadata = RuleMetadata(
        id: "principal-partial-wildcard", title: "Wildcard inside a principal value", severity: .error,
        category: .principals,
        rationale: """
            The Principal element matches names exactly: "*" (everyone) is the only wildcard it knows, \
            and AWS rejects "*" or "?" inside an ARN, an account id, a service or a provider name. To \
            admit a family of roles, name their account and match the ARNs with a condition.
            """,
        fix: """
            Name the account ({"AWS": "arn:aws:iam::111122223333:root"}) and add \
            "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/ml-*"}}.
            """,
        appliesTo: [.resource, .trust],
        equivalents: [.aa("UNSUPPORTED_WILDCARD_IN_PRINCIPAL")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ml-*"}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::*:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#, type: .resource),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "*.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}"#, type: .resource),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole", "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/ml-*"}}}]}"#, type: .trust),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for node in [statement.principal, statement.notPrincipal] {
                for value in PrincipalSupport.values(node) where PrincipalSupport.hasWildcard(value.text) {
                    // A lone "*" means everyone under AWS; under Service it is its own rule.
                    if value.text == "*" && (value.kind == .aws || value.kind == .service) { continue }
                    report.add("'\(value.text.truncatedForMessage)' has a wildcard inside the \(value.key) value: principals are "
                               + "matched exactly, \"*\" alone is the only wildcard, and AWS rejects the policy",
                               at: value.location, statement: statement, suggestion: suggestion(for: value))
                }
            }
        }
    }

    private func suggestion(for value: PrincipalValue) -> String? {
        guard value.kind == .aws else { return "name the \(value.key) principals one by one" }
        if case .success(let arn) = ARN.parse(value.text), PrincipalSupport.isAccountID(arn.account) {
            return "name the account ({\"AWS\": \"arn:\(arn.partition):iam::\(arn.account):root\"}) and add "
                + "\"Condition\": {\"ArnLike\": {\"aws:PrincipalArn\": \"\(value.text)\"}}"
        }
        return "write {\"AWS\": \"*\"} with a condition that limits who, such as StringEquals aws:PrincipalOrgID or ArnLike aws:PrincipalArn"
    }
}
