/// SageMaker jobs and models created without any network or encryption guard.
struct SagemakerCreateWithoutGuards: LintRule {
    /// The keys that guard where SageMaker containers run and how their data is encrypted.
    static let guardKeys = ["sagemaker:VpcSubnets", "sagemaker:VpcSecurityGroupIds", "sagemaker:NetworkIsolation",
                            "sagemaker:VolumeKmsKey", "sagemaker:OutputKmsKey"]

    let metadata = RuleMetadata(
        id: "sagemaker-create-without-guards", title: "SageMaker Create call allowed without VPC, isolation or KMS conditions",
        severity: .low, category: .ml,
        rationale: """
            CreateTrainingJob, CreateProcessingJob, CreateHyperParameterTuningJob, CreateModel and the \
            other Create calls that take sagemaker:VpcSubnets, sagemaker:NetworkIsolation or \
            sagemaker:VolumeKmsKey run the caller's container. Allowed without any of these conditions, \
            the container may run outside the VPC with internet access (a way out for training data) and \
            write volumes and outputs with keys the organisation does not control. Whether a team must \
            run in a VPC is the organisation's choice, so without `lint.required_guards` the finding is \
            low; once guards for SageMaker are configured, required-conditions checks them instead and \
            this rule stays silent.
            """,
        fix: """
            Add the VPC block ("ForAllValues:StringEquals" on sagemaker:VpcSubnets and \
            sagemaker:VpcSecurityGroupIds with "Null": "false"), "Bool": {"sagemaker:NetworkIsolation": "true"} \
            or "ArnEquals" on sagemaker:VolumeKmsKey; list the ones the organisation requires in `lint.required_guards`.
            """,
        appliesTo: PolicyType.identityLike,
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob"], "Resource": "*"}]}"#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*",
                 "Condition": {"ArnEquals": {"sagemaker:VolumeKmsKey": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}}}]}
                """#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*"}]}"#,
                     settings: "required_guards:\n  - actions: ['sagemaker:Create*']\n    key: sagemaker:VpcSubnets"),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        let statements = subject.view.statements
        guard GrantIndex.of(subject).mayGrant(service: "sagemaker"),
              statements.contains(where: { $0.isAllow && $0.actions != nil }) else { return }
        // Configured guards on SageMaker are required-conditions' to check.
        if subject.settings.requiredGuards.contains(where: { $0.key.lowercased().hasPrefix("sagemaker:") }) { return }
        let guarded = try Self.guardedActions(subject.context)
        for statement in statements where statement.isAllow && statement.actions != nil {
            if Self.guardKeys.contains(where: { GuardSupport.constrains(statement, key: $0) || !statement.clauses(forKey: $0).isEmpty }) { continue }
            for (location, granted) in try GuardSupport.granted(by: statement, among: guarded, context: subject.context) {
                let unguarded = granted.filter { action in
                    !Self.guardKeys.contains { GuardSupport.isGuarded(action, key: $0, in: statement, policy: statements) }
                }
                guard !unguarded.isEmpty else { continue }
                report.add("\(statement.label) allows \(ActionList.describe(unguarded)) without a condition on the VPC, network isolation "
                           + "or KMS keys: what it creates may run outside the VPC, with internet access, and store data under keys "
                           + "the organisation does not choose",
                           at: location, statement: statement,
                           suggestion: "add conditions on sagemaker:VpcSubnets and sagemaker:VolumeKmsKey, or list the required ones in lint.required_guards")
            }
        }
    }

    /// The SageMaker actions that take a VPC, isolation or volume-key guard.
    static func guardedActions(_ context: LintContext) throws -> Set<String> {
        try GrantIndexCache.shared.names("sagemaker-create-guarded", context: context) {
            var names: Set<String> = []
            for key in ["sagemaker:VpcSubnets", "sagemaker:NetworkIsolation", "sagemaker:VolumeKmsKey"] {
                names.formUnion(try GuardSupport.actions(["sagemaker:Create*"], supporting: key, context: context))
            }
            return names
        }
    }
}
