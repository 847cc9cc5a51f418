/// A service key is in the request context only of the actions that document it.
struct ConditionKeyNotForAction: LintRule {
    let metadata = RuleMetadata(
        id: "condition-key-not-for-action", title: "Condition key not evaluated by some actions of the statement", severity: .high,
        category: .conditions,
        rationale: """
            A service's condition key is set only for the actions (and resource types) that document \
            it. For the statement's other actions the key is absent: a positive test is always false and \
            a negated or IfExists test always true, so the condition silently does something else for \
            them, granting without the restriction or failing to deny. A Deny that never applies to them is \
            reported high; IfExists on a broad Allow (restricting only the actions that have the key, \
            usually on purpose) low; the rest medium. Global keys apply to every action \
            and are not checked here; the aws: tag keys have their own rule \
            (condition-tag-key-unsupported-service). Wildcards are expanded; NotAction statements are not \
            judged.
            """,
        fix: "Move the actions that do not evaluate the key to their own statement, with a condition they do evaluate.",
        equivalents: [.aa("UNSUPPORTED_ACTION_FOR_CONDITION_KEY"), .parliament("UNKNOWN_CONDITION_FOR_ACTION"),
                      .validator("invalid_condition_key")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetObject"],
                 "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/home/*"], "Condition": {"StringLike": {"s3:prefix": "home/*"}}}]}
                """#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "sagemaker:Create*", "Resource": "*",
                 "Condition": {"Bool": {"sagemaker:NetworkIsolation": "false"}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["iam:PassRole"],
                 "Resource": "arn:aws:iam::111122223333:role/ml", "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com",
                 "aws:SourceAccount": "111122223333"}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        for statement in subject.view.statements where !statement.clauses.isEmpty {
            var actions: ConditionSupport.Actions?
            for clause in statement.clauses {
                guard case .service(let prefix, _) = try ConditionSupport.resolve(clause.key.value, catalog: subject.catalog) else { continue }
                let op = ConditionSupport.Operator(clause.operator.value)
                guard op.isKnown else { continue }
                if actions == nil { actions = try ConditionSupport.actions(of: statement, context: subject.context) }
                guard let actions else { break }
                var unsupported = try actions.definitions.filter {
                    try !ConditionSupport.supports(clause.key.value, action: $0, catalog: subject.catalog)
                }
                if !unsupported.isEmpty, try ConditionSupport.needsLooseMatch(clause.key.value, catalog: subject.catalog) {
                    unsupported = try unsupported.filter {
                        try !ConditionSupport.supports(clause.key.value, action: $0, catalog: subject.catalog, loose: true)
                    }
                }
                let plural = actions.everyAction || unsupported.count != 1
                guard let effect = ConditionSupport.absentKeyEffect(op, values: clause.values.map(\.value), statement: statement),
                      effect != .othersDecide else { continue }
                let consequence = "; for \(plural ? "them" : "it") \(effect.text(plural: plural))"
                let severity: Severity
                switch effect {
                case .neverDenies: severity = .high
                case .doesNotRestrict where op.ifExists: severity = .low
                default: severity = .medium
                }
                if actions.everyAction {
                    report.add("'\(clause.key.value)' is set only by some \(prefix) actions, but the statement applies to every action"
                               + consequence, at: clause.key.location, statement: statement,
                               suggestion: "list the actions that evaluate the key instead of '*'", severity: severity)
                } else if !unsupported.isEmpty {
                    let names = ConditionSupport.names(unsupported.map(\.fullName))
                    report.add("\(names) \(unsupported.count == 1 ? "does" : "do") not evaluate '\(clause.key.value)'" + consequence,
                               at: clause.key.location, statement: statement,
                               suggestion: "move \(unsupported.count == 1 ? "it" : "them") to a statement without this condition",
                               severity: severity)
                }
            }
        }
    }
}
