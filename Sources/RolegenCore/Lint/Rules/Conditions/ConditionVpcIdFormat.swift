/// VPC and VPC endpoint ids are `vpc-` or `vpce-` and 8 or 17 hexadecimal digits.
struct ConditionVpcIdFormat: LintRule {
    let metadata = RuleMetadata(
        id: "condition-vpc-id-format", title: "Malformed VPC or VPC endpoint id", severity: .error, category: .conditions,
        rationale: """
            aws:SourceVpc (and aws:Ec2InstanceSourceVpc) hold ids like vpc-1a2b3c4d, aws:SourceVpce ids \
            like vpce-1a2b3c4d5e6f7a8b9: the prefix and 8 or 17 lower-case hexadecimal digits. A \
            malformed id (a VPC id in the endpoint key, a typo, upper case, an ARN) never equals the \
            request's value, so the condition never matches (or, negated, always does). Reported as an \
            error when no value of the list is usable, medium when some are.
            """,
        fix: "Copy the id from the VPC console or `aws ec2 describe-vpc-endpoints`; use vpc- ids with aws:SourceVpc and vpce- ids with aws:SourceVpce.",
        equivalents: [.aa("INVALID_VPC_FORMAT"), .aa("INVALID_VPCE_FORMAT")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*",
                 "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpc-1a2b3c4d"}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*",
                 "Condition": {"StringNotEquals": {"aws:SourceVpce": ["vpce-1a2b3c4d", "vpce-0123456789abcdef0"]},
                               "StringLike": {"aws:SourceVpc": "vpc-*"}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for clause in statement.clauses {
                let lowered = clause.key.value.lowercased()
                let prefix: String
                switch lowered {
                case "aws:sourcevpc", "aws:ec2instancesourcevpc": prefix = "vpc-"
                case "aws:sourcevpce": prefix = "vpce-"
                default: continue
                }
                let op = ConditionSupport.Operator(clause.operator.value)
                guard op.isKnown, op.family == .string else { continue }
                let checked = clause.values.filter {
                    !ConditionSupport.hasVariable($0.value) && !(op.isLike && ConditionSupport.hasWildcard($0.value))
                }
                let bad = checked.filter { !isID($0.value, prefix: prefix) }
                let severity: Severity = bad.count == checked.count ? .error : .medium
                for value in bad {
                    report.add("'\(value.value)' is not a \(prefix == "vpc-" ? "VPC" : "VPC endpoint") id (\(prefix) and 8 or 17 "
                               + "lower-case hex digits), so it never equals '\(clause.key.value)'", at: value.location, statement: statement,
                               suggestion: "write an id such as '\(prefix)1a2b3c4d'", severity: severity)
                }
            }
        }
    }

    private func isID(_ value: String, prefix: String) -> Bool {
        guard value.hasPrefix(prefix) else { return false }
        let digits = value.dropFirst(prefix.count)
        return (digits.count == 8 || digits.count == 17) && digits.allSatisfy { $0.isASCIIDigit || ("a"..."f").contains($0) }
    }
}
