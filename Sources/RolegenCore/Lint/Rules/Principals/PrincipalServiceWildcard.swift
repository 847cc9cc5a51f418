/// `{"Service": "*"}` would hand the resource or role to every AWS service, acting for any customer.
struct PrincipalServiceWildcard: LintRule {
    let metadata = RuleMetadata(
        id: "principal-service-wildcard", title: "Service principal \"*\"", severity: .critical,
        category: .principals,
        rationale: """
            A service principal "*" names every AWS service, each acting on behalf of any of its \
            customers: anyone who can make some service use this role or resource gets its access. AWS \
            documents that a service principal cannot be "*"; name the services that need access.
            """,
        fix: "Name the service, such as \"Service\": \"sagemaker.amazonaws.com\", and limit it with aws:SourceAccount.",
        appliesTo: [.resource, .trust],
        equivalents: [.validator("service_principal_wildcard")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "*"}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": ["sns.amazonaws.com", "*"]}, "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:q"}]}"#, type: .resource),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}]}"#, type: .trust),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements where statement.isAllow {
            for value in PrincipalSupport.values(statement.principal) where value.kind == .service && value.text == "*" {
                report.add("\(statement.label) allows every AWS service (\"Service\": \"*\"), each acting for any of its customers",
                           at: value.location, statement: statement,
                           suggestion: "name the services that need access, such as \"sagemaker.amazonaws.com\"")
            }
        }
    }
}
