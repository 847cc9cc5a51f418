/// Resource control policies have a narrower grammar than IAM policies: Deny only, Principal "*",
/// no NotPrincipal or NotAction, no bare "*" action, and only the services RCPs support.
struct RcpGrammar: LintRule {
    let metadata = RuleMetadata(
        id: "rcp-grammar", title: "Statement outside the resource control policy grammar", severity: .error,
        category: .policyType,
        rationale: """
            A resource control policy you write must have "Effect": "Deny" (only the AWS-managed \
            RCPFullAWSAccess allows), "Principal": "*" (exceptions go into conditions), no NotPrincipal \
            and no NotAction, and actions of the services RCPs support, never "*" alone. Organizations \
            rejects other policies. The service list is rolegen's as of November 2026: s3, sts, sqs, kms, \
            secretsmanager, cognito-idp, cognito-identity, dynamodb, ecr, aoss and logs.
            """,
        fix: """
            Write Deny statements with "Principal": "*" and actions such as "s3:*", limited by \
            conditions (StringNotEqualsIfExists aws:PrincipalOrgID, …).
            """,
        appliesTo: [.rcp],
        equivalents: [.validator("invalid_rcp_effect"), .validator("invalid_rcp_principal"), .validator("invalid_rcp_not_principal"),
                      .validator("invalid_rcp_not_action"), .validator("invalid_rcp_wildcard_action"), .validator("missing_rcp_principal"),
                      .validator("unsupported_rcp_service")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]}"#, type: .rcp),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*", "Resource": "*"}]}"#, type: .rcp),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": ["ec2:*", "*"], "Resource": "*"}]}"#, type: .rcp),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "NotAction": "s3:GetObject", "Resource": "*"}]}"#, type: .rcp),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": ["s3:*", "sts:AssumeRole", "kms:Decrypt"], "Resource": "*",
                 "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}, "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}}}]}
                """#, type: .rcp),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}"#, type: .rcp),
        ])

    static let supportedServices: Set<String> = ["s3", "sts", "sqs", "kms", "secretsmanager", "cognito-idp", "cognito-identity", "dynamodb",
                                                 "ecr", "aoss", "logs"]

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        guard !subject.input.isAWSManaged else { return }
        for statement in subject.view.statements where !isFullAccess(statement) {
            // Other misspellings are effect-invalid's to report.
            if let effect = statement.effect, effect.value.equalsIgnoringCase("Allow") {
                report.add("\(statement.label) has Effect '\(effect.value)': resource control policies you write can only deny",
                           at: effect.location, statement: statement, suggestion: "write \"Effect\": \"Deny\" and express the exception as a condition")
            }
            checkPrincipal(statement, report: &report)
            if let key = PrincipalSupport.keyNode("NotAction", in: statement) {
                report.add("NotAction in \(statement.label): resource control policies do not accept it", at: key.location, statement: statement,
                           suggestion: "list the actions to deny in Action")
            }
            for action in statement.actions ?? [] {
                if action.value == "*" {
                    report.add("\"*\" alone is not accepted as an action in a resource control policy", at: action.location, statement: statement,
                               suggestion: "list the services' actions, such as \"s3:*\", \"sts:*\"")
                    continue
                }
                guard let colon = action.value.firstIndex(of: ":") else { continue }
                let service = action.value[..<colon].lowercased()
                guard !service.isEmpty, !PrincipalSupport.hasWildcard(service), !Self.supportedServices.contains(service) else { continue }
                report.add("'\(action.value)': resource control policies do not apply to \(service) (supported: "
                           + "\(Self.supportedServices.sorted().joined(separator: ", ")))", at: action.location, statement: statement,
                           suggestion: "remove it, or control \(service) with an SCP or its resource policies")
            }
        }
    }

    private func checkPrincipal(_ statement: StatementView, report: inout RuleReport) {
        if let key = PrincipalSupport.keyNode("NotPrincipal", in: statement) {
            report.add("NotPrincipal in \(statement.label): resource control policies accept only \"Principal\": \"*\"", at: key.location,
                       statement: statement, suggestion: "write \"Principal\": \"*\" with a condition on aws:PrincipalArn")
            return
        }
        guard let principal = statement.principal else {
            report.add("\(statement.label) has no Principal: resource control policies need \"Principal\": \"*\"", at: statement.node.location,
                       statement: statement, suggestion: "add \"Principal\": \"*\"")
            return
        }
        if !PrincipalSupport.isBareWildcard(principal) {
            report.add("the Principal of \(statement.label) must be \"*\" in a resource control policy; name exceptions in conditions",
                       at: principal.location, statement: statement,
                       suggestion: "write \"Principal\": \"*\" and add a condition such as StringNotEqualsIfExists aws:PrincipalAccount")
        }
    }

    /// RCPFullAWSAccess: the AWS-managed Allow of everything that every RCP hierarchy starts with.
    private func isFullAccess(_ statement: StatementView) -> Bool {
        statement.isAllow && PrincipalSupport.isBareWildcard(statement.principal) && statement.actions?.map(\.value) == ["*"]
            && statement.resources?.map(\.value) == ["*"] && statement.condition == nil
    }
}
