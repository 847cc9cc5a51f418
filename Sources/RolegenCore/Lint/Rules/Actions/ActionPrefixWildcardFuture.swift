/// `iam:pa*` cuts an action name short: it is a prefix chosen to match today's actions (what
/// policy_sentry's `--minimize` writes), and it silently grows when AWS adds actions.
struct ActionPrefixWildcardFuture: LintRule {
    let metadata = RuleMetadata(
        id: "action-prefix-wildcard-future", title: "Action pattern cut mid-word will grow with new actions", severity: .low,
        category: .actions,
        rationale: """
            A pattern that cuts an action name short ("iam:pa*" for iam:PassRole, "s3:getobjecta*" for \
            s3:GetObjectAcl and s3:GetObjectAttributes) was chosen to match today's action list, as \
            policy minimisers write them. Every action AWS adds whose name starts with the same letters is \
            allowed too, silently. Patterns on whole words ("ec2:Describe*", "s3:GetObject*") are not \
            reported: their growth is what their author asked for.
            """,
        fix: "Write the exact actions the pattern matches today (rolegen's generator always does).",
        appliesTo: [.identity, .resource],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:pa*", "Resource": "arn:aws:iam::111122223333:role/ml-*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:getobjecta*", "s3:getobjectl*"], "Resource": "arn:aws:s3:::ml-data/*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ec2:Describe*", "s3:GetObject*", "ec2:DescribeVpc*", "s3:*"], "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "iam:pa*", "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        for statement in subject.view.statements where statement.isAllow {
            for action in statement.actions ?? [] where action.value.utf8.last == UInt8(ascii: "*") {
                guard let (service, name) = ActionText.split(action.value), !ActionText.hasWildcard(service),
                      name.count > 1, name.last == "*", !ActionText.hasWildcard(name.dropLast()) else { continue }
                let stem = name.dropLast()
                let matched = try subject.context.patterns.expand(action.value)
                // Most of the names it matches must be cut mid-word: one oddly cased name in the
                // catalog ("Describelabel") does not make "Describe*" a minimiser's prefix.
                let cuts = matched.filter { Self.cutsMidWord($0.name, after: stem.count) }
                guard let cut = cuts.first, cuts.count * 2 > matched.count else { continue }
                let names = matched.map(\.fullName)
                let today = names.count <= 3 ? names.quotedList() : "\(names.count) actions (\(names.prefix(2).quotedList()), ...)"
                report.add("'\(action.value)' cuts '\(cut.fullName)' mid-word: it matches \(today) today, and any action AWS adds "
                           + "whose name starts with '\(stem)'", at: action.location, statement: statement,
                           suggestion: names.count <= 5 ? "write \(names.quotedList())" : "write the actions it matches today")
            }
        }
    }

    /// Whether `name` continues a word after its first `length` characters: the next character is
    /// a lower-case letter or digit, and not just a plural "s" (`DescribeVpc*` for DescribeVpcs).
    static func cutsMidWord(_ name: String, after length: Int) -> Bool {
        // Action names are ASCII letters, digits and '-'.
        let bytes = name.utf8
        guard length > 0, length < bytes.count else { return false }
        let start = bytes.index(bytes.startIndex, offsetBy: length)
        let next = bytes[start]
        func isLower(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
        func isUpper(_ byte: UInt8) -> Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
        guard isLower(next) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(next) else { return false }
        let after = bytes.index(after: start)
        if next == UInt8(ascii: "s") && (after == bytes.endIndex || isUpper(bytes[after])) { return false }
        return true
    }
}
