/// The two sides of a diff: A, the reference ("OLD"), and B, the candidate ("NEW").
package enum DiffSide: String, Sendable {
    case reference = "A"
    case candidate = "B"
}

/// A statement in normal form (§4.3): effect, side, the action and resource lists, and its
/// conditions classified by what the exact fragment covers.
struct DiffStatement: Sendable {
    enum Role: Sendable { case candidateAllow, candidateDeny, referenceAllow, referenceDeny }

    let id: Int
    let side: DiffSide
    let effect: Effect
    let reference: StatementReference
    let source: EvaluationStatement
    /// Lower-cased action patterns.
    let actionPatterns: [String]
    let actionsExcept: Bool
    let resourcePatterns: [String]
    let resourcesExcept: Bool
    let variables: Bool

    var role: Role {
        switch (side, effect) {
        case (.candidate, .allow): .candidateAllow
        case (.candidate, .deny): .candidateDeny
        case (.reference, .allow): .referenceAllow
        case (.reference, .deny): .referenceDeny
        }
    }

    /// Whether an over-approximation of this statement enlarges the new access (B's Allow, A's
    /// Deny) — §4.9: these are read as supersets, the others as subsets.
    var approximatesUp: Bool { role == .candidateAllow || role == .referenceDeny }

    var isCandidateAllow: Bool { role == .candidateAllow }

    var label: String {
        let sid = reference.sid.map { " (\($0))" } ?? ""
        return "\(reference.policy) statement \(reference.index)\(sid)"
    }

    /// Tokenised resource patterns; approximations for variables with defaults (§4.7: a default
    /// splits the statement; v1 reads it as a wildcard or drops the pattern by §4.9).
    func resourceTokens(notes: inout Set<String>) -> [[DiffToken]] {
        var result: [[DiffToken]] = []
        for pattern in resourcePatterns {
            let tokens = DiffTokenizer.tokens(pattern, variables: variables)
            let hasDefault = tokens.contains { if case .variable(_, let value) = $0 { value != nil } else { false } }
            guard hasDefault else { result.append(tokens); continue }
            notes.insert("\(label): the variable default in `\(pattern)` is approximated (§4.9)")
            // Growing the statement: a Resource pattern widens, a NotResource pattern is dropped.
            if approximatesUp != resourcesExcept {
                result.append(Self.widened(tokens))
            }
        }
        return result
    }

    /// A pattern that matches at least what `tokens` matches whatever its variables hold. A
    /// value is literal text and may hold `:`; in ARN fields 1–5 a `*` keeps to its field, so a
    /// `*` in the variable's place would be narrower than the value: from the first variable in
    /// those fields on, the pattern becomes one final `*`, which crosses colons.
    static func widened(_ tokens: [DiffToken]) -> [DiffToken] {
        var result: [DiffToken] = []
        var colons = 0
        for token in tokens {
            switch token {
            case .variable:
                result.append(.star)
                if colons < 5 { return result }
            case .character(":"):
                colons += 1
                result.append(token)
            default:
                result.append(token)
            }
        }
        return result
    }

    /// Whether a request with resource ⊤ is in Res(s) (§3.2.4).
    func matchesTop(tokens: [[DiffToken]]) -> Bool {
        let listed = tokens.contains(where: DiffTokenizer.isAllStars)
        return resourcesExcept ? !listed : listed
    }
}

extension DiffStatement {
    /// Statements of both sides with a usable effect, actions and resources; others never match.
    static func collect(reference: [EvaluationPolicy], candidate: [EvaluationPolicy]) -> [DiffStatement] {
        var result: [DiffStatement] = []
        for (side, policies) in [(DiffSide.reference, reference), (.candidate, candidate)] {
            for policy in policies {
                for statement in policy.statements {
                    guard let effect = statement.effect, let actions = statement.actions, let resources = statement.resources else { continue }
                    result.append(DiffStatement(
                        id: result.count, side: side, effect: effect,
                        reference: StatementReference(policy: policy.name, index: statement.index, sid: statement.sid),
                        source: statement,
                        actionPatterns: actions.patterns.map { $0.lowercased() }, actionsExcept: actions.isExcept,
                        resourcePatterns: resources.patterns, resourcesExcept: resources.isExcept,
                        variables: policy.supportsVariables))
                }
            }
        }
        return result
    }
}
