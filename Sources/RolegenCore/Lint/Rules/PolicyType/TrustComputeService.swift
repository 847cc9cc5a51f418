/// A role that compute services assume runs whatever code is put on them: its permissions are
/// those of anyone who can deploy code there.
struct TrustComputeService: LintRule {
    let metadata = RuleMetadata(
        id: "trust-compute-service", title: "Role assumable by a service that runs your code", severity: .low,
        category: .policyType,
        rationale: """
            EC2, EKS, ECS tasks, Lambda, SageMaker (training, processing, notebooks, endpoints), Glue, \
            CodeBuild and App Runner run code you or your users supply, with this role's credentials: \
            anyone who can start such code and pass the role gets its permissions, and a compromised \
            workload leaks them. Keep such roles narrow. (cloudsplaining only knows ec2, eks, ecs-tasks \
            and lambda.)
            """,
        fix: "Give the role only what its workload needs, and restrict iam:PassRole on it to the people who deploy that workload.",
        appliesTo: [.trust],
        equivalents: [.cloudsplaining("AssumableByComputeService")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}]}"#, type: .trust),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com.cn"]}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "cloudformation.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
        ])

    /// Services that run customer code with the role (by principal name without the domain).
    static let computeServices: [String: String] = [
        "ec2": "EC2 instances", "eks": "EKS", "pods.eks": "EKS pods", "ecs-tasks": "ECS tasks", "lambda": "Lambda functions",
        "edgelambda": "Lambda@Edge functions", "sagemaker": "SageMaker jobs, notebooks and endpoints", "glue": "Glue jobs",
        "codebuild": "CodeBuild builds", "tasks.apprunner": "App Runner services",
    ]

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements where statement.isAllow && PrincipalSupport.grants(statement, action: "sts:assumerole") {
            for value in PrincipalSupport.values(statement.principal) where value.kind == .service {
                guard let name = ServicePrincipalNames.name(of: value.text), let what = Self.computeServices[name] else { continue }
                report.add("the role can be assumed by '\(value.text)': code running in \(what) gets its permissions, so anyone who can "
                           + "deploy code there with this role can use them", at: value.location, statement: statement,
                           suggestion: "keep the role's permissions to what the workload needs, and limit iam:PassRole on it")
            }
        }
    }
}
