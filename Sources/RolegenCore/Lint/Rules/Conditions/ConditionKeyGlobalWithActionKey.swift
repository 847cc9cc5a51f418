/// A global key where the action offers its own keys: a reminder to check which one is meant.
struct ConditionKeyGlobalWithActionKey: LintRule {
    let metadata = RuleMetadata(
        id: "condition-key-global-with-action-key", title: "Global condition key where the action has its own keys",
        severity: .info, category: .conditions,
        rationale: """
            Global keys can be written for every action, but not every request carries every global key \
            (aws:SourceVpce only through a VPC endpoint, aws:PrincipalOrgID only for members of an \
            organization). When the action documents keys of its own, one of them may state the \
            intended restriction more directly. Off by default, as in iam-policy-validator: it is a \
            prompt to review, not a defect.
            """,
        fix: "Check that the global key is in the action's request context, or use the action's own key; use IfExists only deliberately.",
        equivalents: [.validator("global_condition_key_with_action_specific")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*",
                 "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}
                """#, settings: "rules:\n  condition-key-global-with-action-key: true"),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*",
                 "Condition": {"StringEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com"}}}]}
                """#, settings: "rules:\n  condition-key-global-with-action-key: true"),
        ],
        enabledByDefault: false)

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        for statement in subject.view.statements where !statement.clauses.isEmpty {
            guard let actions = try ConditionSupport.actions(of: statement, context: subject.context) else { continue }
            for clause in statement.clauses {
                let key = clause.key.value
                guard key.lowercased().hasPrefix("aws:"), ConditionSupport.TagKey(key) == nil,
                      !ConditionSupport.alwaysPresentKeys.contains(key.lowercased()),
                      case .global = try ConditionSupport.resolve(key, catalog: subject.catalog) else { continue }
                for action in actions.definitions {
                    let own = try subject.catalog.conditionKeys(of: action).map(\.name).filter { !$0.lowercased().hasPrefix("aws:") }
                    guard !own.isEmpty else { continue }
                    report.add("global key '\(key)' is used with \(action.fullName), which documents its own keys "
                               + "(\(ConditionSupport.names(own))): check that the request carries '\(key)'",
                               at: clause.key.location, statement: statement)
                    break
                }
            }
        }
    }
}
