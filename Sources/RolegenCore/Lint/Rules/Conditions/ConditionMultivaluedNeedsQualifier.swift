/// A key that can hold several values needs ForAllValues or ForAnyValue to say how they compare.
struct ConditionMultivaluedNeedsQualifier: LintRule {
    let metadata = RuleMetadata(
        id: "condition-multivalued-needs-qualifier", title: "Multivalued condition key without ForAllValues or ForAnyValue",
        severity: .error, category: .conditions,
        rationale: """
            aws:TagKeys, aws:CalledVia, aws:PrincipalOrgPaths and the other ArrayOf… keys can hold \
            several values. The IAM User Guide requires a set qualifier to compare them: ForAnyValue \
            (one value must match) or ForAllValues (every value must match). Without one, Access \
            Analyzer reports an error. Keys the IAM User Guide documents as multivalued (the global \
            ArrayOf… keys, Amazon Cognito's amr claim) are reported as errors; service keys the \
            Service Authorization Reference types ArrayOf… are reported medium.
            """,
        fix: "Write ForAnyValue:<operator> when one value must match, ForAllValues:<operator> when all must (and add a Null check in Allow statements).",
        equivalents: [.aa("MISSING_QUALIFIER"), .aa("CONFIRM_AUDIENCE_CLAIM_TYPE")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*",
                 "Condition": {"StringEquals": {"aws:TagKeys": ["team", "project"]}}}]}
                """#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
                 "Principal": {"Federated": "cognito-identity.amazonaws.com"},
                 "Condition": {"StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"}}}]}
                """#, type: .trust),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*",
                 "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "project"]}, "Null": {"aws:TagKeys": "false"}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        for statement in subject.view.statements {
            for clause in statement.clauses {
                let op = ConditionSupport.Operator(clause.operator.value)
                guard op.isKnown, op.qualifier == nil, op.base != "Null" else { continue }
                let key = clause.key.value
                let resolved = try ConditionSupport.resolve(key, catalog: subject.catalog)
                let documented = ConditionSupport.isDocumentedMultivalued(key, resolved: resolved)
                guard documented || resolved.definition?.isMultiValued == true else { continue }
                let source = documented ? "" : " (the Service Authorization Reference types it \(resolved.definition?.type ?? "ArrayOf…"))"
                report.add("'\(key)' can hold several values\(source), and '\(op.text)' does not say whether one or all must match",
                           at: clause.operator.location, statement: statement,
                           suggestion: "write 'ForAnyValue:\(op.text)' (one value must match) or 'ForAllValues:\(op.text)' (all must)",
                           severity: documented ? .error : .medium)
            }
        }
    }
}
