/// Bits after the prefix length of a CIDR range are ignored.
struct ConditionCidrHostBits: LintRule {
    let metadata = RuleMetadata(
        id: "condition-cidr-host-bits", title: "CIDR range with host bits set", severity: .info, category: .conditions,
        rationale: """
            In 10.1.2.3/16 only the first 16 bits count: the range is 10.1.0.0/16. Writing it with host \
            bits set suggests a narrower range than the one that is allowed (or a typo in the prefix \
            length).
            """,
        fix: "Write the range's network address (10.1.0.0/16), or the prefix length that was meant (10.1.2.3/32).",
        equivalents: [.aa("IMPROVE_IP_RANGE")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.77/24"}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "198.51.100.7", "2001:db8::/32"]}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for clause in statement.clauses {
                let op = ConditionSupport.Operator(clause.operator.value)
                guard op.isKnown, op.family == .ipAddress else { continue }
                for value in clause.values {
                    guard let cidr = ConditionSupport.CIDR(value.value), cidr.hadPrefix, cidr.hasHostBits else { continue }
                    let network = cidr.normalized.text
                    report.add("'\(value.value)' has bits set after its /\(cidr.prefix) prefix, which are ignored: it is the range \(network)",
                               at: value.location, statement: statement, suggestion: "write '\(network)'")
                }
            }
        }
    }
}
