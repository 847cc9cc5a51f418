/// Wildcard patterns as the evaluator matches them: `*` any run, `?` one character, everything
/// else literal. Patterns are compiled to tokens so that text substituted from a policy variable
/// stays literal (a `*` in a user name is not a wildcard, §3.6) and so that resource patterns can
/// stop a wildcard at `:` (§3.2.2).
package enum GlobToken: Sendable, Equatable {
    case literal(Unicode.Scalar)
    /// A literal compared with ASCII case folding (the U semantics' first four ARN fields).
    case caseless(Unicode.Scalar)
    case anyRun(crossesColon: Bool)
    case anyOne(crossesColon: Bool)

    var isRestricted: Bool {
        switch self {
        case .anyRun(let crosses), .anyOne(let crosses): !crosses
        case .caseless: true
        case .literal: false
        }
    }
}

/// A policy string after variable substitution: pattern text (wildcards active) and
/// substituted text (literal).
package enum PatternPiece: Sendable, Equatable {
    case pattern(String)
    case literal(String)

    package static func tokens(_ pieces: [PatternPiece]) -> [GlobToken] {
        var tokens: [GlobToken] = []
        for piece in pieces {
            switch piece {
            case .literal(let text): tokens += text.unicodeScalars.map(GlobToken.literal)
            case .pattern(let text): tokens += GlobMatcher.tokens(text)
            }
        }
        return tokens
    }

    /// The text as written, wildcards and substitutions alike (what StringEquals compares).
    package static func text(_ pieces: [PatternPiece]) -> String {
        pieces.map { piece in
            switch piece {
            case .literal(let text), .pattern(let text): text
            }
        }.joined()
    }
}

package enum GlobMatcher {
    private static let colon: Unicode.Scalar = ":"

    /// `*` and `?` crossing everything.
    package static func tokens(_ pattern: String) -> [GlobToken] {
        pattern.unicodeScalars.map { scalar in
            switch scalar {
            case "*": .anyRun(crossesColon: true)
            case "?": .anyOne(crossesColon: true)
            default: .literal(scalar)
            }
        }
    }

    package static func matches(_ pattern: String, _ text: String) -> Bool {
        matches(tokens(pattern), Array(text.unicodeScalars))
    }

    /// Whether `text` is in the language of `tokens`. Unrestricted patterns use greedy star
    /// backtracking (O(n·m) worst case, constant memory); patterns whose wildcards stop at `:`
    /// simulate the pattern's automaton one text character at a time (O(n·m), O(m) memory).
    /// Neither recurses, so `*a*a*a*b` stays cheap.
    package static func matches(_ tokens: [GlobToken], _ text: [Unicode.Scalar]) -> Bool {
        if tokens.contains(where: \.isRestricted) { return simulate(tokens, text) }
        var p = 0, t = 0, star = -1, mark = 0
        while t < text.count {
            if p < tokens.count, accepts(tokens[p], text[t]), !isRun(tokens[p]) {
                p += 1
                t += 1
            } else if p < tokens.count, isRun(tokens[p]) {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < tokens.count, isRun(tokens[p]) { p += 1 }
        return p == tokens.count
    }

    private static func isRun(_ token: GlobToken) -> Bool {
        if case .anyRun = token { return true }
        return false
    }

    private static func accepts(_ token: GlobToken, _ scalar: Unicode.Scalar) -> Bool {
        switch token {
        case .literal(let expected): expected == scalar
        case .caseless(let expected): lowered(expected) == lowered(scalar)
        case .anyRun(let crosses), .anyOne(let crosses): crosses || scalar != colon
        }
    }

    private static func lowered(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }

    private static func simulate(_ tokens: [GlobToken], _ text: [Unicode.Scalar]) -> Bool {
        var active = [Bool](repeating: false, count: tokens.count + 1)
        active[0] = true
        close(&active, tokens)
        for scalar in text {
            var next = [Bool](repeating: false, count: tokens.count + 1)
            var any = false
            for index in tokens.indices where active[index] && accepts(tokens[index], scalar) {
                if isRun(tokens[index]) { next[index] = true } else { next[index + 1] = true }
                any = true
            }
            if !any { return false }
            close(&next, tokens)
            active = next
        }
        return active[tokens.count]
    }

    /// A `*` may match nothing: whoever reaches it also reaches what follows it.
    private static func close(_ active: inout [Bool], _ tokens: [GlobToken]) {
        for index in tokens.indices where active[index] && isRun(tokens[index]) {
            active[index + 1] = true
        }
    }
}
