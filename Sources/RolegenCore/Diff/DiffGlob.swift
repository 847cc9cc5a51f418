import Foundation

/// A resource pattern or string condition value read into tokens (§3.6): literal characters,
/// the wildcards `*` and `?`, and policy variables `${key}` / `${key, 'default'}`.
enum DiffToken: Hashable, Sendable {
    case character(Unicode.Scalar)
    case star
    case question
    case variable(key: String, defaultValue: String?)
}

enum DiffTokenizer {
    /// Tokens of `text`. Without `variables` (a 2008-10-17 policy) `${...}` is literal text.
    /// `${*}`, `${?}` and `${$}` are the literal characters; `$` without a closed `${...}` is literal.
    static func tokens(_ text: String, variables: Bool, wildcards: Bool = true) -> [DiffToken] {
        let scalars = Array(text.unicodeScalars)
        var result: [DiffToken] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if variables, scalar == "$", index + 1 < scalars.count, scalars[index + 1] == "{",
               let close = scalars[(index + 2)...].firstIndex(of: "}") {
                let inner = String(String.UnicodeScalarView(scalars[(index + 2)..<close]))
                index = close + 1
                switch inner {
                case "*": result.append(.character("*"))
                case "?": result.append(.character("?"))
                case "$": result.append(.character("$"))
                default: result.append(variable(inner))
                }
                continue
            }
            if wildcards && scalar == "*" {
                result.append(.star)
            } else if wildcards && scalar == "?" {
                result.append(.question)
            } else {
                result.append(.character(scalar))
            }
            index += 1
        }
        return result
    }

    /// `aws:username` or `aws:username, 'default'`, read exactly as the evaluator reads it
    /// (`VariableSubstitution.segment`): spaces around the key and the default are dropped, a
    /// default needs single quotes, and the key is compared without case but the default is not.
    private static func variable(_ inner: String) -> DiffToken {
        switch VariableSubstitution.segment(body: inner) {
        case .variable(let key, let fallback): return .variable(key: key.lowercased(), defaultValue: fallback)
        case .escape(let text), .text(let text): return .character(text.unicodeScalars.first ?? "$")
        }
    }

    static func isAllStars(_ tokens: [DiffToken]) -> Bool {
        !tokens.isEmpty && tokens.allSatisfy { $0 == .star }
    }
}

/// One step of a compiled glob: what the automaton reads between two positions.
enum GlobElement: Hashable, Sendable {
    case literal(Unicode.Scalar)
    /// A letter that matches in either case (loose semantics U, fields 1–4).
    case literalAnyCase(Unicode.Scalar)
    /// `?`: one character; a colon only when `crossesColon`. Never a variable symbol.
    case one(crossesColon: Bool)
    /// `*`: any run; colons only when `crossesColon`. Only a colon-crossing star absorbs a
    /// variable symbol τ (§4.7).
    case star(crossesColon: Bool)
    /// τ_key: matched only by the same variable or an unrestricted star.
    case variable(String)
    /// A catalog format's `${Placeholder}` (d2): like `star`, but never reading `excluded`
    /// (the character that follows it in the format, or that a sibling format extends it with).
    case placeholder(crossesColon: Bool, excluded: Unicode.Scalar?)

    /// `star` and `placeholder`: elements that may read nothing and loop on what they read.
    var isRun: Bool {
        switch self {
        case .star, .placeholder: true
        default: false
        }
    }
}

/// Compiles resource patterns under the semantics D, L, U (§3.2.2–3.2.3) and ARN-operator and
/// string-operator values (§3.4.3, §3.4.5).
enum GlobCompiler {
    /// Elements of a resource pattern under `semantics` (variables already tokenised).
    /// Under U the result may be two alternatives (the short-ARN padding of §3.2.3).
    static func resource(_ tokens: [DiffToken], semantics: ResourceSemantics) -> [[GlobElement]] {
        switch semantics {
        case .standard: return [standard(tokens)]
        case .strict: return [strict(tokens)]
        case .loose:
            var alternatives = [loose(tokens)]
            let colons = tokens.filter { $0 == .character(":") }.count
            if colons < 5 {
                let padding = Array(repeating: [DiffToken.character(":"), .star], count: 5 - colons).flatMap { $0 }
                alternatives.append(loose(tokens + padding))
            }
            return alternatives
        }
    }

    /// D: inside fields 1–5 wildcards stay within the field, except a `*` that ends its field or
    /// the pattern; in field 6 they cross colons.
    static func standard(_ tokens: [DiffToken]) -> [GlobElement] {
        var field = 1
        var result: [GlobElement] = []
        for (index, token) in tokens.enumerated() {
            switch token {
            case .character(let scalar):
                result.append(.literal(scalar))
                if scalar == ":" { field += 1 }
            case .star:
                let endsField = index + 1 == tokens.count || tokens[index + 1] == .character(":")
                result.append(.star(crossesColon: field >= 6 || endsField))
            case .question:
                result.append(.one(crossesColon: field >= 6))
            case .variable(let key, _):
                result.append(.variable(key))
            }
        }
        return result
    }

    /// L: only the pattern's final `*` crosses colons.
    static func strict(_ tokens: [DiffToken]) -> [GlobElement] {
        tokens.enumerated().map { index, token in
            switch token {
            case .character(let scalar): .literal(scalar)
            case .star: .star(crossesColon: index + 1 == tokens.count)
            case .question: .one(crossesColon: false)
            case .variable(let key, _): .variable(key)
            }
        }
    }

    /// U: a whole-string glob, fields 1–4 without case.
    static func loose(_ tokens: [DiffToken]) -> [GlobElement] {
        var field = 1
        return tokens.map { token in
            switch token {
            case .character(let scalar):
                if scalar == ":" { field += 1 }
                return field <= 4 && scalar.properties.isAlphabetic ? .literalAnyCase(scalar) : .literal(scalar)
            case .star: return .star(crossesColon: true)
            case .question: return .one(crossesColon: true)
            case .variable(let key, _): return .variable(key)
            }
        }
    }

    /// A whole-string glob (StringLike values, and the d1 partition constraint).
    static func glob(_ tokens: [DiffToken]) -> [GlobElement] {
        tokens.map { token in
            switch token {
            case .character(let scalar): .literal(scalar)
            case .star: .star(crossesColon: true)
            case .question: .one(crossesColon: true)
            case .variable(let key, _): .variable(key)
            }
        }
    }

    /// Exact text (StringEquals), optionally without case (StringEqualsIgnoreCase).
    static func literal(_ text: String, ignoringCase: Bool) -> [GlobElement] {
        text.unicodeScalars.map { scalar in
            ignoringCase && CaseVariants.of(scalar).count > 1 ? .literalAnyCase(scalar) : .literal(scalar)
        }
    }

    /// ArnLike/ArnEquals (§3.4.5): six colon-separated components, wildcards of the first five
    /// stay inside their component; nil when the value has fewer than six components (it
    /// matches nothing).
    static func arn(_ text: String) -> [GlobElement]? {
        let tokens = DiffTokenizer.tokens(text, variables: false)
        guard tokens.filter({ $0 == .character(":") }).count >= 5 else { return nil }
        var field = 1
        return tokens.map { token in
            switch token {
            case .character(let scalar):
                if scalar == ":" && field < 6 { field += 1 }
                return .literal(scalar)
            case .star: return .star(crossesColon: field >= 6)
            case .question: return .one(crossesColon: field >= 6)
            case .variable(let key, _): return .variable(key)
            }
        }
    }

    /// A catalog ARN format (d2): each `${Placeholder}` is a run without colons in fields 1–5 and
    /// any run in field 6, the partition placeholder may be pinned (d1). As the linter reads
    /// formats (`ARNFormatMatcher`), a placeholder followed by `/` holds no `/`, and the last one
    /// holds `/` or `:` only when no sibling format of the service extends the same text with
    /// that character: a bucket name holds no `/` because `${BucketName}/${ObjectName}` is the
    /// object format, and a log group no `:` because of its log streams [I-D].
    static func template(_ format: String, siblings: [String] = []) -> [GlobElement] {
        let scalars = Array(format.unicodeScalars)
        var result: [GlobElement] = []
        var field = 1
        var index = 0
        while index < scalars.count {
            if scalars[index] == "$", index + 1 < scalars.count, scalars[index + 1] == "{",
               let close = scalars[(index + 2)...].firstIndex(of: "}") {
                let next = close + 1 < scalars.count ? scalars[close + 1] : nil
                let text = String(String.UnicodeScalarView(scalars[...close]))
                func extended(by character: String) -> Bool { next == nil && siblings.contains { $0.hasPrefix(text + character) } }
                // A colon ends the run in fields 1-5, before a colon, or where a sibling continues with one.
                let crossesColon = field >= 6 && next != ":" && !extended(by: ":")
                // Only `/` is excluded: names hold dots and dashes, and a narrower domain could hide access.
                let excluded: Unicode.Scalar? = next == "/" || extended(by: "/") ? "/" : nil
                result.append(.placeholder(crossesColon: crossesColon, excluded: excluded))
                index = close + 1
                continue
            }
            if scalars[index] == ":" && field < 6 { field += 1 }
            result.append(.literal(scalars[index]))
            index += 1
        }
        return result
    }
}

/// Case partners of a character (simple mappings only; §3.4.3 I-D).
enum CaseVariants {
    static func of(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        var result = [scalar]
        for text in [scalar.properties.lowercaseMapping, scalar.properties.uppercaseMapping] {
            let scalars = Array(text.unicodeScalars)
            if scalars.count == 1, !result.contains(scalars[0]) { result.append(scalars[0]) }
        }
        return result
    }
}
