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

    /// Calls `body` with every scalar of the tree, keys included, in document order. Nodes are
    /// lent, not copied: the whole-document rules walk every policy. With `skippingIntrinsics`,
    /// CloudFormation intrinsics (`{"Fn::Sub": "...${AWS::AccountId}..."}`) are left out.
    func forEachScalar(skippingIntrinsics: Bool = false, _ body: (borrowing SourceNode) -> Void) {
        switch content {
        case .scalar:
            body(self)
        case .sequence(let items):
            for index in items.indices { items[index].forEachScalar(skippingIntrinsics: skippingIntrinsics, body) }
        case .mapping(let entries):
            if skippingIntrinsics && isIntrinsicFunction { return }
            for index in entries.indices {
                entries[index].key.forEachScalar(skippingIntrinsics: skippingIntrinsics, body)
                entries[index].value.forEachScalar(skippingIntrinsics: skippingIntrinsics, body)
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
            var key = String(name.filter { !$0.isWhitespace })
            if problem == .missingBrace {
                // Unclosed, the key runs to the end of the string: it ends where a key cannot go on ("${aws:username/*").
                key = String(key.prefix { PolicyVariables.isKeyCharacter($0) })
                while key.hasSuffix("/") || key.hasSuffix(".") || key.hasSuffix("-") { key.removeLast() }
            }
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
        // Unicode scalars, not characters: a `}` or `'` is never part of a larger character.
        let chars = Array(text.unicodeScalars)
        let count = chars.count
        func string(_ range: Range<Int>) -> String {
            var result = ""
            result.unicodeScalars.append(contentsOf: chars[range])
            return result
        }
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
            let name = string((start + 2)..<cursor)
            func variable(upTo end: Int, defaultValue: String? = nil, problem: PolicyVariable.Problem?) -> PolicyVariable {
                PolicyVariable(text: string(start..<min(end, count)), name: name, defaultValue: defaultValue, problem: problem)
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
                let unquoted = string(quote..<(close ?? count)).trimmed
                result.append(variable(upTo: close.map { $0 + 1 } ?? count, defaultValue: unquoted.isEmpty ? nil : unquoted,
                                       problem: close == nil ? .missingBrace : .missingQuote))
                guard let close else { break }
                index = close + 1
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
                fallback.unicodeScalars.append(chars[closing])
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
        var blank = true
        var space = false
        for scalar in name.unicodeScalars {
            if scalar.properties.isWhitespace { space = true } else { blank = false }
        }
        if blank { return .empty }
        if space { return .space }
        if name == "*" || name == "?" || name == "$" { return nil }
        if let symbol = name.first(where: { !isKeyCharacter($0) }) { return .unsupportedSymbol(symbol) }
        return nil
    }

    /// Whether a character can be part of a variable's key: letters, digits and `: / - _ . @ + =`.
    static func isKeyCharacter(_ character: Character) -> Bool {
        if let ascii = character.asciiValue {
            return (0x30...0x39).contains(ascii) || (0x41...0x5A).contains(ascii) || (0x61...0x7A).contains(ascii)
                || keySymbols.contains(character)
        }
        return character.isLetter || character.isNumber
    }
}

extension PolicyView {
    /// Calls `body` with each statement to check, lent rather than copied (the rules run over
    /// every statement of every policy). A CloudFormation intrinsic in place of a statement
    /// (`{"Fn::If": [...]}`) is resolved by the template, not read as a statement.
    func forEachStatement(_ body: (borrowing StatementView) throws -> Void) rethrows {
        for index in statements.indices where !statements[index].node.isIntrinsicFunction {
            try body(statements[index])
        }
    }
}

extension StatementView {
    /// Calls `body` with each string IAM substitutes variables in that holds `${`: Resource and
    /// NotResource values, and condition values (with their clause).
    func forEachVariableCarrier(_ body: (Located<String>, ConditionClause?) throws -> Void) rethrows {
        if let resources {
            for index in resources.indices where PolicyVariables.mayContain(resources[index].value) { try body(resources[index], nil) }
        }
        if let notResources {
            for index in notResources.indices where PolicyVariables.mayContain(notResources[index].value) {
                try body(notResources[index], nil)
            }
        }
        for clause in clauses.indices {
            let values = clauses[clause].values
            for index in values.indices where PolicyVariables.mayContain(values[index].value) {
                try body(values[index], clauses[clause])
            }
        }
    }
}

extension PolicyGrammar {
    /// The global condition keys by lower-cased name, and those with a variable part
    /// (`aws:PrincipalTag/${TagKey}`) by their fixed prefix: a variable is looked up for every policy.
    private static let globalKeys: (exact: [String: ConditionKeyDefinition], prefixes: [(String, ConditionKeyDefinition)]) = {
        var exact: [String: ConditionKeyDefinition] = [:]
        var prefixes: [(String, ConditionKeyDefinition)] = []
        for key in GlobalConditionKeys.all {
            let lowered = key.name.lowercased()
            if let variable = lowered.firstIndex(where: { $0 == "$" || $0 == "<" }) {
                prefixes.append((String(lowered[..<variable]), key))
            } else {
                exact[lowered] = key
            }
        }
        return (exact, prefixes)
    }()

    /// The definition of a global key (`aws:PrincipalTag/team` finds `aws:PrincipalTag/${TagKey}`), without case.
    static func globalKey(_ name: String) -> ConditionKeyDefinition? {
        let lowered = name.lowercased()
        if let key = globalKeys.exact[lowered] { return key }
        return globalKeys.prefixes.first { lowered.hasPrefix($0.0) && lowered.utf8.count > $0.0.utf8.count }?.1
    }
}

extension StatementView {
    /// "statement 'ReadData'", or "statement 3" when it has no Sid: how messages start.
    var described: String { sid.map { "statement '\($0.value.truncatedForMessage)'" } ?? "statement \(index + 1)" }
}
