/// A key the service does not define is in no request context: the condition never matches as meant.
struct ConditionKeyUnknown: LintRule {
    let metadata = RuleMetadata(
        id: "condition-key-unknown", title: "Unknown global or service condition key", severity: .error, category: .conditions,
        rationale: """
            A condition on a key that AWS never sets always sees it absent: a positive test is always \
            false (an Allow grants nothing, a Deny denies nothing) and a negated or IfExists test is \
            always true (it restricts nothing). It is usually a typo. Global keys are checked against \
            the IAM User Guide's list, service keys against the catalog (the Service Authorization \
            Reference); keys of identity providers and of services the catalog does not know are not \
            judged.
            """,
        fix: "Use the key's exact name from the service's condition key table; `rolegen catalog show <service>` lists them.",
        equivalents: [.aa("INVALID_GLOBAL_CONDITION_KEY"), .aa("INVALID_SERVICE_CONDITION_KEY"), .aa("INVALID_SERVICE"),
                      .validator("invalid_condition_key")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"IpAddress": {"aws:SourceIP4": "203.0.113.0/24"}}}]}
                """#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b",
                 "Condition": {"StringLike": {"s3:prefixes": "home/*"}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b",
                 "Condition": {"StringLike": {"s3:Prefix": "home/*", "aws:PrincipalTag/team": "ml"},
                               "IpAddress": {"AWS:SourceIp": "203.0.113.0/24"}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        for statement in subject.view.statements {
            for clause in statement.clauses {
                let key = clause.key.value
                let names: [String]
                let kind: String
                switch try ConditionSupport.resolve(key, catalog: subject.catalog) {
                case .unknownGlobal:
                    // aws:ARN has its own rule, and so do tag keys without the tag.
                    if key.equalsIgnoringCase("aws:ARN") { continue }
                    names = GlobalConditionKeys.all.map(\.name) + ConditionSupport.extraGlobalKeys.map(\.name)
                    kind = "global condition key"
                case .unknownService(let prefix, let service):
                    names = service.conditionKeys.map(\.name).filter { $0.lowercased().hasPrefix(prefix + ":") }
                    kind = "condition key of \(service.name) (\(prefix))"
                default:
                    continue
                }
                if try ConditionSupport.keyMissingVariablePart(key, catalog: subject.catalog) != nil { continue }
                let suggestion = ConditionSupport.closeKeys(to: key, in: names).first.map { "did you mean '\($0)'?" }
                if subject.input.isAWSManaged {
                    report.add("'\(key)' is not a documented \(kind); AWS uses it in its own policy, so it may be an undocumented key "
                               + "the service sets", at: clause.key.location, statement: statement, suggestion: suggestion, severity: .low)
                } else {
                    report.add("unknown \(kind) '\(key)': no request carries it, so the condition never matches as meant",
                               at: clause.key.location, statement: statement, suggestion: suggestion)
                }
            }
        }
    }
}
