/// An AWS service acting as itself has no organization, tags, session or network of yours.
struct ConditionUnsupportedForServicePrincipal: LintRule {
    let metadata = RuleMetadata(
        id: "condition-unsupported-for-service-principal", title: "Condition key absent when the caller is a service principal",
        severity: .error, category: .conditions,
        rationale: """
            When the Principal is a service principal (cloudtrail.amazonaws.com, sagemaker.amazonaws.com), \
            the request comes from the service itself: it belongs to no organization, carries no \
            principal tags, no MFA or session data and no VPC endpoint of yours, so aws:PrincipalOrgID, \
            aws:PrincipalOrgPaths, aws:PrincipalTag/…, aws:username, the MFA and session keys and the VPC \
            keys are absent. A positive test of them never matches (the statement never applies); a \
            negated or IfExists test always does (it restricts nothing, reported low). To tie a service \
            to your resources use aws:SourceArn, aws:SourceAccount or aws:SourceOrgID.
            """,
        fix: "Test the service's request with aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths instead.",
        appliesTo: [.resource, .trust],
        equivalents: [.aa("UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
                 "Action": "s3:PutObject", "Resource": "arn:aws:s3:::trail/AWSLogs/*",
                 "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}
                """#, type: .resource),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
                 "Action": "s3:PutObject", "Resource": "arn:aws:s3:::trail/AWSLogs/*",
                 "Condition": {"StringEquals": {"aws:SourceOrgID": "o-a1b2c3d4e5"}}}]}
                """#, type: .resource),
        ])

    private static let absentKeys: Set<String> = [
        "aws:principalorgid", "aws:principalorgpaths", "aws:username", "aws:multifactorauthpresent", "aws:multifactorauthage",
        "aws:tokenissuetime", "aws:federatedprovider", "aws:sourceidentity", "aws:assumedroot", "aws:sourcevpc", "aws:sourcevpce",
        "aws:sourcevpcarn", "aws:vpcsourceip", "aws:vpceaccount", "aws:vpceorgid", "aws:vpceorgpaths",
    ]

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            guard let services = ConditionSupport.servicePrincipals(of: statement) else { continue }
            for clause in statement.clauses {
                let lowered = clause.key.value.lowercased()
                guard Self.absentKeys.contains(lowered) || lowered.hasPrefix("aws:principaltag/") else { continue }
                let op = ConditionSupport.Operator(clause.operator.value)
                guard op.isKnown, let outcome = ConditionSupport.outcomeWhenAbsent(op, values: clause.values.map(\.value)) else { continue }
                let who = ConditionSupport.names(services)
                if outcome {
                    report.add("'\(clause.key.value)' is absent from requests of \(who), so '\(op.text)' always holds: the condition "
                               + "restricts nothing", at: clause.key.location, statement: statement,
                               suggestion: "use aws:SourceArn, aws:SourceAccount or aws:SourceOrgID", severity: .low)
                } else {
                    report.add("'\(clause.key.value)' is absent from requests of \(who), so '\(op.text)' never matches and the statement "
                               + "never applies", at: clause.key.location, statement: statement,
                               suggestion: "use aws:SourceArn, aws:SourceAccount or aws:SourceOrgID")
                }
            }
        }
    }
}
