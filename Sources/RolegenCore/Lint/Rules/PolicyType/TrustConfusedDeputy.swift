/// A service principal acts for all of that service's customers: without aws:SourceAccount or
/// aws:SourceArn, another customer can get the service to use this role or resource for them.
struct TrustConfusedDeputy: LintRule {
    let metadata = RuleMetadata(
        id: "trust-confused-deputy", title: "Service principal without aws:SourceAccount or aws:SourceArn", severity: .high,
        category: .policyType,
        rationale: """
            When a service such as SageMaker assumes a role or writes to a bucket, it acts for whichever \
            customer asked it to. aws:SourceAccount, aws:SourceArn, aws:SourceOrgID or \
            aws:SourceOrgPaths tie the grant to your own account's or organisation's resources (the \
            confused-deputy guard). Reported high for services known to send these keys, low (may) \
            for others, whose support rolegen cannot confirm offline. In trust policies, EC2 and Lambda \
            are not reported: their roles attach to your own instances and functions, and they are not \
            documented to send the keys when assuming roles. Policies AWS manages (service-linked role \
            trust policies) are not reported.
            """,
        fix: """
            Add "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}} and, where the \
            service sends it, {"ArnLike": {"aws:SourceArn": "arn:aws:sagemaker:REGION:111122223333:*"}}.
            """,
        appliesTo: [.trust, .resource],
        equivalents: [.aa("RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL"), .aa("RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL"),
                      .validator("confused_deputy_risk")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::logs/AWSLogs/111122223333/*"}]}"#, type: .resource),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}]}"#, type: .trust),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com", "lambda.amazonaws.com"]}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
        ])

    /// Services documented to send aws:SourceAccount/aws:SourceArn when they assume roles or call resources.
    static let knownSenders: Set<String> = [
        "sagemaker", "bedrock", "glue", "ecs-tasks", "pods.eks", "autoscaling", "states", "scheduler", "codebuild", "ssm",
        "datasync", "config", "rolesanywhere", "cloudtrail", "delivery.logs", "s3", "sns", "events",
    ]
    /// Compute services whose roles attach to the account's own instances and functions (trust policies only).
    static let exemptInTrust: Set<String> = ["ec2", "lambda", "edgelambda"]
    private static let guardKeys: Set<String> = ["aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid", "aws:sourceorgpaths"]

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        // AWS writes the trust policies of service-linked roles and cannot be asked to change them.
        guard !subject.input.isAWSManaged else { return }
        for statement in subject.view.statements where statement.isAllow {
            let guarded = statement.clauses.contains { clause in
                Self.guardKeys.contains(clause.loweredKeyName) && !clause.isNegatedOperator && !clause.values.isEmpty
                    && !clause.values.allSatisfy { $0.value == "*" }
            }
            guard !guarded else { continue }
            for value in PrincipalSupport.values(statement.principal) where value.kind == .service {
                guard !PrincipalSupport.hasWildcard(value.text), let name = ServicePrincipalNames.name(of: value.text) else { continue }
                if subject.type == .trust && Self.exemptInTrust.contains(name) { continue }
                let what = subject.type == .trust ? "assume this role" : "use this access"
                let suggestion = "add \"Condition\": {\"StringEquals\": {\"aws:SourceAccount\": \"ACCOUNT\"}}"
                    + (TrustPolicyBuilder.sourceARNServices[name].map { " and ArnLike aws:SourceArn \"arn:aws:\($0):REGION:ACCOUNT:*\"" } ?? "")
                if Self.knownSenders.contains(name) {
                    report.add("'\(value.text)' can \(what) on behalf of any of its customers: without aws:SourceAccount or aws:SourceArn, "
                               + "another account's \(name) resources can be made to use it (confused deputy)",
                               at: value.location, statement: statement, suggestion: suggestion)
                } else {
                    report.add("'\(value.text)' may \(what) on behalf of other accounts (confused deputy): if the service sends "
                               + "aws:SourceAccount or aws:SourceArn, as most do, limit it with them",
                               at: value.location, statement: statement, suggestion: suggestion, severity: .low)
                }
            }
        }
    }
}
