/// IAM stores policy documents in a restricted character set.
struct PolicyCharset: LintRule {
    let metadata = RuleMetadata(
        id: "policy-charset", title: "A character IAM does not accept in a policy", severity: .error, category: .grammar,
        rationale: """
            IAM policy documents may contain only tab, line feed, carriage return and the characters \
            U+0020 to U+00FF (the IAM quotas page and the IAM API's pattern for policy documents). A \
            typographic quote, a non-breaking hyphen pasted from a document, an emoji or a CJK \
            character anywhere in the policy, even in a Sid or a condition value, makes IAM reject it.
            """,
        fix: "Replace the character with its ASCII equivalent (straight quotes, '-'), or remove it.",
        appliesTo: [.identity, .boundary, .trust],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml\u2011data/*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "\u201cml\u201d"}}}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "caf\u00e9"}}}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        subject.view.root.forEachScalar { node in
            guard case .scalar(let scalar) = node.content,
                  let bad = Self.firstDisallowed(in: scalar.text) else { return }
            let code = "U+" + String(repeating: "0", count: max(0, 4 - String(bad.value, radix: 16).count))
                + String(bad.value, radix: 16, uppercase: true)
            let shown = bad.value >= 0x20 ? " '\(Character(bad))'" : ""
            report.add("character \(code)\(shown) in \(node.describedValue) is outside the characters IAM accepts in a policy "
                       + "(tab, line feed, carriage return, U+0020-U+00FF); IAM rejects the document",
                       at: node.location, suggestion: Self.replacement(for: bad).map { "write '\($0)' instead" } ?? "remove it")
        }
    }

    /// The first character outside IAM's set, or nil. Plain ASCII text, by far the most common, is checked byte by byte.
    static func firstDisallowed(in text: String) -> Unicode.Scalar? {
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x80) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return nil }
        return text.unicodeScalars.first { scalar in
            !(scalar.value == 0x09 || scalar.value == 0x0A || scalar.value == 0x0D || (0x20...0xFF).contains(scalar.value))
        }
    }

    /// The ASCII a pasted typographic character stands for.
    private static func replacement(for scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x2018, 0x2019, 0x201A, 0x2032: "'"
        case 0x201C, 0x201D, 0x201E, 0x2033: "\""
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212: "-"
        case 0x2026: "..."
        case 0x2002, 0x2003, 0x2009, 0x200A, 0x202F: " "
        default: nil
        }
    }
}
