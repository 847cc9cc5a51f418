/// A Deny that exempts some principals, where the exemption cannot work: it exempts everyone (the
/// Deny denies nothing) or no one (the principal meant to be spared is denied too).
struct DenyCarveOutIneffective: LintRule {
    let metadata = RuleMetadata(
        id: "deny-carve-out-ineffective", title: "Deny carve-out that exempts everyone or no one", severity: .low,
        category: .principals,
        rationale: """
            Deny statements often spare a few principals: NotPrincipal, or a negated condition on \
            aws:PrincipalArn. "*" in NotPrincipal, or with ArnNotLike/StringNotLike, spares everyone, so \
            the Deny never applies; with StringNotEquals it is compared literally and spares no one. A \
            NotPrincipal that lists a user or role without its account, or a role without its sessions, \
            does not spare them either: IAM checks the session, the role and the account, and any of \
            them not listed is denied.
            """,
        fix: """
            List the exact principals to spare; with NotPrincipal add the account \
            (arn:aws:iam::ACCOUNT:root) and the role's session ARNs, or better, use "Principal": "*" with \
            ArnNotLike on aws:PrincipalArn.
            """,
        equivalents: [.validator("ineffective_deny_carve_out"), .validator("literal_wildcard_deny_carve_out")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"ArnNotLike": {"aws:PrincipalArn": "*"}}}]}"#, type: .scp),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/admin"}, "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::b"}]}"#, type: .resource),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringNotEquals": {"aws:PrincipalArn": "*"}}}]}"#, type: .resource),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotPrincipal": {"AWS": ["arn:aws:iam::111122223333:role/admin",
                 "arn:aws:sts::111122223333:assumed-role/admin/ana", "arn:aws:iam::111122223333:root"]}, "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::b"}]}
                """#, type: .resource),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/admin"}}}]}"#, type: .scp),
        ])

    /// Keys that say who the caller is.
    private static let principalKeys: Set<String> = [
        "aws:principalarn", "aws:principalaccount", "aws:principalorgid", "aws:principalorgpaths", "aws:principalservicename",
        "aws:principaltype", "aws:userid", "aws:username",
    ]

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements where statement.isDeny {
            checkConditions(statement, report: &report)
            if subject.type == .resource, let notPrincipal = statement.notPrincipal {
                checkNotPrincipal(notPrincipal, statement: statement, report: &report)
            }
        }
    }

    private func checkConditions(_ statement: StatementView, report: inout RuleReport) {
        for clause in statement.clauses where clause.isNegatedOperator && clause.qualifier == nil {
            let key = clause.loweredKeyName
            guard Self.principalKeys.contains(key) || key.hasPrefix("aws:principaltag/"),
                  let star = clause.values.first(where: { $0.value == "*" }) else { continue }
            let base = clause.baseOperator
            if base.hasPrefix("Arn") || base.hasSuffix("Like") {
                report.add("\(clause.operator.value) \"*\" on \(clause.key.value) spares every principal, so \(statement.label) denies nothing",
                           at: star.location, statement: statement,
                           suggestion: "list the principals to spare, or remove the statement if nothing should be denied")
            } else {
                report.add("\(clause.operator.value) compares \"*\" on \(clause.key.value) literally, so it spares no principal",
                           at: star.location, statement: statement,
                           suggestion: "use ArnNotLike or StringNotLike if \"*\" is a pattern, or list the exact values to spare")
            }
        }
    }

    private func checkNotPrincipal(_ node: SourceNode, statement: StatementView, report: inout RuleReport) {
        if let location = PrincipalSupport.everyoneLocation(node) {
            report.add("NotPrincipal \"*\" spares every principal, so \(statement.label) denies nothing", at: location, statement: statement,
                       suggestion: "list the principals to spare, or remove the statement")
            return
        }
        let values = PrincipalSupport.values(node).filter { $0.kind == .aws }
        let principals = values.map { AWSPrincipal($0.text) }
        let accounts = Set(principals.filter { $0.kind == .account }.compactMap(\.account))
        let sessionsOf = Set(principals.filter { $0.kind == .assumedRole }.compactMap { p in p.account.flatMap { a in p.name.map { "\(a)/\($0)" } } })
        for (value, principal) in zip(values, principals) {
            guard let account = principal.account else { continue }
            switch principal.kind {
            case .user, .role, .assumedRole, .federatedUser:
                if !accounts.contains(account) {
                    report.add("NotPrincipal spares '\(value.text.truncatedForMessage)' but not its account \(account): IAM also checks the "
                               + "account, so this principal is still denied", at: value.location, statement: statement,
                               suggestion: "add \"arn:aws:iam::\(account):root\" to NotPrincipal, or use Principal \"*\" with ArnNotLike aws:PrincipalArn")
                } else if principal.kind == .role, let name = principal.name, !sessionsOf.contains("\(account)/\(name)") {
                    report.add("NotPrincipal spares role '\(name)' but none of its sessions: requests are made by sessions "
                               + "(arn:aws:sts::\(account):assumed-role/\(name)/SESSION), so the role is still denied",
                               at: value.location, statement: statement,
                               suggestion: "use Principal \"*\" with \"ArnNotLike\": {\"aws:PrincipalArn\": \"\(value.text)\"} (it matches the role's sessions)")
                }
            default:
                continue
            }
        }
    }
}
