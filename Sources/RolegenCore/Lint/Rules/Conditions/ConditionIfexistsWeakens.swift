/// IfExists makes a condition pass for requests without the key.
struct ConditionIfexistsWeakens: LintRule {
    let metadata = RuleMetadata(
        id: "condition-ifexists-weakens", title: "IfExists on a security key in an Allow, or on a key every request has",
        severity: .medium, category: .conditions,
        rationale: """
            With IfExists a condition is true when the key is absent. In an Allow on a key that guards \
            access (source IP or VPC endpoint, organization, principal or resource tags, confused-deputy \
            keys, sts:ExternalId) that grants every request that lacks the key: calls through a VPC \
            endpoint have no aws:SourceIp, principals outside any organization no aws:PrincipalOrgID, \
            untagged principals no tags. (In a Deny, IfExists makes the Deny apply to such requests, \
            which is the safe direction.) On keys every request carries (aws:SecureTransport, \
            aws:RequestedRegion, aws:CurrentTime, ...) IfExists changes nothing and is reported as info.
            """,
        fix: "Remove IfExists, or add \"Null\": {\"<key>\": \"false\"} so that the key must be present.",
        equivalents: [.validator("ifexists_weakens_security_condition"), .validator("ifexists_on_always_present_key")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}
                """#, type: .resource),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*",
                 "Condition": {"StringNotEqualsIfExists": {"aws:RequestedRegion": "eu-west-1"}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*",
                 "Resource": "arn:aws:s3:::b/*", "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"},
                                                              "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}}}]}
                """#, type: .resource),
        ])

    private static let securityKeys: Set<String> = [
        "aws:sourceip", "aws:vpcsourceip", "aws:sourcevpc", "aws:sourcevpce", "aws:sourcevpcarn", "aws:principalorgid",
        "aws:principalorgpaths", "aws:principalarn", "aws:principalaccount", "aws:userid", "aws:username", "aws:sourceaccount",
        "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths", "aws:multifactorauthage", "sts:externalid",
    ]
    private static let securityKeyPrefixes = ["aws:principaltag/", "aws:resourcetag/"]

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for clause in statement.clauses {
                let op = ConditionSupport.Operator(clause.operator.value)
                guard op.isKnown, op.ifExists else { continue }
                let key = clause.key.value
                let lowered = key.lowercased()
                if ConditionSupport.alwaysPresentKeys.contains(lowered) {
                    let plain = (op.qualifier.map { $0.rawValue + ":" } ?? "") + op.base
                    report.add("every request carries '\(key)', so IfExists in '\(op.text)' changes nothing", at: clause.operator.location,
                               statement: statement, suggestion: "write '\(plain)'", severity: .info)
                    continue
                }
                guard statement.isAllow,
                      Self.securityKeys.contains(lowered) || Self.securityKeyPrefixes.contains(where: { lowered.hasPrefix($0) }),
                      !ConditionSupport.hasPresenceCheck(statement, key: key) else { continue }
                report.add("'\(op.text)' on '\(key)' in an Allow: requests without the key are granted too (for example "
                           + absentExample(lowered) + ")", at: clause.operator.location, statement: statement,
                           suggestion: "remove IfExists, or add \"Null\": {\"\(key)\": \"false\"}")
            }
        }
    }

    private func absentExample(_ key: String) -> String {
        switch key {
        case "aws:sourceip": "calls through a VPC endpoint"
        case "aws:sourcevpc", "aws:sourcevpce", "aws:sourcevpcarn", "aws:vpcsourceip": "calls that do not come through a VPC endpoint"
        case "aws:principalorgid", "aws:principalorgpaths": "principals of accounts outside any organization"
        case "aws:principalarn", "aws:principalaccount", "aws:userid": "anonymous requests"
        case "aws:username": "roles and federated users"
        case "aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths": "callers that are not an AWS service acting for a resource"
        case "aws:multifactorauthage": "requests without MFA"
        case "sts:externalid": "callers that send no external id"
        default: key.hasPrefix("aws:principaltag/") ? "untagged principals" : "untagged resources"
        }
    }
}
