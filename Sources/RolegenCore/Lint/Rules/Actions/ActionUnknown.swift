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
        let lists = try StatementActions.of(subject)
        for (position, statement) in subject.view.statements.enumerated() {
            let listed = lists[position].actions.map { ($0, false) } + lists[position].notActions.map { ($0, true) }
            // The format rule reports what is not service:action; `*` is the wildcard rules' business.
            for (entry, excluded) in listed where entry.actions.isEmpty && entry.isWellFormed && !entry.isEverything {
                let name = entry.text.value, location = entry.text.location
                let prefix = name.prefix { $0 != ":" }
                let effect = Self.effect(statement, excluded: excluded)
                if entry.isPattern {
                    let message = ActionText.hasWildcard(prefix) ? "'\(name)' matches no action of any service"
                        : subject.catalog.serviceName(String(prefix)) != nil ? "'\(name)' matches no action of \(prefix)"
                        : "unknown service '\(prefix)' in '\(name)'"
                    report.add(message + ": it \(effect)", at: location, statement: statement)
                    continue
                }
                let (serviceKnown, suggestions) = try subject.context.patterns.suggestions(for: name)
                let what = serviceKnown ? "unknown action '\(name)'" : "unknown service '\(prefix)' in '\(name)'"
                report.add(what + ": it \(effect)" + Self.newerHint(suggestions, subject), at: location, statement: statement,
                           suggestion: suggestions.first.map { "did you mean '\($0)'?" }, severity: suggestions.isEmpty ? .medium : nil)
            }
        }
    }

    /// A name close to a known one is a typo; one close to nothing may be newer than the catalog
    /// (or retired), which rolegen cannot tell offline, so it is reported at medium severity.
    static func newerHint(_ suggestions: [String], _ subject: RuleSubject) -> String {
        suggestions.isEmpty ? " (unless AWS added it after rolegen's catalog of \(subject.catalog.metadata.date))" : ""
    }

    /// What an action that names nothing does in this statement.
    static func effect(_ statement: StatementView, excluded: Bool) -> String {
        if excluded { return "excludes nothing from the statement" }
        return statement.isDeny ? "denies nothing" : "grants nothing"
    }
}
