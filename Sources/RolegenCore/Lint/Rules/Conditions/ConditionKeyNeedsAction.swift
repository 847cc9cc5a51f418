/// Session tags and source identity are set by their own actions: a trust policy that requires
/// them must also allow those actions.
struct ConditionKeyNeedsAction: LintRule {
    let metadata = RuleMetadata(
        id: "condition-key-needs-action", title: "Condition on a session value whose setting action is not allowed",
        severity: .error, category: .conditions,
        rationale: """
            In a role trust policy, session tags (aws:RequestTag/…, aws:TagKeys, sts:TransitiveTagKeys) \
            can only be passed when the trust policy also allows sts:TagSession, and a source identity \
            (sts:SourceIdentity) only when it allows sts:SetSourceIdentity. A statement that requires \
            such a value while nothing in the policy allows the action that sets it can never be used: \
            requests without the value fail the condition, requests with it are denied the action.
            """,
        fix: "Allow sts:TagSession (or sts:SetSourceIdentity) for the same principals, in this statement or another one.",
        appliesTo: [.trust],
        equivalents: [.aa("MISSING_ACTION_FOR_CONDITION_KEY")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                 "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:RequestTag/project": "vision"}}}]}
                """#, type: .trust),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                 "Action": "sts:AssumeRole", "Condition": {"StringLike": {"sts:SourceIdentity": "*@example.com"}}}]}
                """#, type: .trust),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                 "Action": ["sts:AssumeRole", "sts:TagSession"], "Condition": {"StringEquals": {"aws:RequestTag/project": "vision"}}}]}
                """#, type: .trust),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                 "Action": "sts:AssumeRole", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["project"]}}}]}
                """#, type: .trust),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        let allowed = subject.view.statements.filter(\.isAllow).flatMap { $0.actions ?? [] }.map { $0.value.lowercased() }
        func policyAllows(_ action: String) -> Bool {
            allowed.contains { PolicySafety.globMatches(pattern: $0, text: action) }
        }
        for statement in subject.view.statements where statement.isAllow {
            for clause in statement.clauses {
                guard let needed = companion(of: clause.key.value), !policyAllows(needed.lowercased()) else { continue }
                let op = ConditionSupport.Operator(clause.operator.value)
                // Only a test that needs the value present makes the statement unusable.
                guard op.isKnown, ConditionSupport.outcomeWhenAbsent(op, values: clause.values.map(\.value)) == false else { continue }
                report.add("\(statement.label) requires '\(clause.key.value)', which a caller can only set with \(needed), and no "
                           + "statement of this trust policy allows \(needed): no request can meet the condition",
                           at: clause.key.location, statement: statement, suggestion: "add \"\(needed)\" to the statement's Action")
            }
        }
    }

    private func companion(of key: String) -> String? {
        let lowered = key.lowercased()
        if lowered.hasPrefix("aws:requesttag/") || lowered == "aws:tagkeys" || lowered == "sts:transitivetagkeys" { return "sts:TagSession" }
        if lowered == "sts:sourceidentity" { return "sts:SetSourceIdentity" }
        return nil
    }
}
