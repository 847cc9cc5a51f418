/// A resource policy that lets anyone, anonymous callers included, use the resource.
struct NoPublicAccess: LintRule {
    /// Condition keys that tie a request to an account, organisation, network or service: with a
    /// positive match on one, a `*` principal is no longer everyone.
    static let limitingKeys: Set<String> = [
        "aws:sourcearn", "aws:sourceaccount", "aws:sourceowner", "aws:sourceorgid", "aws:sourceorgpaths", "aws:principalorgid",
        "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn", "aws:principalservicename", "aws:sourcevpc",
        "aws:sourcevpce", "aws:sourcevpcarn", "aws:sourceip", "aws:vpcsourceip", "aws:userid", "aws:username",
        "aws:principalisawsservice", "kms:calleraccount", "s3:dataaccesspointaccount", "s3:dataaccesspointarn",
        "elasticfilesystem:accessedviamounttarget",
    ]

    let metadata = RuleMetadata(
        id: "no-public-access", title: "Resource policy that grants public access", severity: .critical, category: .permissions,
        rationale: """
            An Allow for Principal "*" (or {"AWS": "*"}, or NotPrincipal) without a condition that ties \
            the caller to an account, organisation, network or service lets anyone on the internet use the \
            resource, anonymous callers included. This rule looks at the policy as a whole: a Deny for \
            everyone outside the organisation (StringNotEquals on aws:PrincipalOrgID, aws:SourceVpce, ...) \
            that covers the allowed actions closes the exposure, and the finding names what stays open. \
            (principal-public reports each statement's principal.)
            """,
        fix: """
            Name the accounts or roles in Principal, or add a condition such as "StringEquals": \
            {"aws:PrincipalOrgID": "o-abc123"} or {"aws:SourceVpce": "vpce-0abc"}.
            """,
        appliesTo: [.resource],
        equivalents: [.aa("CheckNoPublicAccess")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-data/*"}]}"#,
                        type: .resource),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sqs:SendMessage", "Resource": "*",
                 "Condition": {"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}}]}
                """#, type: .resource),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-data/*",
                 "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}}]}
                """#, type: .resource),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-data/*"},
                 {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::ml-data", "arn:aws:s3:::ml-data/*"],
                  "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-0abc1234"}}}]}
                """#, type: .resource),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-data/*"}]}"#,
                     type: .resource),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        let statements = subject.view.statements
        // Deny statements for everyone, conditioned on a limiting key by a negated operator: they
        // refuse every caller outside the account, organisation or network.
        let fences = statements.filter { statement in
            statement.isDeny && Self.isEveryone(statement) && !statement.clauses.isEmpty && statement.clauses.allSatisfy { clause in
                Self.limitingKeys.contains(clause.key.value.lowercased()) && GuardSupport.isNegated(clause.baseOperator) && clause.qualifier == nil
            }
        }
        var open: [String] = []
        var first: (statement: StatementView, location: SourceLocation)?
        for statement in statements where statement.isAllow && Self.isEveryone(statement) && !Self.isLimited(statement) {
            let actions = (statement.actions ?? []).map(\.value).filter { action in
                !fences.contains { fence in (fence.actions ?? []).contains { GrantIndex.matches($0.value, action) } }
            }
            let exposed = statement.actions == nil ? (fences.isEmpty ? ["every action but its NotAction list"] : []) : actions
            guard !exposed.isEmpty else { continue }
            open += exposed
            if first == nil {
                let node = statement.principal ?? statement.notPrincipal
                first = (statement, node?.location ?? statement.node.location)
            }
        }
        guard let (statement, location) = first else { return }
        report.add("this resource policy lets anyone, anonymous callers included, use \(ActionList.describe(open)) without a condition "
                   + "that limits the caller to an account, organisation or network", at: location, statement: statement,
                   suggestion: "add \"Condition\": {\"StringEquals\": {\"aws:PrincipalOrgID\": \"<your organisation id>\"}} or name the principals")
    }

    /// Principal `*`, {"AWS": "*"} (alone or in a list), or NotPrincipal (everyone but a few).
    static func isEveryone(_ statement: StatementView) -> Bool {
        if statement.notPrincipal != nil { return true }
        guard let principal = statement.principal else { return false }
        if principal.scalarText == "*" { return true }
        return (principal.mappingEntries ?? []).contains { entry in
            entry.key.scalarText == "AWS" && StatementView.strings(entry.value).contains { $0.value == "*" }
        }
    }

    /// Whether a clause ties the caller down: a positive, non-IfExists match on a limiting key with real values.
    static func isLimited(_ statement: StatementView) -> Bool {
        statement.clauses.contains { clause in
            let key = clause.key.value.lowercased()
            guard limitingKeys.contains(key), !GuardSupport.isNegated(clause.baseOperator), clause.baseOperator != "Null",
                  !clause.isIfExists, clause.qualifier != "ForAllValues", !clause.values.isEmpty else { return false }
            return clause.values.allSatisfy { value in
                let text = value.value
                if key == "aws:principalisawsservice" || key == "elasticfilesystem:accessedviamounttarget" { return text == "true" }
                return !text.isEmpty && text != "*" && text != "0.0.0.0/0" && text != "::/0"
            }
        }
    }
}
