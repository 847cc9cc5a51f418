/// IAM accepts only ASCII letters and digits in a Sid.
struct SidCharset: LintRule {
    let metadata = RuleMetadata(
        id: "sid-charset", title: "Sid with characters other than A-Z, a-z, 0-9", severity: .error, category: .grammar,
        rationale: """
            In IAM (identity policies, permissions boundaries, role trust policies) and in Organizations \
            policies, a Sid may contain only ASCII letters and digits; IAM rejects "read-s3" or \
            "Read S3". Resource-based policies of other services allow more (SQS and SNS use \
            "__owner_statement"), so they are not checked.
            """,
        fix: "Write the Sid in CamelCase without separators: ReadS3.",
        appliesTo: PolicyGrammar.iamTypes,
        equivalents: [.aa("UNSUPPORTED_SID"), .parliament("INVALID_SID"), .validator("invalid_sid_format")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Sid": "read-s3", "Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Sid": "Allow SageMaker", "Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#,
                        type: .trust),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Sid": "ReadS3", "Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        subject.view.forEachStatement { statement in
            guard let sid = statement.sid, !sid.value.isEmpty, !sid.value.utf8.allSatisfy(Self.isAlphanumeric),
                  statement.element("Sid")?.jsonKind == .string else { return }
            let fixed = Self.camelCased(sid.value)
            report.add("the Sid '\(sid.value.truncatedForMessage)' has characters other than A-Z, a-z and 0-9; IAM rejects the policy",
                       at: sid.location, statement: copy statement,
                       suggestion: fixed.isEmpty ? "use letters and digits only" : "write '\(fixed)'")
        }
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// "read-s3 bucket" → "readS3Bucket": separators dropped, the next letter capitalised.
    static func camelCased(_ sid: String) -> String {
        var result = ""
        var capitalizeNext = false
        for scalar in sid.unicodeScalars {
            guard scalar.isASCII, isAlphanumeric(UInt8(scalar.value)) else {
                capitalizeNext = !result.isEmpty
                continue
            }
            let character = Character(scalar)
            result.append(capitalizeNext ? Character(character.uppercased()) : character)
            capitalizeNext = false
        }
        return result
    }
}
