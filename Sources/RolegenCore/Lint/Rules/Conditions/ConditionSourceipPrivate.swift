/// aws:SourceIp is the public address a request comes from; private addresses never appear in it.
struct ConditionSourceipPrivate: LintRule {
    let metadata = RuleMetadata(
        id: "condition-sourceip-private", title: "aws:SourceIp with private address ranges", severity: .error,
        category: .conditions,
        rationale: """
            aws:SourceIp holds the public IP address of the caller; requests through a VPC endpoint \
            carry no aws:SourceIp at all and are matched with aws:VpcSourceIp instead. A list of only \
            private ranges (10/8, 172.16/12, 192.168/16, loopback, link-local, shared and IPv6 \
            unique-local ranges) never matches with IpAddress, so the statement never applies, and \
            always matches with NotIpAddress. Private ranges mixed with public ones are dead entries \
            and reported low.
            """,
        fix: "Use public ranges with aws:SourceIp; for requests from your VPCs use aws:VpcSourceIp together with aws:SourceVpc or aws:SourceVpce.",
        equivalents: [.aa("PRIVATE_IP_ADDRESS"), .aa("PRIVATE_NOTIPADDRESS"), .aa("PRIVATE_IP_ADDRESS_SUBSET"),
                      .aa("PRIVATE_NOTIPADDRESS_SUBSET")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*",
                 "Condition": {"NotIpAddress": {"aws:SourceIp": ["10.0.0.0/8", "192.168.1.0/24"]}}}]}
                """#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "172.20.0.0/16"]}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24"], "aws:VpcSourceIp": "10.0.0.0/8"},
                               "StringEquals": {"aws:SourceVpc": "vpc-1a2b3c4d"}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for clause in statement.clauses where clause.key.value.equalsIgnoringCase("aws:SourceIp") {
                let op = ConditionSupport.Operator(clause.operator.value)
                guard op.isKnown, op.family == .ipAddress else { continue }
                let parsed = clause.values.compactMap { value in ConditionSupport.CIDR(value.value).map { (value, $0) } }
                let privateValues = parsed.filter { $0.1.isPrivate }
                guard let first = privateValues.first else { continue }
                let listed = ConditionSupport.names(privateValues.map(\.0.value))
                if privateValues.count == parsed.count {
                    let consequence: String
                    if op.isNegated {
                        consequence = "'\(op.text)' always matches"
                    } else {
                        consequence = "'\(op.text)' never matches, so the statement never \(statement.isDeny ? "denies" : "grants") anything"
                    }
                    report.add("aws:SourceIp holds public addresses only, and \(listed) \(privateValues.count == 1 ? "is" : "are") private: "
                               + consequence, at: first.0.location, statement: statement,
                               suggestion: "use aws:VpcSourceIp with aws:SourceVpc or aws:SourceVpce for addresses inside a VPC")
                } else {
                    report.add("\(listed) \(privateValues.count == 1 ? "is a private range" : "are private ranges"), which aws:SourceIp "
                               + "never holds", at: first.0.location, statement: statement,
                               suggestion: "remove \(privateValues.count == 1 ? "it, or test it" : "them, or test them") with aws:VpcSourceIp",
                               severity: .low)
                }
            }
        }
    }
}
