/// The aws: tag keys are set only for the actions and resource types that support tag-based access.
struct ConditionTagKeyUnsupportedService: LintRule {
    let metadata = RuleMetadata(
        id: "condition-tag-key-unsupported-service", title: "Tag condition key on actions that do not support it",
        severity: .high, category: .conditions,
        rationale: """
            aws:ResourceTag/…, aws:RequestTag/… and aws:TagKeys are global keys, but a request carries \
            them only when the action (or its resource type) supports tag-based authorization, as the \
            Service Authorization Reference lists. For other actions the key is absent: a Deny on a tag \
            never denies them (or, with IfExists, always does), an Allow never grants them (or, with \
            IfExists or a negated operator, grants them whatever their tags). Deny statements are \
            reported high, Allow statements medium. A Deny whose tag test always holds for them is not \
            reported when other conditions of the statement decide (aws:RequestTag and \
            aws:ResourceTag tested together, for create and for other actions).
            """,
        fix: """
            Move the actions that do not support the key to their own statement and restrict them by \
            resource ARN (or by the service's own tag key, such as ec2:ResourceTag/…, where it has one).
            """,
        equivalents: [.aa("DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE"),
                      .aa("DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE"),
                      .aa("ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE"),
                      .aa("ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": ["sagemaker:DeleteModel", "sagemaker:ListModels"],
                 "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/protected": "true"}}}]}
                """#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*",
                 "Condition": {"StringEquals": {"aws:ResourceTag/protected": "true"}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": ["sagemaker:DeleteModel", "sagemaker:DeleteEndpoint"],
                 "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/protected": "true"}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        for statement in subject.view.statements where !statement.clauses.isEmpty {
            var actions: ConditionSupport.Actions??
            for clause in statement.clauses {
                guard ConditionSupport.TagKey(clause.key.value) != nil else { continue }
                let op = ConditionSupport.Operator(clause.operator.value)
                guard op.isKnown else { continue }
                guard let effect = ConditionSupport.absentKeyEffect(op, values: clause.values.map(\.value), statement: statement),
                      effect != .othersDecide else { continue }
                var consequence = "; for them \(effect.text(plural: true))"
                let severity: Severity = statement.isDeny ? .high : .medium
                let key = clause.key.value
                if statement.notActions != nil {
                    report.add("'\(key)' with NotAction: every action the statement covers that does not support tag-based "
                               + "authorization lacks the key, including actions AWS adds later" + consequence,
                               at: clause.key.location, statement: statement, suggestion: "list the actions in Action instead of NotAction",
                               severity: severity)
                    continue
                }
                if actions == nil { actions = .some(try ConditionSupport.actions(of: statement, context: subject.context)) }
                guard let actions = actions ?? nil else { continue }
                if actions.everyAction {
                    report.add("'\(key)' on every action ('*'): most actions do not support tag-based authorization" + consequence,
                               at: clause.key.location, statement: statement, suggestion: "list the actions that support the key",
                               severity: severity)
                    continue
                }
                let unsupported = try actions.definitions.filter {
                    try !ConditionSupport.supports(key, action: $0, catalog: subject.catalog)
                }
                guard !unsupported.isEmpty else { continue }
                if unsupported.count == 1 { consequence = "; for it \(effect.text(plural: false))" }
                var services: [String] = []
                for action in unsupported where !services.contains(action.service) { services.append(action.service) }
                report.add("\(ConditionSupport.names(unsupported.map(\.fullName))) \(unsupported.count == 1 ? "does" : "do") not support '\(key)' "
                           + "(service\(services.count == 1 ? "" : "s") \(services.joined(separator: ", ")))" + consequence,
                           at: clause.key.location, statement: statement,
                           suggestion: try serviceKeySuggestion(key, unsupported: unsupported, catalog: subject.catalog), severity: severity)
            }
        }
    }

    /// "use 'ec2:ResourceTag/team' for ec2:..." when the unsupported actions have their own tag key.
    private func serviceKeySuggestion(_ key: String, unsupported: [ActionDefinition], catalog: Catalog) throws -> String {
        let fallback = "move \(unsupported.count == 1 ? "it" : "them") to a statement restricted by resource ARN"
        guard let slash = key.firstIndex(of: "/"), ConditionSupport.TagKey(key) == .resourceTag else { return fallback }
        let tag = key[key.index(after: slash)...]
        let service = unsupported[0].service
        let candidate = "\(service):ResourceTag/\(tag)"
        guard try unsupported.allSatisfy({ try $0.service == service && ConditionSupport.supports(candidate, action: $0, catalog: catalog) })
        else { return fallback }
        return "use '\(candidate)' for \(unsupported.count == 1 ? "it" : "them")"
    }
}
