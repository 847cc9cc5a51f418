/// What the grammar and variable rules share: the element names of the policy language, walks
/// over the raw tree (a policy may be any JSON), and the policy-variable scanner.
enum PolicyGrammar {
    static let topLevelElements = ["Version", "Id", "Statement"]
    static let statementElements = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource",
                                    "NotResource", "Condition"]
    /// The policy types IAM or Organizations store, whose Sid rules are IAM's. Resource-based
    /// policies belong to other services (S3, SQS, SNS, KMS...), which allow more.
    static let iamTypes: Set<PolicyType> = [.identity, .boundary, .trust, .scp, .rcp]
    /// Every type but the role trust policy, which has no Resource element.
    static let typesWithResource: Set<PolicyType> = [.identity, .boundary, .resource, .scp, .rcp]
}

extension SourceNode {
    /// The last entry with this key, as the views read it (the key node carries its location).
    func lastEntry(_ key: String) -> Entry? {
        mappingEntries?.last { $0.key.scalarText == key }
    }

    /// Calls `body` with every scalar of the tree, keys included, in document order.
    func forEachScalar(_ body: (SourceNode) -> Void) {
        switch content {
        case .scalar:
            body(self)
        case .sequence(let items):
            for item in items { item.forEachScalar(body) }
        case .mapping(let entries):
            for entry in entries {
                entry.key.forEachScalar(body)
                entry.value.forEachScalar(body)
            }
        }
    }

    /// An unresolved CloudFormation intrinsic function (`{"Ref": "Bucket"}`, `{"Fn::GetAtt": [...]}`,
    /// `{"Fn::Sub": "..."}`): the template turns it into a string or a list before IAM sees the
    /// policy, so its JSON type here is not the policy's.
    var isIntrinsicFunction: Bool {
        guard let entries = mappingEntries, entries.count == 1, let key = entries[0].key.scalarText else { return false }
        return key == "Ref" || key.hasPrefix("Fn::")
    }

    /// The node's text for a message: a string's value quoted, otherwise its JSON kind.
    var describedValue: String {
        switch jsonKind {
        case .string: "'\((scalarText ?? "").truncatedForMessage)'"
        default: jsonKind.described
        }
    }
}

/// One `${...}` of a string, as IAM reads it in a Resource or Condition value.
struct PolicyVariable: Equatable {
    enum Problem: Equatable {
        /// `${aws:username` — no closing brace.
        case missingBrace
        /// `${}`.
        case empty
        /// `${ aws:username}`.
        case space
        /// `${aws:username, anonymous}` — the default value is not in single quotes.
        case missingQuote
        /// `${aws:user#name}`.
        case unsupportedSymbol(Character)
    }

    /// As written, from `${` to `}` (to the end of the string when it is not closed).
    var text: String
    /// The key it names: `aws:username`, or `*`, `?`, `$` for the escapes.
    var name: String
    /// The text between the single quotes of `${key, 'default'}`.
    var defaultValue: String?
    var problem: Problem?

    /// `${*}`, `${?}`, `${$}`: a literal `*`, `?` or `$`.
    var isEscape: Bool { problem == nil && (name == "*" || name == "?" || name == "$") }

    /// The variable written the way IAM accepts it, when that can be said.
    var corrected: String? {
        switch problem {
        case nil, .empty?, .unsupportedSymbol?: return nil
        case .missingBrace?, .space?, .missingQuote?:
            let key = String(name.filter { !$0.isWhitespace })
            guard !key.isEmpty else { return nil }
            let fallback = defaultValue.map { ", '\($0.replacingOccurrences("'", "''"))'" } ?? ""
            return "${\(key)\(fallback)}"
        }
    }
}

enum PolicyVariables {
    /// Characters a variable's key may hold besides letters and digits: those of condition keys
    /// (`s3:x-amz-acl`, `aws:PrincipalTag/team`) and of tag keys (`+ - = . _ : / @`).
    private static let keySymbols: Set<Character> = [":", "/", "-", "_", ".", "@", "+", "="]

    /// Whether the text holds `${`, the start of a variable (cheap: most strings do not).
    static func mayContain(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "{") && previous == UInt8(ascii: "$") { return true }
            previous = byte
        }
        return false
    }

    /// Every `${...}` of the text, in order, with what is wrong with it.
    static func scan(_ text: String) -> [PolicyVariable] {
        guard mayContain(text) else { return [] }
        let chars = Array(text)
        let count = chars.count
        var result: [PolicyVariable] = []
        var index = 0
        while index + 1 < count {
            guard chars[index] == "$" && chars[index + 1] == "{" else {
                index += 1
                continue
            }
            let start = index
            var cursor = index + 2
            while cursor < count && chars[cursor] != "}" && chars[cursor] != "," { cursor += 1 }
            let name = String(chars[(start + 2)..<cursor])
            func variable(upTo end: Int, defaultValue: String? = nil, problem: PolicyVariable.Problem?) -> PolicyVariable {
                PolicyVariable(text: String(chars[start..<min(end, count)]), name: name, defaultValue: defaultValue,
                               problem: problem)
            }
            if cursor == count {
                result.append(variable(upTo: count, problem: .missingBrace))
                break
            }
            if chars[cursor] == "}" {
                result.append(variable(upTo: cursor + 1, problem: problem(ofName: name)))
                index = cursor + 1
                continue
            }
            // `${key, 'default'}`: a comma, spaces, then the default value in single quotes ('' is a quote).
            var quote = cursor + 1
            while quote < count && chars[quote] == " " { quote += 1 }
            guard quote < count && chars[quote] == "'" else {
                let close = chars[quote...].firstIndex(of: "}")
                let unquoted = String(chars[quote..<(close ?? count)]).trimmed
                result.append(variable(upTo: close.map { $0 + 1 } ?? count, defaultValue: unquoted.isEmpty ? nil : unquoted,
                                       problem: close == nil ? .missingBrace : .missingQuote))
                if close == nil { break }
                index = (close ?? count) + 1
                continue
            }
            var closing = quote + 1
            var fallback = ""
            while closing < count {
                if chars[closing] == "'" {
                    if closing + 1 < count && chars[closing + 1] == "'" {
                        fallback.append("'")
                        closing += 2
                        continue
                    }
                    break
                }
                fallback.append(chars[closing])
                closing += 1
            }
            if closing >= count {
                let close = chars[(quote + 1)...].firstIndex(of: "}")
                result.append(variable(upTo: count, defaultValue: fallback, problem: close == nil ? .missingBrace : .missingQuote))
                break
            }
            var after = closing + 1
            while after < count && chars[after] == " " { after += 1 }
            if after < count && chars[after] == "}" {
                result.append(variable(upTo: after + 1, defaultValue: fallback, problem: problem(ofName: name)))
                index = after + 1
                continue
            }
            // Text after the closing quote: a quote inside the default value that is not doubled.
            let close = chars[after...].firstIndex(of: "}")
            result.append(variable(upTo: close.map { $0 + 1 } ?? count, defaultValue: fallback,
                                   problem: close == nil ? .missingBrace : .missingQuote))
            guard let close else { break }
            index = close + 1
        }
        return result
    }

    private static func problem(ofName name: String) -> PolicyVariable.Problem? {
        if name.allSatisfy({ $0 == " " || $0 == "\t" }) { return .empty }
        if name.contains(where: \.isWhitespace) { return .space }
        if name == "*" || name == "?" || name == "$" { return nil }
        if let symbol = name.first(where: { !($0.isLetter || $0.isNumber || keySymbols.contains($0)) }) {
            return .unsupportedSymbol(symbol)
        }
        return nil
    }
}

extension PolicyView {
    /// The statements to check: a CloudFormation intrinsic in place of a statement
    /// (`{"Fn::If": [...]}`) is resolved by the template, not read as a statement.
    var checkedStatements: [StatementView] {
        statements.filter { !$0.node.isIntrinsicFunction }
    }
}

extension StatementView {
    /// The strings IAM substitutes variables in: Resource and NotResource values, and condition values.
    var variableCarriers: [(value: Located<String>, clause: ConditionClause?)] {
        var result: [(value: Located<String>, clause: ConditionClause?)] = []
        for resource in (resources ?? []) + (notResources ?? []) { result.append((resource, nil)) }
        for clause in clauses {
            for value in clause.values { result.append((value, clause)) }
        }
        return result
    }
}
