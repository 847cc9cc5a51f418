/// A SageMaker condition key on an action that never carries it: the statement can never allow the action.
struct GuardKeyUnsupported: LintRule {
    let metadata = RuleMetadata(
        id: "guard-key-unsupported", title: "SageMaker guard key that makes an action impossible", severity: .high, category: .ml,
        rationale: """
            A SageMaker guard such as sagemaker:VpcSubnets is only in the request of the calls that take \
            it (CreateTrainingJob, CreateProcessingJob, ...). For any other action the key is absent, and a \
            condition that needs it (Null "false", StringEquals, ArnLike, ForAnyValue, without IfExists) is \
            false: the Allow never applies to that action. Role Manager's VPC templates do this to \
            sagemaker:CreateTransformJob, which has no VPC keys, so batch transform fails with AccessDenied \
            under the "VPC" variant. In a Deny, a condition that holds when the key is absent (Null "true", \
            a negated operator, IfExists) denies the action every time.
            """,
        fix: """
            Move the actions that do not take the key to a statement of their own without that condition \
            (`rolegen catalog actions sagemaker:CreateTransformJob` lists the keys an action takes), or \
            add IfExists if the key is optional.
            """,
        appliesTo: PolicyType.all.subtracting([.trust]),
        equivalents: [.aa("UNSUPPORTED_ACTION_FOR_CONDITION_KEY")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sagemaker:CreateTrainingJob", "sagemaker:CreateTransformJob"],
                 "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"sagemaker:VpcSubnets": ["subnet-0abc"]},
                 "Null": {"sagemaker:VpcSubnets": "false"}}}]}
                """#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "sagemaker:CreateEndpoint",
                 "Resource": "*", "Condition": {"Null": {"sagemaker:VpcSubnets": "true"}}}]}
                """#, type: .scp),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sagemaker:CreateTrainingJob", "sagemaker:CreateProcessingJob"],
                 "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"sagemaker:VpcSubnets": ["subnet-0abc"]},
                 "Null": {"sagemaker:VpcSubnets": "false"}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreateTransformJob",
                 "Resource": "*", "Condition": {"StringEqualsIfExists": {"sagemaker:VpcSubnets": "subnet-0abc"}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        for statement in subject.view.statements where statement.isAllow || statement.isDeny {
            // Keys SageMaker does not define at all are condition-key-unknown's to report.
            let sagemaker = try subject.catalog.resources(of: "sagemaker")
            let guards = statement.clauses.filter { clause in
                clause.key.value.lowercased().hasPrefix("sagemaker:") && sagemaker?.conditionKey(named: clause.key.value) != nil
            }
            guard !guards.isEmpty, let actions = statement.actions else { continue }
            for action in actions {
                let definitions = try subject.context.actions(matching: action.value)
                guard !definitions.isEmpty else { continue }
                var impossible: [(name: String, key: String)] = []
                for definition in definitions {
                    if let key = try blockingKey(definition, statement: statement, guards: guards, catalog: subject.catalog) {
                        impossible.append((definition.fullName, key))
                    }
                }
                guard let first = impossible.first else { continue }
                let names = impossible.map(\.name)
                let wildcard = action.value.contains("*") || action.value.contains("?")
                let outcome = statement.isAllow ? "so this statement never allows \(names.count == 1 ? "it" : "them")"
                    : "so this Deny denies \(names.count == 1 ? "it" : "them") every time"
                let subjectText = wildcard
                    ? "\(names.count) of the actions '\(action.value)' matches (\(ActionList.describe(names))) never carry \(first.key)"
                    : "\(first.name) never carries \(first.key)"
                report.add("\(subjectText), \(outcome)", at: action.location, statement: statement,
                           suggestion: "move \(names.count == 1 ? names[0] : "them") to a statement without the \(first.key) condition",
                           severity: wildcard && statement.isAllow ? .medium : nil)
            }
        }
    }

    /// The key that decides the statement for an action that does not carry it: in an Allow, a
    /// clause that is false without the key; in a Deny, every clause true without its key.
    private func blockingKey(_ action: ActionDefinition, statement: StatementView, guards: [ConditionClause],
                             catalog: Catalog) throws -> String? {
        if statement.isAllow {
            for clause in guards where GuardSupport.valueWhenAbsent(clause) == false {
                if try !catalog.supports(clause.key.value, action: action) { return clause.key.value }
            }
            return nil
        }
        guard guards.count == statement.clauses.count else { return nil }
        for clause in guards {
            guard GuardSupport.valueWhenAbsent(clause) == true, try !catalog.supports(clause.key.value, action: action) else { return nil }
        }
        return guards.first?.key.value
    }
}
