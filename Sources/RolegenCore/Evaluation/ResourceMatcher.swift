/// Resource matching (§3.2): semantics D (the evaluator's), and the bounds L and U that the diff's
/// robust mode uses. Patterns are matched after variable substitution.
package enum ResourceMatcher {
    package static func matches(pattern: String, resource: RequestResource, semantics: ResourceSemantics) -> Bool {
        matches(pieces: [.pattern(pattern)], resource: resource, semantics: semantics)
    }

    /// `pieces`: the pattern as substituted (substituted text is literal).
    package static func matches(pieces: [PatternPiece], resource: RequestResource, semantics: ResourceSemantics) -> Bool {
        if isAllStars(pieces) { return true }
        guard case .arn(let arn) = resource else { return false }  // ⊤: only `*` (§3.2.4)
        return GlobMatcher.matches(tokens(pieces, semantics: semantics), Array(arn.unicodeScalars))
    }

    /// A pattern of `*` characters only matches every resource, ⊤ included.
    static func isAllStars(_ pieces: [PatternPiece]) -> Bool {
        guard !pieces.isEmpty else { return false }
        return pieces.allSatisfy { piece in
            if case .pattern(let text) = piece { return !text.isEmpty && text.unicodeScalars.allSatisfy { $0 == "*" } }
            return false
        }
    }

    /// Compiles a pattern. Fields are counted at the pattern's own first five colons (a colon
    /// substituted from a variable is literal text, not a separator).
    static func tokens(_ pieces: [PatternPiece], semantics: ResourceSemantics) -> [GlobToken] {
        // (scalar, fromPattern) in order, so that each wildcard knows its field and what follows it.
        var written: [(scalar: Unicode.Scalar, wildcardable: Bool)] = []
        for piece in pieces {
            switch piece {
            case .pattern(let text): written += text.unicodeScalars.map { ($0, true) }
            case .literal(let text): written += text.unicodeScalars.map { ($0, false) }
            }
        }
        if semantics == .loose {
            let separators = written.filter { $0.wildcardable && $0.scalar == ":" }.count
            if separators < 5 {
                for _ in separators..<5 { written += [(":", true), ("*", true)] }
            }
        }
        var tokens: [GlobToken] = []
        var field = 1
        for (index, item) in written.enumerated() {
            let isLast = index == written.count - 1
            let nextIsSeparator = !isLast && field <= 5 && written[index + 1].wildcardable && written[index + 1].scalar == ":"
            guard item.wildcardable else {
                tokens.append(semantics == .loose && field <= 4 ? .caseless(item.scalar) : .literal(item.scalar))
                continue
            }
            switch item.scalar {
            case "*":
                let crosses: Bool
                switch semantics {
                case .loose: crosses = true
                case .standard: crosses = field == 6 || nextIsSeparator || isLast
                case .strict: crosses = isLast
                }
                tokens.append(.anyRun(crossesColon: crosses))
            case "?":
                tokens.append(.anyOne(crossesColon: semantics == .loose || (semantics == .standard && field == 6)))
            case ":" where field <= 5:
                tokens.append(.literal(":"))
                field += 1
            default:
                tokens.append(semantics == .loose && field <= 4 ? .caseless(item.scalar) : .literal(item.scalar))
            }
        }
        return tokens
    }
}
