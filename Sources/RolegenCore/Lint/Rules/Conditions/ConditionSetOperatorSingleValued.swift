/// ForAllValues/ForAnyValue compare sets; on a key with one value they mostly change what an
/// absent key does.
struct ConditionSetOperatorSingleValued: LintRule {
    let metadata = RuleMetadata(
        id: "condition-set-operator-single-valued", title: "ForAllValues or ForAnyValue on a single-valued key",
        severity: .high, category: .conditions,
        rationale: """
            The set qualifiers are meant for multivalued keys (the ArrayOf… types). On a single-valued \
            key they compare like the plain operator while the key is present, but ForAllValues is true \
            when the key is absent, and ForAnyValue false. In an Allow, ForAllValues therefore grants \
            every request that lacks the key; in a Deny, ForAnyValue with a negated operator spares \
            them. That is reported high for global keys a request may lack, medium for service keys \
            (the request may not set them), low where it changes nothing.
            """,
        fix: "Remove the qualifier: write the plain operator (StringEquals, StringLike, ...).",
        equivalents: [.aa("FORALLVALUES_WITH_SINGLE_VALUED_KEY"), .parliament("SINGLE_VALUE_CONDITION_TOO_PERMISSIVE"),
                      .validator("set_operator_on_single_valued_key")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"ForAllValues:StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}
                """#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*",
                 "Condition": {"ForAnyValue:StringEquals": {"iam:AWSServiceName": "sagemaker.amazonaws.com"}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"},
                               "ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        for statement in subject.view.statements {
            for clause in statement.clauses {
                let op = ConditionSupport.Operator(clause.operator.value)
                let key = clause.key.value
                guard op.isKnown, let qualifier = op.qualifier, op.base != "Null",
                      !key.equalsIgnoringCase("aws:MultiFactorAuthPresent") else { continue }
                let resolved = try ConditionSupport.resolve(key, catalog: subject.catalog)
                guard let definition = resolved.definition, !definition.isMultiValued,
                      !ConditionSupport.isDocumentedMultivalued(key, resolved: resolved) else { continue }
                let values = clause.values.map(\.value)
                let plain = ConditionSupport.Operator(op.withoutQualifier)
                let qualified = ConditionSupport.outcomeWhenAbsent(op, values: values)
                let unqualified = ConditionSupport.outcomeWhenAbsent(plain, values: values)
                let permissive = (statement.isAllow && qualified == true && unqualified == false)
                    || (statement.isDeny && qualified == false && unqualified == true)
                let fix = "write '\(op.withoutQualifier)'"
                guard permissive else {
                    report.add("'\(qualifier.rawValue):' is for multivalued keys; '\(key)' (\(definition.type)) has one value",
                               at: clause.operator.location, statement: statement, suggestion: fix, severity: .low)
                    continue
                }
                let consequence = statement.isAllow ? "the Allow grants every request that lacks the key"
                    : "the Deny spares every request that lacks the key"
                let severity: Severity
                let when: String
                if case .global = resolved {
                    let always = ConditionSupport.alwaysPresentKeys.contains(key.lowercased())
                    severity = always ? .low : .high
                    when = always ? "(this key is in every request, so it changes nothing in practice)" : ""
                } else {
                    severity = .medium
                    when = "(it is absent when the request does not set it)"
                }
                report.add("'\(qualifier.rawValue):' on the single-valued key '\(key)': the condition is \(qualified == true) when the key "
                           + "is absent (\(unqualified == true) without the qualifier), so \(consequence)" + (when.isEmpty ? "" : " \(when)"),
                           at: clause.operator.location, statement: statement, suggestion: fix, severity: severity)
            }
        }
    }
}
