/// A service principal is the service's host name: `sagemaker.amazonaws.com`, `logs.us-east-1.amazonaws.com`.
struct PrincipalServiceFormat: LintRule {
    let metadata = RuleMetadata(
        id: "principal-service-format", title: "Service principal is not a service host name", severity: .error,
        category: .principals,
        rationale: """
            AWS services are named as principals by host name (sagemaker.amazonaws.com; \
            ec2.amazonaws.com.cn in China; some are regional, such as logs.us-east-1.amazonaws.com). \
            A bare service prefix, an ARN, a URL or a name outside the AWS domains matches no service, \
            and AWS rejects it.
            """,
        fix: "Write the service's principal name, such as \"Service\": \"sagemaker.amazonaws.com\".",
        appliesTo: [.resource, .trust],
        equivalents: [.aa("INVALID_SERVICE_PRINCIPAL_FORMAT")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sagemaker"}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "arn:aws:iam::aws:service/ec2"}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "SageMaker.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": ["sagemaker.amazonaws.com", "ec2.amazonaws.com.cn", "logs.us-east-1.amazonaws.com", "alexa-appkit.amazon.com"]}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for node in [statement.principal, statement.notPrincipal] {
                for value in PrincipalSupport.values(node) where value.kind == .service {
                    // Wildcards have their own rules; variables are reported by the variable rules.
                    guard !PrincipalSupport.hasWildcard(value.text), !value.text.contains("${"),
                          let problem = ServicePrincipalNames.problem(value.text) else { continue }
                    report.add(problem.message, at: value.location, statement: statement, suggestion: problem.suggestion)
                }
            }
        }
    }
}
