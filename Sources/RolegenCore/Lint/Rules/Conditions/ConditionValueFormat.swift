/// Each operator family takes values of one format; a value in another format never matches.
struct ConditionValueFormat: LintRule {
    let metadata = RuleMetadata(
        id: "condition-value-format", title: "Condition value not in the operator's format", severity: .error,
        category: .conditions,
        rationale: """
            Bool and Null take true or false; Numeric operators numbers; Date operators ISO 8601 dates \
            (2026-01-31, 2026-01-31T12:00:00Z) or epoch seconds; IpAddress operators IPv4 or IPv6 \
            addresses or CIDR ranges; BinaryEquals base-64; ARN operators ARNs. A value in another \
            format never matches (a negated test always does), one JSON type per value list is \
            expected, and a single-valued Bool key compared with both true and false tests nothing. \
            Account and Region keys are checked too: '11112222333' or 'us-east' never equal a real \
            value. Reported as an error when no value of the list is usable, medium when some are; \
            epoch seconds on Date operators are reported low (Access Analyzer's INVALID_DATE_VALUE). \
            Values with policy variables are left to the variable rules.
            """,
        fix: "Write the value in the operator's format, or use the operator that fits the value.",
        equivalents: [.aa("TYPE_MISMATCH_BOOLEAN"), .aa("TYPE_MISMATCH_DATE"), .aa("TYPE_MISMATCH_IP_RANGE"),
                      .aa("TYPE_MISMATCH_NUMBER"), .aa("TYPE_MISMATCH_STRING"), .aa("INVALID_DATE_VALUE"),
                      .aa("INVALID_CONDITION_DATA_TYPE"), .aa("INVALID_CONDITION_MULTIPLE_BOOLEAN"), .aa("INVALID_REGION"),
                      .parliament("MISMATCHED_TYPE"), .parliament("MISMATCHED_TYPE_OPERATION_TO_NULL"),
                      .validator("invalid_value_format"), .validator("invalid_bool_value_for_operator"),
                      .validator("invalid_ip_cidr_format"), .validator("invalid_arn_format_for_operator")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/33"}}}]}
                """#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"DateLessThan": {"aws:CurrentTime": "31/12/2026"}}}]}
                """#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*",
                 "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "EU-Central"]}}}]}
                """#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"Bool": {"aws:SecureTransport": ["true", "false"]}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]},
                               "DateLessThan": {"aws:CurrentTime": "2026-12-31T23:59:59Z"}, "Bool": {"aws:SecureTransport": true},
                               "NumericLessThan": {"aws:MultiFactorAuthAge": 3600},
                               "StringEquals": {"aws:RequestedRegion": "eu-west-1", "aws:ResourceAccount": "111122223333"},
                               "ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/ml-*"}}}]}
                """#),
        ])

    private static let accountKeys: Set<String> = ["aws:sourceaccount", "aws:resourceaccount", "aws:principalaccount",
                                                   "aws:vpceaccount", "s3:resourceaccount"]

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for clause in statement.clauses {
                let op = ConditionSupport.Operator(clause.operator.value)
                guard op.isKnown, let family = op.family else { continue }
                var kinds: [JSONKind] = []
                for node in clause.valueNode.sequenceItems ?? [] {
                    let kind = node.jsonKind
                    if (kind == .string || kind == .number || kind == .boolean) && !kinds.contains(kind) { kinds.append(kind) }
                }
                if kinds.count > 1 {
                    let described = kinds.map(\.rawValue).sorted().joined(separator: ", ")
                    report.add("the values of '\(clause.key.value)' mix JSON types (\(described)): write them all as strings",
                               at: clause.valueNode.location, statement: statement, suggestion: "quote every value")
                }
                var problems: [(value: Located<String>, problem: String, suggestion: String?, severity: Severity?)] = []
                let checked = clause.values.filter { !ConditionSupport.hasVariable($0.value) }
                for value in checked {
                    if let problem = problem(with: value.value, family: family, op: op, key: clause.key.value) {
                        problems.append((value, problem.text, problem.suggestion, problem.severity))
                    }
                }
                let blocking = problems.filter { $0.severity == nil }
                let allUnusable = !checked.isEmpty && blocking.count == checked.count
                for item in problems {
                    report.add(item.problem, at: item.value.location, statement: statement, suggestion: item.suggestion,
                               severity: item.severity ?? (allUnusable ? .error : .medium))
                }
                if (family == .bool) && op.qualifier == nil {
                    let distinct = Set(checked.map { $0.value.lowercased() }.filter { $0 == "true" || $0 == "false" })
                    if distinct.count == 2 {
                        report.add("'\(clause.key.value)' is compared with both true and false: the condition holds whenever the key is present",
                                   at: clause.valueNode.location, statement: statement,
                                   suggestion: "keep one value, or test presence with \"Null\": {\"\(clause.key.value)\": \"false\"}")
                    }
                }
            }
        }
    }

    private struct Problem {
        var text: String
        var suggestion: String?
        /// `nil`: the value can never match (the clause's severity depends on its other values).
        var severity: Severity?
    }

    private func problem(with value: String, family: ConditionSupport.Operator.Family, op: ConditionSupport.Operator,
                         key: String) -> Problem? {
        switch family {
        case .bool, .null:
            guard !ConditionSupport.isBoolean(value) else { return nil }
            return Problem(text: "'\(op.base)' takes true or false, not '\(value)'", suggestion: "write \"true\" or \"false\"")
        case .numeric:
            guard !ConditionSupport.isNumber(value) else { return nil }
            return Problem(text: "'\(value)' is not a number, so '\(op.text)' never matches it", suggestion: "write a number such as \"3600\"")
        case .date:
            switch ConditionSupport.dateForm(value) {
            case .iso8601?:
                return nil
            case .epoch?:
                guard !key.equalsIgnoringCase("aws:EpochTime") else { return nil }
                return Problem(text: "'\(value)' is read as epoch seconds; an ISO 8601 date says what is meant",
                               suggestion: "write a date such as \"2026-12-31T23:59:59Z\"", severity: .low)
            case nil:
                return Problem(text: "'\(value)' is not an ISO 8601 date or epoch seconds, so '\(op.text)' never matches it",
                               suggestion: "write a date such as \"2026-12-31\" or \"2026-12-31T23:59:59Z\"")
            }
        case .ipAddress:
            guard ConditionSupport.CIDR(value) == nil else { return nil }
            return Problem(text: "'\(value)' is not an IP address or CIDR range", suggestion: "write a range such as \"203.0.113.0/24\"")
        case .binary:
            guard !ConditionSupport.isBase64(value) else { return nil }
            return Problem(text: "'\(value)' is not base-64, which BinaryEquals compares", suggestion: "write the base-64 encoding of the bytes")
        case .arn:
            guard value != "*" else { return nil }
            guard value.hasPrefix("arn:") else {
                return Problem(text: "'\(value)' is not an ARN (arn:partition:service:region:account:resource), which '\(op.text)' "
                               + "compares field by field", suggestion: "write a full ARN, with '*' in the fields that may vary")
            }
            let fields = ConditionSupport.arnFields(value).count
            guard fields < 6 else { return nil }
            return Problem(text: "'\(value)' has \(fields) of the six ARN fields; '\(op.text)' compares field by field, so it may "
                           + "never match", suggestion: "write all six fields, with '*' in those that may vary", severity: .medium)
        case .string:
            return stringProblem(value, op: op, key: key)
        }
    }

    /// Account ids and Region names compared for equality.
    private func stringProblem(_ value: String, op: ConditionSupport.Operator, key: String) -> Problem? {
        let lowered = key.lowercased()
        let account = Self.accountKeys.contains(lowered), region = lowered == "aws:requestedregion"
        guard account || region, !(op.isLike && ConditionSupport.hasWildcard(value)) else { return nil }
        if account {
            guard !(value.count == 12 && value.allSatisfy(\.isASCIIDigit)) else { return nil }
            return Problem(text: "'\(value)' is not an account id (12 digits), so it never equals '\(key)'",
                           suggestion: "write the 12-digit account id, with its leading zeros")
        }
        let name = op.base.hasSuffix("IgnoreCase") ? value.lowercased() : value
        if AWSPartitions.regions[name] != nil || looksLikeRegion(name) { return nil }
        let near = Suggestions.closest(to: value, in: Array(AWSPartitions.regions.keys)).first
        return Problem(text: "'\(value)' is not a Region name, so it never equals '\(key)'",
                       suggestion: near.map { "did you mean '\($0)'?" } ?? "write a Region name such as \"eu-west-1\"")
    }

    /// `xx-name-1`: a Region the table may not know yet.
    private func looksLikeRegion(_ name: String) -> Bool {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isASCIIDigit) else { return false }
        return parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { ("a"..."z").contains($0) } }
    }
}
