/// A variable stands for a condition key of the request; one that does not exist is never substituted.
struct VariableUnknown: LintRule {
    let metadata = RuleMetadata(
        id: "variable-unknown", title: "Policy variable that names no known condition key", severity: .medium,
        category: .variables,
        rationale: """
            A policy variable is replaced by the value of a condition key of the request: a global \
            key (aws:username, aws:userid, aws:PrincipalTag/<tag>, aws:PrincipalAccount, aws:SourceIp, \
            aws:CurrentTime...) or a key of the service the request is for (s3:prefix, \
            ec2:SourceInstanceARN). A misspelt key is never present, so the statement silently matches \
            nothing (or, with a default value, always the default). No peer checks this.
            """,
        fix: "Use a documented key; `rolegen catalog show <service>` lists a service's condition keys.",
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:usrname}/*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${username}/*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeDomain", "Resource": "*", "Condition": {"StringEquals": {"sagemaker:ResourceTag/domain": "${sagemaker:DomainIdentifier}"}}}]}"#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                 "Resource": ["arn:aws:s3:::home/${aws:username}/*", "arn:aws:s3:::team-${aws:PrincipalTag/team, 'shared'}/*",
                              "arn:aws:s3:::acct-${aws:PrincipalAccount}/*", "arn:aws:s3:::id/${cognito-identity.amazonaws.com:sub}/*"],
                 "Condition": {"StringEquals": {"sagemaker:ResourceTag/domain": "${sagemaker:DomainId}", "aws:userid": "${AWS:UserID}"}}}]}
                """#),
        ])

    /// Global key names for suggestions: `aws:PrincipalTag/${TagKey}` is offered as `aws:PrincipalTag/<tag-key>`.
    private static let globalNames = GlobalConditionKeys.all.map { name in
        name.name.firstIndex(of: "$").map { String(name.name[..<$0]) + "<tag-key>" } ?? name.name
    }

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        guard subject.view.isCurrentVersion else { return }
        try subject.view.forEachStatement { statement in
            var found: [(value: Located<String>, variable: PolicyVariable)] = []
            statement.forEachVariableCarrier { value, _ in
                for variable in PolicyVariables.scan(value.value) where variable.problem == nil && !variable.isEscape {
                    found.append((value, variable))
                }
            }
            guard !found.isEmpty else { return }
            let copied = copy statement
            for item in found {
                try check(item.variable, at: item.value.location, statement: copied, subject, &report)
            }
        }
    }

    private func check(_ variable: PolicyVariable, at location: SourceLocation, statement: StatementView, _ subject: RuleSubject,
                       _ report: inout RuleReport) throws {
        let name = variable.name
        guard let colon = name.firstIndex(of: ":") else {
            let global = Self.globalNames.first { $0.equalsIgnoringCase("aws:" + name) }
            report.add("'${\(name)}' names no condition key: keys are written service:key", at: location, statement: statement,
                       suggestion: global.map { "did you mean '${\($0)}'?" })
            return
        }
        let prefix = name[..<colon]
        if prefix.equalsIgnoringCase("aws") {
            if let definition = PolicyGrammar.globalKey(name) {
                if definition.isMultiValued {
                    report.add("'${\(name)}' is a multivalued key; a variable stands for one value, so IAM may not substitute it",
                               at: location, statement: statement, severity: .low)
                }
                return
            }
            let near = Suggestions.closest(to: name, in: Self.globalNames).first
            report.add("'${\(name)}' is not a global condition key, so IAM has no value to substitute", at: location,
                       statement: statement, suggestion: near.map { "did you mean '${\($0)}'?" })
            return
        }
        // Claims of identity providers (saml:sub, accounts.google.com:sub, an OIDC provider's keys) cannot be checked offline.
        if prefix.contains(".") || prefix.equalsIgnoringCase("saml") { return }
        // A service the catalog does not know may be newer than it: action-unknown speaks to services.
        guard let service = try subject.catalog.resources(of: String(prefix)) else { return }
        guard service.conditionKey(named: name) == nil else { return }
        let near = Suggestions.closest(to: name, in: service.conditionKeys.map(\.name)).first
        report.add("'${\(name)}' is not a condition key of \(service.name), so IAM has no value to substitute", at: location,
                   statement: statement, suggestion: near.map { "did you mean '${\($0)}'?" })
    }
}
