/// aws:MultiFactorAuthPresent is absent from requests signed with long-term keys: tests of it
/// that ignore that do not require MFA.
struct ConditionMfaAntipattern: LintRule {
    let metadata = RuleMetadata(
        id: "condition-mfa-antipattern", title: "MFA condition that does not require MFA", severity: .medium,
        category: .conditions,
        rationale: """
            aws:MultiFactorAuthPresent is true or false in requests made with temporary credentials, \
            and absent from requests signed with long-term access keys, which never use MFA. The IAM \
            User Guide's patterns are Allow with Bool true, and Deny with BoolIfExists false. Other \
            forms grant sessions without MFA (Allow with Bool false, BoolIfExists false or Null false: \
            high), grant only access keys (Allow with Null true), leave access keys or sessions without \
            MFA undenied (Deny with Bool false or Null true), or deny MFA sessions (inverted tests). \
            Allow with BoolIfExists true is the documented compromise that lets access keys through; it \
            is reported low.
            """,
        fix: "Allow with \"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}, or Deny with \"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}.",
        equivalents: [.parliament("BAD_PATTERN_FOR_MFA"), .validator("mfa_antipattern_bool_false"),
                      .validator("mfa_antipattern_boolif_exists_false"), .validator("mfa_antipattern_null_false"),
                      .validator("mfa_antipattern_null_true")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*",
                 "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}]}
                """#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                 "Action": "sts:AssumeRole", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}]}
                """#, type: .trust),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*",
                 "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}},
                 {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements where statement.isAllow || statement.isDeny {
            for clause in statement.clauses where clause.key.value.equalsIgnoringCase("aws:MultiFactorAuthPresent") {
                let op = ConditionSupport.Operator(clause.operator.value)
                guard op.isKnown, op.base == "Bool" || op.base == "Null" else { continue }
                let values = Set(clause.values.map { $0.value.lowercased() })
                guard let absent = ConditionSupport.outcomeWhenAbsent(op, values: Array(values)) else { continue }
                func matches(_ present: String) -> Bool { op.base == "Null" ? values.contains("false") : values.contains(present) }
                let withoutMFA = matches("false"), withMFA = matches("true")
                let written = "'\(op.text)' with \(values.sorted().joined(separator: " and "))"
                var finding: (String, Severity)?
                if statement.isAllow {
                    if withoutMFA {
                        finding = ("\(written) grants sessions that did not use MFA", .high)
                    } else if absent && !withMFA {
                        finding = ("\(written) grants only requests signed with long-term access keys, which never use MFA, "
                                   + "and not MFA sessions: the test is inverted", .medium)
                    } else if absent {
                        finding = ("\(written) also grants requests signed with long-term access keys, which never use MFA", .low)
                    } else if !withMFA {
                        finding = ("\(written) never grants sessions that used MFA", .medium)
                    }
                } else {
                    if withMFA {
                        finding = ("\(written) denies sessions that used MFA: the test is inverted", .medium)
                    } else if !withoutMFA {
                        finding = ("\(written) does not deny sessions that did not use MFA", .medium)
                    } else if !absent {
                        finding = ("\(written) does not deny requests signed with long-term access keys: the key is absent from them", .medium)
                    }
                }
                guard let (message, severity) = finding else { continue }
                let fix = statement.isAllow ? "write \"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}"
                    : "write \"BoolIfExists\": {\"aws:MultiFactorAuthPresent\": \"false\"}"
                report.add(message, at: clause.operator.location, statement: statement, suggestion: fix, severity: severity)
            }
        }
    }
}
