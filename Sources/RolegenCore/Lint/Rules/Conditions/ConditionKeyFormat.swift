/// A condition key is `prefix:name`; anything else names no key at all.
struct ConditionKeyFormat: LintRule {
    let metadata = RuleMetadata(
        id: "condition-key-format", title: "Condition key is not prefix:name", severity: .error, category: .conditions,
        rationale: """
            Condition keys are written service:name (aws:SourceIp, s3:prefix) or provider:claim \
            (token.actions.githubusercontent.com:sub). A key without the colon, with an empty side or \
            with surrounding spaces is in no request context, so the condition can never match as meant.
            """,
        fix: "Write the key as prefix:name, without spaces around it (for example aws:SourceVpce).",
        equivalents: [.aa("INVALID_CONDITION_KEY_FORMAT")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"StringEquals": {"SourceVpce": "vpce-1a2b3c4d"}}}]}
                """#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"StringEquals": {"aws:SourceVpce ": "vpce-1a2b3c4d"}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
                 "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
                 "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}}]}
                """#, type: .trust),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for clause in statement.clauses where !ConditionSupport.isWellFormed(clause.key.value) {
                let key = clause.key.value
                let trimmed = key.trimmed
                let problem: String
                var suggestion: String?
                if trimmed != key && ConditionSupport.isWellFormed(trimmed) {
                    problem = "has spaces around it"
                    suggestion = "write '\(trimmed)'"
                } else if !key.contains(":") {
                    problem = "has no prefix"
                    if let global = GlobalConditionKeys.all.first(where: { $0.name.dropFirst(4).lowercased() == key.lowercased() }) {
                        suggestion = "did you mean '\(global.name)'?"
                    }
                } else {
                    problem = "has an empty prefix or name"
                }
                report.add("condition key '\(key)' \(problem): keys are written prefix:name, and no request carries this one",
                           at: clause.key.location, statement: statement, suggestion: suggestion ?? "write the key as prefix:name")
            }
        }
    }
}
