/// `s*:Get*` names actions of every service whose prefix fits, today's and tomorrow's.
struct ActionWildcardInService: LintRule {
    let metadata = RuleMetadata(
        id: "action-wildcard-in-service", title: "Wildcard in an action's service prefix", severity: .low, category: .actions,
        rationale: """
            A wildcard in the service prefix ("s*:Get*", "dynamodb*:Query") reaches the actions of every \
            service whose prefix fits, including services AWS launches later: the statement's reach is \
            hard to review and grows on its own.
            """,
        fix: "Name the services: \"s3:Get*\" and \"sqs:Get*\" instead of \"s*:Get*\".",
        equivalents: [.aa("WILDCARD_IN_SERVICE_NAME")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s*:Get*", "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*:Delete*", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "*"], "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        for statement in subject.view.statements {
            for action in (statement.actions ?? []) + (statement.notActions ?? []) where ActionText.hasWildcard(action.value) {
                // `*` and `*:*` are every action: the action-star rule's business.
                guard !ActionText.isEverything(action.value), let (service, _) = ActionText.split(action.value),
                      ActionText.hasWildcard(service) else { continue }
                let services = Set(try subject.context.patterns.expand(action.value).map { $0.service }).sorted()
                let reach = services.isEmpty ? "no service today"
                    : services.count <= 4 ? "the services \(services.quotedList(conjunction: "and"))"
                    : "\(services.count) services today (\(services.prefix(3).quotedList(conjunction: "and")), ...)"
                report.add("'\(action.value)' has a wildcard in its service prefix: it reaches \(reach), and every service AWS adds "
                           + "whose prefix fits", at: action.location, statement: statement,
                           suggestion: services.count == 1 ? "write '\(services[0]):\(action.value.split(separator: ":").last ?? "")'" : nil)
            }
        }
    }
}
