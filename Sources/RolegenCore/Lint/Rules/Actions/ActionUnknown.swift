/// An action IAM does not know grants nothing, and is usually a typo of one that was meant.
struct ActionUnknown: LintRule {
    let metadata = RuleMetadata(
        id: "action-unknown", title: "Unknown service or action", severity: .error, category: .actions,
        rationale: """
            An action the service does not define (or a pattern that matches none) is ignored: the \
            statement silently grants less than it says, and a typo often hides the action that was meant.
            """,
        fix: "Use the action's exact name; `rolegen catalog actions 'service:*Name*'` lists the candidates.",
        equivalents: [.aa("INVALID_ACTION"), .aa("INVALID_SERVICE_IN_ACTION"), .parliament("UNKNOWN_ACTION"),
                      .parliament("UNKNOWN_PREFIX"), .validator("invalid_action")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "arn:aws:s3:::b/*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemkr:CreateModel", "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:Frobnicate*", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "sagemaker:DeleteTrainingJob", "s3:get*"], "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        for statement in subject.view.statements {
            for action in (statement.actions ?? []) + (statement.notActions ?? []) {
                let name = action.value
                // The format rule reports what is not service:action; `*` is the wildcard rules' business.
                guard name != "*", let colon = name.firstIndex(of: ":"), colon != name.startIndex,
                      name.index(after: colon) != name.endIndex else { continue }
                let prefix = name[..<colon]
                if prefix.contains("*") || prefix.contains("?") {
                    if try subject.context.actions(matching: name).isEmpty {
                        report.add("'\(name)' matches no action of any service", at: action.location, statement: statement)
                    }
                    continue
                }
                if name.contains("*") || name.contains("?") {
                    if try subject.context.actions(matching: name).isEmpty {
                        let known = try subject.catalog.service(String(prefix)) != nil
                        report.add(known ? "'\(name)' matches no action of \(prefix)" : "unknown service '\(prefix)' in '\(name)'",
                                   at: action.location, statement: statement)
                    }
                    continue
                }
                switch try subject.context.lookup(name) {
                case .found, .malformed:
                    continue
                case .unknownService(let service, let suggestions):
                    report.add("unknown service '\(service)' in '\(name)'", at: action.location, statement: statement,
                               suggestion: suggestions.first.map { "did you mean '\($0)'?" })
                case .unknownAction(_, let suggestions):
                    report.add("unknown action '\(name)'", at: action.location, statement: statement,
                               suggestion: suggestions.first.map { "did you mean '\($0)'?" })
                }
            }
        }
    }
}
