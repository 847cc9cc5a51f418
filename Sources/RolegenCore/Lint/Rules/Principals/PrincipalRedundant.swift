/// A principal listed twice, or a role session listed beside its role, adds nothing.
struct PrincipalRedundant: LintRule {
    let metadata = RuleMetadata(
        id: "principal-redundant", title: "Principal already covered by another principal of the statement", severity: .info,
        category: .principals,
        rationale: """
            A role principal matches every session of that role, so an assumed-role session ARN beside \
            its role's ARN changes nothing; neither does a principal listed twice (an account id and \
            that account's root ARN are the same principal). Redundant entries make the list harder to \
            review and to keep right.
            """,
        fix: "Remove the redundant entry.",
        appliesTo: [.trust, .resource],
        equivalents: [.aa("REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:role/ml-exec", "arn:aws:sts::111122223333:assumed-role/ml-exec/job-1"]}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["111122223333", "arn:aws:iam::111122223333:root"]}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#, type: .resource),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:role/ml-exec", "arn:aws:sts::111122223333:assumed-role/other/job-1", "arn:aws:iam::444455556666:root"]}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            checkElement(PrincipalSupport.values(statement.principal), sessionsCovered: true, statement: statement, report: &report)
            // A Deny's NotPrincipal must list the session beside its role (IAM checks each), so only duplicates count there.
            checkElement(PrincipalSupport.values(statement.notPrincipal), sessionsCovered: false, statement: statement, report: &report)
        }
    }

    private func checkElement(_ values: [PrincipalValue], sessionsCovered: Bool, statement: StatementView, report: inout RuleReport) {
        guard values.count > 1 else { return }
        var seen: [String: String] = [:]
        var roles: Set<String> = []
        var parsed: [(PrincipalValue, AWSPrincipal?)] = []
        for value in values {
            let principal = value.kind == .aws ? AWSPrincipal(value.text) : nil
            parsed.append((value, principal))
            if let principal, principal.kind == .role, let account = principal.account, let name = principal.name {
                roles.insert("\(account)/\(name)")
            }
        }
        for (value, principal) in parsed {
            let identity: String
            if let principal, principal.kind == .account, let account = principal.account {
                identity = "AWS account \(account)"
            } else {
                identity = "\(value.key) \(value.text)"
            }
            if let first = seen[identity] {
                report.add("'\(value.text.truncatedForMessage)' names the same principal as '\(first.truncatedForMessage)' in \(statement.label)",
                           at: value.location, statement: statement, suggestion: "remove it")
                continue
            }
            seen[identity] = value.text
            if sessionsCovered, let principal, principal.kind == .assumedRole, let account = principal.account, let role = principal.name,
               roles.contains("\(account)/\(role)") {
                report.add("'\(value.text.truncatedForMessage)' is a session of role '\(role)', which \(statement.label) already names: "
                           + "the role principal matches all its sessions", at: value.location, statement: statement,
                           suggestion: "remove the session ARN")
            }
        }
    }
}
