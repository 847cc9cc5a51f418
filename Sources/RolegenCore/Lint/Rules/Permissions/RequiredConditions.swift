/// The organisation's guards (settings `required_guards`): actions that must be constrained by a condition key.
struct RequiredConditions: LintRule {
    let metadata = RuleMetadata(
        id: "required-conditions", title: "Action allowed without the condition the organisation requires", severity: .high,
        category: .permissions,
        rationale: """
            The organisation lists in `lint.required_guards` the condition keys that must constrain some \
            actions wherever they are allowed: sagemaker:VpcSubnets on the SageMaker jobs, \
            sagemaker:VolumeKmsKey, sagemaker:RootAccess on notebook instances, aws:RequestedRegion. A \
            statement counts as guarded when it matches the key's value (an IfExists or ForAllValues form \
            alone lets a request without the key through, unless a Null "false" test on the key goes with \
            it), or when a Deny statement of the same policy conditioned on the key covers the action. \
            Actions that never carry the key are left out: requiring it would make them impossible (see \
            guard-key-unsupported). The rule reports nothing until guards are set.
            """,
        fix: """
            Add the key to the statement's Condition, e.g. "ForAllValues:StringEquals": {"sagemaker:VpcSubnets": \
            ["subnet-0abc"]} with "Null": {"sagemaker:VpcSubnets": "false"}.
            """,
        appliesTo: PolicyType.identityLike,
        equivalents: [.validator("missing_required_condition"), .validator("missing_required_condition_any_of"),
                      .validator("action_condition_enforcement")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*"}]}"#,
                        settings: "required_guards:\n  - actions: ['sagemaker:Create*Job']\n    key: sagemaker:VpcSubnets"),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*",
                 "Condition": {"ForAllValues:StringEquals": {"sagemaker:VpcSubnets": ["subnet-0abc"]}}}]}
                """#, settings: "required_guards:\n  - actions: ['sagemaker:CreateTrainingJob']\n    key: sagemaker:VpcSubnets"),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sagemaker:CreateTrainingJob", "sagemaker:CreateTransformJob"], "Resource": "*",
                 "Condition": {"ForAllValues:StringEquals": {"sagemaker:VpcSubnets": ["subnet-0abc"]}, "Null": {"sagemaker:VpcSubnets": "false"}}}]}
                """#, settings: "required_guards:\n  - actions: ['sagemaker:Create*Job']\n    key: sagemaker:VpcSubnets"),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*"},
                 {"Effect": "Deny", "Action": "sagemaker:CreateTrainingJob", "Resource": "*", "Condition": {"Null": {"sagemaker:VpcSubnets": "true"}}}]}
                """#, settings: "required_guards:\n  - actions: ['sagemaker:CreateTrainingJob']\n    key: sagemaker:VpcSubnets"),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        for guardSetting in subject.settings.requiredGuards {
            try check(guardSetting, subject, &report)
        }
    }

    private func check(_ guardSetting: LintSettings.RequiredGuard, _ subject: RuleSubject, _ report: inout RuleReport) throws {
        let required = try GuardSupport.actions(guardSetting.actions, supporting: guardSetting.key, context: subject.context)
        guard !required.isEmpty else { return }
        let statements = subject.view.statements
        for statement in statements where statement.isAllow {
            for (location, granted) in try GuardSupport.granted(by: statement, among: required, context: subject.context) {
                let unguarded = granted.filter { !GuardSupport.isGuarded($0, key: guardSetting.key, in: statement, policy: statements) }
                guard !unguarded.isEmpty else { continue }
                let weak = GuardSupport.weakClause(statement, key: guardSetting.key)
                report.add("\(statement.label) allows \(ActionList.describe(unguarded)) without the condition on \(guardSetting.key) "
                           + "that the organisation requires"
                           + (weak.map { ": \($0)" } ?? ""),
                           at: location, statement: statement,
                           suggestion: "constrain \(guardSetting.key) in the statement's Condition")
            }
        }
    }
}
