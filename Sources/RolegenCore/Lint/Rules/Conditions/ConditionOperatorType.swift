/// Each operator family compares one type of value; the key's type decides which.
struct ConditionOperatorType: LintRule {
    let metadata = RuleMetadata(
        id: "condition-operator-type", title: "Condition operator does not fit the key's type", severity: .medium,
        category: .conditions,
        rationale: """
            Numeric, Date, Bool, IpAddress, Binary and ARN operators parse the request's value as their \
            type: on a key of another type (NumericLessThan on a string key, Bool on an IP address) the \
            comparison fails and the condition does not do what it says. String operators on numbers, \
            dates, booleans or addresses compare text (\"010\" is not \"10\", a CIDR matches nothing) and \
            are reported low; String operators on ARN keys and ARN operators on string keys that hold \
            ARNs work, and are not reported (see condition-stringlike-on-arn). Key types come from the \
            Service Authorization Reference and the IAM User Guide; aws:EpochTime takes Date and Numeric \
            operators.
            """,
        fix: "Use the operator family of the key's type: NumericLessThan for Numeric keys, DateGreaterThan for Date keys, Bool for Bool keys, IpAddress for IP keys.",
        equivalents: [.aa("TYPE_MISMATCH"), .parliament("MISMATCHED_TYPE"), .validator("type_mismatch")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"NumericLessThan": {"aws:SourceIp": "10"}}}]}
                """#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"StringEquals": {"aws:SecureTransport": "true"}}}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*",
                 "Condition": {"Bool": {"aws:SecureTransport": "true"}, "NumericLessThan": {"aws:EpochTime": "1893456000"},
                               "StringEquals": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/ml"},
                               "ArnLike": {"kms:EncryptionContext:aws:s3:arn": "arn:aws:s3:::b/*"}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        for statement in subject.view.statements {
            for clause in statement.clauses {
                let op = ConditionSupport.Operator(clause.operator.value)
                guard op.isKnown, let family = op.family, family != .null,
                      let type = try ConditionSupport.resolve(clause.key.value, catalog: subject.catalog).definition?.type else { continue }
                let element = ConditionSupport.elementType(type)
                guard let severity = mismatch(family, element: element, key: clause.key.value) else { continue }
                let expected = Self.family(of: element)
                let replacement = expected.map { replacementOperator(op, family: $0) }
                let what = severity == .low ? "compares the text of" : "cannot compare"
                let article = type.first.map { "AEIOU".contains($0) } == true ? "an" : "a"
                report.add("'\(op.text)' \(what) '\(clause.key.value)', \(article) \(type) key", at: clause.operator.location, statement: statement,
                           suggestion: replacement.map { "use '\($0)'" }, severity: severity)
            }
        }
    }

    private func mismatch(_ family: ConditionSupport.Operator.Family, element: String, key: String) -> Severity? {
        switch (family, element) {
        case (.string, "String"), (.string, "ARN"), (.arn, "ARN"), (.arn, "String"), (.numeric, "Numeric"), (.date, "Date"),
             (.bool, "Bool"), (.ipAddress, "IPAddress"), (.binary, "Binary"):
            return nil
        case (.numeric, "Date") where key.equalsIgnoringCase("aws:EpochTime"):
            return nil
        case (.string, _), (.binary, _):
            return .low
        default:
            return .medium
        }
    }

    static func family(of type: String) -> ConditionSupport.Operator.Family? {
        switch type {
        case "String": .string
        case "ARN": .arn
        case "Numeric": .numeric
        case "Date": .date
        case "Bool": .bool
        case "IPAddress": .ipAddress
        case "Binary": .binary
        default: nil
        }
    }

    /// The operator of `family` that tests what `op` tests, with the same qualifier and suffix.
    private func replacementOperator(_ op: ConditionSupport.Operator, family: ConditionSupport.Operator.Family) -> String {
        let base: String
        switch family {
        case .string: base = op.isNegated ? "StringNotEquals" : "StringEquals"
        case .arn: base = op.isNegated ? "ArnNotLike" : "ArnLike"
        case .numeric: base = op.isNegated ? "NumericNotEquals" : "NumericEquals"
        case .date: base = op.isNegated ? "DateNotEquals" : "DateEquals"
        case .bool: base = "Bool"
        case .ipAddress: base = op.isNegated ? "NotIpAddress" : "IpAddress"
        case .binary: base = "BinaryEquals"
        case .null: base = "Null"
        }
        return (op.qualifier.map { $0.rawValue + ":" } ?? "") + base + (op.ifExists ? "IfExists" : "")
    }
}
