/// `${key}` or `${key, 'default'}`: anything else is rejected or never substituted.
struct VariableSyntax: LintRule {
    let metadata = RuleMetadata(
        id: "variable-syntax", title: "Malformed policy variable", severity: .error, category: .variables,
        rationale: """
            A policy variable is written ${key}, or ${key, 'default'} with the default value in single \
            quotes after a comma and a space ('' stands for a quote inside it); ${*}, ${?} and ${$} \
            stand for a literal *, ? and $. A missing closing brace, an empty ${}, a space or another \
            symbol inside the key, or an unquoted default is an error that Access Analyzer reports; the \
            offline linters do not check variables at all.
            """,
        fix: "Write the variable as ${aws:username} or ${aws:PrincipalTag/team, 'none'}.",
        equivalents: [.aa("MISSING_BRACE_IN_VARIABLE"), .aa("MISSING_QUOTE_IN_VARIABLE"), .aa("UNSUPPORTED_SPACE_IN_VARIABLE"),
                      .aa("EMPTY_VARIABLE"), .aa("UNSUPPORTED_SYMBOL_IN_VARIABLE")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username/*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${ aws:username }/*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::team-${aws:PrincipalTag/team, shared}/*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::home", "Condition": {"StringLike": {"s3:prefix": "${}/*"}}}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::home/${aws:username}/*", "arn:aws:s3:::team-${aws:PrincipalTag/team, 'shared'}/*", "arn:aws:s3:::literal-${*}-${$}"]}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        // Without Version 2012-10-17 nothing is substituted; variable-needs-2012 reports that.
        guard subject.view.isCurrentVersion else { return }
        subject.view.forEachStatement { statement in
            var found: [(value: Located<String>, variable: PolicyVariable, problem: PolicyVariable.Problem)] = []
            statement.forEachVariableCarrier { value, _ in
                for variable in PolicyVariables.scan(value.value) {
                    if let problem = variable.problem { found.append((value, variable, problem)) }
                }
            }
            for item in found {
                report.add(Self.message(item.variable, item.problem), at: item.value.location, statement: copy statement,
                           suggestion: item.variable.corrected.map { "write '\($0)'" } ?? Self.fallbackSuggestion(item.problem))
            }
        }
    }

    static func message(_ variable: PolicyVariable, _ problem: PolicyVariable.Problem) -> String {
        let text = variable.text.truncatedForMessage
        switch problem {
        case .missingBrace:
            return "policy variable '\(text)' has no closing '}'; IAM rejects it"
        case .empty:
            return "empty policy variable '\(text)'; IAM rejects it"
        case .space:
            return "policy variable '\(text)' has a space in its key; IAM allows no spaces there"
        case .missingQuote:
            return "the default value of policy variable '\(text)' must be in single quotes"
        case .unsupportedSymbol(let symbol):
            return "policy variable '\(text)' contains '\(symbol)', which a variable's key cannot hold"
        }
    }

    private static func fallbackSuggestion(_ problem: PolicyVariable.Problem) -> String? {
        switch problem {
        case .empty: "remove it, or name a key: ${aws:username}"
        case .unsupportedSymbol("*"), .unsupportedSymbol("?"), .unsupportedSymbol("$"):
            "write a literal *, ? or $ as ${*}, ${?}, ${$}, outside other variables"
        default: nil
        }
    }
}
