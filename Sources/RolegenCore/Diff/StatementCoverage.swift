/// Statement-level subsumption, a sound shortcut before the product search (§4.5): a candidate
/// Allow statement s whose every request is also allowed by one reference Allow statement t
/// (t lists the group's actions, Res(s) ⊆ Res(t), t's conditions are a subset of s's) can never
/// grant new access, provided every reference Deny of the group is matched by a candidate Deny
/// that applies at least as widely. Dropping such statements leaves the exact answer unchanged
/// and usually removes every candidate: a policy against itself, or against a version that only
/// adds, needs no automaton at all.
///
/// Only the standard semantics D is covered (robust mode reads the two sides with different
/// resource semantics); anything the check cannot prove keeps the statement in the search.
final class StatementCoverage {
    private let statements: [DiffStatement]
    private let tokens: [[[DiffToken]]]
    private var covers: [Pair: Bool] = [:]
    private var patternInclusion: [PatternPair: Bool] = [:]

    private struct Pair: Hashable { var outer: Int; var inner: Int }
    private struct PatternPair: Hashable { var inner: [DiffToken]; var outer: [DiffToken] }

    init(statements: [DiffStatement], tokens: [[[DiffToken]]]) {
        self.statements = statements
        self.tokens = tokens
    }

    /// The group with every candidate Allow that a reference Allow covers removed; nil when no
    /// candidate Allow is left (the group cannot grant new access).
    func reduce(_ group: ActionGroup) -> ActionGroup? {
        let referenceDenies = group.statements.filter { $0.role == .referenceDeny }
        let candidateDenies = group.statements.filter { $0.role == .candidateDeny }
        let deniesMatched = referenceDenies.allSatisfy { deny in
            candidateDenies.contains { covers(outer: $0, inner: deny) }
        }
        guard deniesMatched else { return group }
        let referenceAllows = group.statements.filter { $0.role == .referenceAllow }
        var reduced = group
        reduced.statements = group.statements.filter { statement in
            guard statement.isCandidateAllow else { return true }
            return !referenceAllows.contains { covers(outer: $0, inner: statement) }
        }
        return reduced.statements.contains(where: \.isCandidateAllow) ? reduced : nil
    }

    /// Whether every request `inner` matches (resource, conditions, principal) `outer` matches
    /// too; both already match the group's actions.
    private func covers(outer: DiffStatement, inner: DiffStatement) -> Bool {
        let key = Pair(outer: outer.id, inner: inner.id)
        if let known = covers[key] { return known }
        let result = conditionsImplied(outer: outer, inner: inner) && resourcesIncluded(outer: outer, inner: inner)
        covers[key] = result
        return result
    }

    /// Conditions are a conjunction: outer's clauses all among inner's means inner's holding
    /// implies outer's. Identical clauses read variables alike only under the same policy version.
    private func conditionsImplied(outer: DiffStatement, inner: DiffStatement) -> Bool {
        guard outer.source.principals == inner.source.principals else { return false }
        let outerClauses = outer.source.conditions
        if outerClauses.isEmpty { return true }
        guard outer.variables == inner.variables else { return false }
        return outerClauses.allSatisfy { inner.source.conditions.contains($0) }
    }

    /// Res(inner) ⊆ Res(outer), ⊤ included, proved pattern by pattern.
    private func resourcesIncluded(outer: DiffStatement, inner: DiffStatement) -> Bool {
        let outerPatterns = tokens[outer.id]
        let innerPatterns = tokens[inner.id]
        switch (inner.resourcesExcept, outer.resourcesExcept) {
        case (_, false) where outerPatterns.contains(where: DiffTokenizer.isAllStars):
            return true
        case (false, false):
            return innerPatterns.allSatisfy { pattern in outerPatterns.contains { included(pattern, in: $0) } }
        case (true, true):
            // U∖L(P_inner) ⊆ U∖L(P_outer) ⟸ every outer pattern lies inside some inner one.
            return outerPatterns.allSatisfy { pattern in innerPatterns.contains { included(pattern, in: $0) } }
        default:
            return false
        }
    }

    /// L(inner) ⊆ L(outer) under D, decided exactly on the two globs' product automaton;
    /// a search that runs out of budget proves nothing.
    private func included(_ inner: [DiffToken], in outer: [DiffToken]) -> Bool {
        if inner == outer || DiffTokenizer.isAllStars(outer) { return true }
        // Every word of `inner` begins with its literal prefix and ends with its literal suffix,
        // and a wildcard can always read a character that breaks a longer literal: so `outer`'s
        // literal ends must be ends of `inner`'s. Most pairs fail here, without an automaton.
        guard Self.literalPrefix(inner).starts(with: Self.literalPrefix(outer)),
              Self.literalPrefix(inner.reversed()).starts(with: Self.literalPrefix(outer.reversed())) else { return false }
        let key = PatternPair(inner: inner, outer: outer)
        if let known = patternInclusion[key] { return known }
        let outerGlob = GlobCompiler.standard(outer)
        // Two words of `inner` (its wildcards reading nothing, or one `x` each): if `outer`
        // refuses either, that word is the counterexample.
        if !inner.contains(where: { if case .variable = $0 { true } else { false } }) {
            let matcher = CompiledGlob(elements: outerGlob)
            for filler in ["", "x"] where !matcher.matches(Self.word(inner, filler: filler)) {
                patternInclusion[key] = false
                return false
            }
        }
        let globs = [GlobCompiler.standard(inner), outerGlob]
        var characters: Set<Unicode.Scalar> = []
        var variables: Set<String> = []
        for glob in globs {
            characters.formUnion(SymbolAlphabet.characters(of: glob))
            variables.formUnion(SymbolAlphabet.variables(of: glob))
        }
        let automaton = GlobAutomaton(alphabet: SymbolAlphabet(characters: characters, variables: variables),
                                      components: globs.map { [$0] })
        // A word inner accepts and outer does not: membership vector {0}.
        let search = MembershipSearch(automaton: automaton, tracked: [0, 1], required: [], needed: [0], budget: 20_000)
        let outcome = search.run()
        let escapes = outcome.regions.contains { $0.membership.contains(0) && !$0.membership.contains(1) }
        let result = !outcome.exhausted && !escapes
        patternInclusion[key] = result
        return result
    }

    private static func word(_ tokens: [DiffToken], filler: String) -> String {
        var result = ""
        for token in tokens {
            switch token {
            case .character(let scalar): result.unicodeScalars.append(scalar)
            case .star: result += filler
            case .question: result += "x"
            case .variable: break
            }
        }
        return result
    }

    private static func literalPrefix<Tokens: Sequence<DiffToken>>(_ tokens: Tokens) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        for token in tokens {
            guard case .character(let scalar) = token else { break }
            result.append(scalar)
        }
        return result
    }
}
