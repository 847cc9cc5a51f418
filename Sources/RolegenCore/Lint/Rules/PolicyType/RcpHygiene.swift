/// Resource control policies deny across the whole organisation: a deny without conditions stops
/// everyone, and an organisation boundary without a service carve-out stops AWS services too.
struct RcpHygiene: LintRule {
    let metadata = RuleMetadata(
        id: "rcp-hygiene", title: "RCP deny that also stops your own principals or AWS services", severity: .medium,
        category: .policyType,
        rationale: """
            An RCP Deny without a Condition denies its actions to every principal, your administrators \
            included (low: right for locking a setting, wrong for a perimeter). A Deny that keeps out \
            principals outside the organisation (StringNotEquals… aws:PrincipalOrgID, PrincipalOrgPaths \
            or PrincipalAccount) also stops AWS services acting on your behalf (CloudTrail or S3 log \
            delivery writing to your buckets) unless it carves them out with \
            "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}; written with Bool instead of \
            BoolIfExists, the carve-out lets anonymous requests escape the Deny.
            """,
        fix: """
            Pair the organisation boundary with "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}, \
            as in AWS's data-perimeter RCP examples; give deny-everyone statements a condition unless \
            that is the intent.
            """,
        appliesTo: [.rcp],
        equivalents: [.validator("rcp_blanket_deny"), .validator("rcp_missing_service_carveout"), .validator("rcp_carveout_missing_ifexists")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}"#, type: .rcp),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:PutBucketPublicAccessBlock", "Resource": "*"}]}"#, type: .rcp),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}, "Bool": {"aws:PrincipalIsAWSService": "false"}}}]}"#, type: .rcp),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}, "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}}}]}"#, type: .rcp),
        ])

    private static let boundaryKeys: Set<String> = ["aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount"]

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements where statement.isDeny {
            guard !statement.clauses.isEmpty else {
                if statement.condition == nil || statement.condition?.mappingEntries?.isEmpty == true {
                    report.add("\(statement.label) has no Condition: it denies \(PublicPrincipalAccess.actionSummary(statement)) to every principal, "
                               + "your own administrators included; make sure that is the intent", at: statement.node.location,
                               statement: statement,
                               suggestion: "to keep out only principals outside the organisation, add StringNotEqualsIfExists aws:PrincipalOrgID "
                                   + "with BoolIfExists aws:PrincipalIsAWSService false", severity: .low)
                }
                continue
            }
            guard let boundary = statement.clauses.first(where: {
                Self.boundaryKeys.contains($0.loweredKeyName) && $0.baseOperator.hasPrefix("StringNot")
            }) else { continue }
            let carveOuts = statement.clauses.filter { $0.loweredKeyName == "aws:principalisawsservice" }
            let falseCarveOuts = carveOuts.filter { clause in
                clause.baseOperator == "Bool" && clause.qualifier == nil && clause.values.contains { $0.value.lowercased() == "false" }
            }
            if falseCarveOuts.isEmpty {
                let state = carveOuts.isEmpty ? "has no aws:PrincipalIsAWSService carve-out"
                    : "uses aws:PrincipalIsAWSService, but not as a carve-out (only BoolIfExists \"false\" spares AWS services)"
                report.add("\(statement.label) keeps out principals outside the organisation but \(state): AWS services acting for you "
                           + "(CloudTrail, S3 log delivery) carry no \(boundary.key.value) and are denied too",
                           at: boundary.key.location, statement: statement,
                           suggestion: "add \"BoolIfExists\": {\"aws:PrincipalIsAWSService\": \"false\"}")
            } else if let plain = falseCarveOuts.first(where: { !$0.isIfExists }), !falseCarveOuts.contains(where: \.isIfExists) {
                report.add("\(statement.label) carves out AWS services with Bool instead of BoolIfExists: anonymous requests carry no "
                           + "aws:PrincipalIsAWSService, so the condition is false for them and they escape the Deny",
                           at: plain.operator.location, statement: statement, suggestion: "write \"BoolIfExists\"")
            }
        }
    }
}
