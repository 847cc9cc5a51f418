/// The service field of an ARN is lower case; `S3` is not `s3`.
struct ArnServiceCase: LintRule {
    let metadata = RuleMetadata(
        id: "arn-service-case", title: "Upper-case service in an ARN", severity: .error, category: .resources,
        rationale: """
            ARNs are compared with case, and every service prefix in an ARN is lower case: \
            "arn:aws:S3:::bucket" matches no bucket. (Action names are compared without case; ARNs are not.)
            """,
        fix: "Write the service in lower case: arn:aws:s3:::bucket.",
        appliesTo: PolicyType.all.subtracting([.trust]),
        equivalents: [.aa("INVALID_ARN_SERVICE_CASE")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:S3:::ml-data/*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:SageMaker:eu-west-1:111122223333:model/m"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ML-Data/*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for resource in (statement.resources ?? []) + (statement.notResources ?? []) {
                guard let arn = ARNParts(resource.value), !ARNParts.hasVariable(arn.service),
                      arn.service.contains(where: \.isUppercase) else { continue }
                let lowered = arn.service.lowercased()
                report.add("the service '\(arn.service)' in '\(resource.value)' is not lower case: ARNs compare with case, so it "
                           + "matches no resource", at: resource.location, statement: statement,
                           suggestion: "write 'arn:\(arn.partition):\(lowered):\(arn.region):\(arn.account):\(arn.resource)'")
            }
        }
    }
}
