/// A private address means something only together with the network it belongs to.
struct ConditionPairedKeys: LintRule {
    let metadata = RuleMetadata(
        id: "condition-paired-keys", title: "Condition key that needs its paired key", severity: .high, category: .conditions,
        rationale: """
            aws:VpcSourceIp compares the private address a request comes from through a VPC endpoint. \
            Private ranges repeat across VPCs and accounts, so 10.0.0.0/8 matches requests from any VPC \
            that uses it, another account's included. The IAM guidance (Access Analyzer's \
            MISSING_PAIRED_CONDITION_KEYS) is to pair it with aws:SourceVpc (or aws:SourceVpce) in the \
            same statement.
            """,
        fix: "Add \"StringEquals\": {\"aws:SourceVpc\": \"vpc-…\"} (or aws:SourceVpce) to the statement that tests aws:VpcSourceIp.",
        equivalents: [.aa("MISSING_PAIRED_CONDITION_KEYS")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"IpAddress": {"aws:VpcSourceIp": "10.0.0.0/16"}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"IpAddress": {"aws:VpcSourceIp": "10.0.0.0/16"}, "StringEquals": {"aws:SourceVpc": "vpc-1a2b3c4d"}}}]}
                """#),
        ])

    private static let partners = ["aws:SourceVpc", "aws:SourceVpce", "aws:SourceVpcArn"]

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            let keys = statement.clauses.map(\.key.value)
            guard !keys.contains(where: { key in Self.partners.contains { $0.equalsIgnoringCase(key) } }) else { continue }
            for clause in statement.clauses where clause.key.value.equalsIgnoringCase("aws:VpcSourceIp") {
                report.add("'\(clause.key.value)' without aws:SourceVpc or aws:SourceVpce: private ranges repeat across VPCs, so any VPC "
                           + "using them, in any account, matches", at: clause.key.location, statement: statement,
                           suggestion: "add \"StringEquals\": {\"aws:SourceVpc\": \"vpc-…\"}")
            }
        }
    }
}
