/// An action is `service:action` (or `*`); IAM rejects anything else.
struct ActionFormat: LintRule {
    let metadata = RuleMetadata(
        id: "action-format", title: "Action is not service:action", severity: .error, category: .actions,
        rationale: """
            IAM rejects a policy whose Action or NotAction holds a string that is not "*" or a service \
            prefix and an action name joined by one ':' ("Actions/Conditions must be prefaced by a \
            vendor"). Prefixes and names are letters, digits and '-', with the wildcards '*' and '?'.
            """,
        fix: "Write the action as SERVICE:ActionName, e.g. \"s3:GetObject\"; `rolegen catalog actions` lists them.",
        equivalents: [.aa("INVALID_ACTION"), .parliament("EXCEPTION"), .validator("invalid_action")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3GetObject", "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject ", "s3:Get:Object"], "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": ":GetObject", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:Get*", "*", "sagemaker:*Training?ob"], "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for action in (statement.actions ?? []) + (statement.notActions ?? []) {
                guard let problem = ActionText.formatProblem(action.value) else { continue }
                report.add(problem + ": IAM rejects the policy", at: action.location, statement: statement,
                           suggestion: Self.repaired(action.value).map { "write '\($0)'" })
            }
        }
    }

    /// The action the string most likely meant, when a small repair makes it well-formed.
    static func repaired(_ text: String) -> String? {
        let squeezed = String(text.filter { !$0.isWhitespace })
        if squeezed != text, !squeezed.isEmpty, ActionText.formatProblem(squeezed) == nil { return squeezed }
        if !squeezed.contains(":") {
            for separator: Character in [".", "/", "_"] where squeezed.filter({ $0 == separator }).count == 1 {
                let candidate = squeezed.replacingOccurrences(String(separator), ":")
                if ActionText.formatProblem(candidate) == nil { return candidate }
            }
        }
        return nil
    }
}
