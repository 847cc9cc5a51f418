/// ForAllValues is true for a request without the key; ForAnyValue false.
struct ConditionForallvaluesAllowEmpty: LintRule {
    let metadata = RuleMetadata(
        id: "condition-forallvalues-allow-empty", title: "Set qualifier that passes requests without the key",
        severity: .medium, category: .conditions,
        rationale: """
            ForAllValues asks whether every value of the request is in the list, which is true when \
            the request has no value at all. In an Allow, a positive ForAllValues test therefore also \
            grants requests that lack the key, unless a Null check requires it. Symmetrically, \
            ForAnyValue is false without the key, so a Deny with a negated ForAnyValue test spares such \
            requests. Reported medium for global keys, which requests lack in documented cases, and low \
            for service keys, which usually mirror a request parameter that may be required. Lists of \
            tag keys are exempt: a request without tags sets no unwanted tag. ForAllValues with an empty \
            list matches only requests without the key.
            """,
        fix: "Add \"Null\": {\"<key>\": \"false\"} to the statement, so that the key must be present.",
        equivalents: [.aa("EMPTY_ARRAY_CONDITION_FORALLVALUES"), .validator("forallvalues_allow_without_null_check"),
                      .validator("foranyvalue_deny_without_null_check")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::b/*", "Condition": {"ForAllValues:StringLike": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/*"}}}]}
                """#, type: .resource),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"ForAnyValue:StringNotLike": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/*"}}}]}
                """#, type: .resource),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::b/*", "Condition": {"ForAllValues:StringLike": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/*"},
                                                               "Null": {"aws:PrincipalOrgPaths": "false"}}}]}
                """#, type: .resource),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*",
                 "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "project"]}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        for statement in subject.view.statements {
            for clause in statement.clauses {
                let op = ConditionSupport.Operator(clause.operator.value)
                guard op.isKnown, let qualifier = op.qualifier, op.base != "Null" else { continue }
                let key = clause.key.value
                if qualifier == .forAllValues, clause.valueNode.sequenceItems?.isEmpty == true {
                    report.add("'\(op.text)' with an empty list matches only requests without '\(key)'", at: clause.valueNode.location,
                               statement: statement, suggestion: "to require the key's absence, write \"Null\": {\"\(key)\": \"true\"}",
                               severity: .low)
                    continue
                }
                let resolved = try ConditionSupport.resolve(key, catalog: subject.catalog)
                // Single-valued keys are condition-set-operator-single-valued's finding.
                if let definition = resolved.definition, !definition.isMultiValued,
                   !ConditionSupport.isDocumentedMultivalued(key, resolved: resolved) { continue }
                guard !ConditionSupport.hasPresenceCheck(statement, key: key), !key.lowercased().hasSuffix("tagkeys") else { continue }
                // Global keys are absent in documented cases; a service key usually mirrors a request
                // parameter, which may be required.
                let global: Bool
                if case .global = resolved { global = true } else { global = ConditionSupport.isDocumentedMultivalued(key, resolved: resolved) }
                let may = global ? "" : " (if a request can lack the key: it may mirror a required parameter)"
                if statement.isAllow && qualifier == .forAllValues && !op.isNegated {
                    report.add("'\(op.text)' is also true for requests without '\(key)', so the Allow grants them too\(may)",
                               at: clause.operator.location, statement: statement,
                               suggestion: "add \"Null\": {\"\(key)\": \"false\"} to require the key", severity: global ? nil : .low)
                } else if statement.isDeny && qualifier == .forAnyValue && op.isNegated {
                    report.add("'\(op.text)' is false for requests without '\(key)', so the Deny does not apply to them\(may)",
                               at: clause.operator.location, statement: statement,
                               suggestion: "add a statement that denies when \"Null\": {\"\(key)\": \"true\"}, or use ForAllValues",
                               severity: global ? nil : .low)
                }
            }
        }
    }
}
