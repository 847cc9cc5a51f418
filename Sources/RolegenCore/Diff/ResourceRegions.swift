import Foundation

/// The resource dimension for one action group (§4.5): every reachable combination of
/// "statement s's Resource matches" with its shortest resource, plus ⊤ when the actions take it.
struct ResourceRegions {
    struct Region {
        /// Parallel to the group's statements.
        var membership: [Bool]
        /// nil: ⊤. Otherwise a word over `alphabet`.
        var word: [Int]?
    }

    private(set) var regions: [Region] = []
    private(set) var exhausted = false
    let alphabet: SymbolAlphabet
    let automaton: GlobAutomaton
    private let statementComponents: [Int]
    private let domainComponents: [Int]
    private let statements: [DiffStatement]

    init(group: ActionGroup, tokens: [[[DiffToken]]], options: DiffOptions) {
        statements = group.statements
        let domain = group.domain
        // Components: one per statement (its patterns under the semantics its role gets), then
        // the domain constraints d2 and d1.
        var components: [[[GlobElement]]] = statements.map { statement in
            let semantics = Self.semantics(for: statement, mode: options.mode)
            return tokens[statement.id].flatMap { GlobCompiler.resource($0, semantics: semantics) }
        }
        statementComponents = Array(statements.indices)
        var domainComponents: [Int] = []
        if let templates = domain.templates, !templates.isEmpty {
            domainComponents.append(components.count)
            components.append(templates.map { GlobCompiler.template($0, siblings: domain.siblings) })
        }
        if let partitions = options.constraints.partitions {
            domainComponents.append(components.count)
            components.append(partitions.map { GlobCompiler.glob(DiffTokenizer.tokens("arn:\($0):*", variables: false)) })
        }
        self.domainComponents = domainComponents
        var characters: Set<Unicode.Scalar> = []
        var variables: Set<String> = []
        for globs in components {
            for glob in globs {
                characters.formUnion(SymbolAlphabet.characters(of: glob))
                variables.formUnion(SymbolAlphabet.variables(of: glob))
            }
        }
        alphabet = SymbolAlphabet(characters: characters, variables: variables)
        automaton = GlobAutomaton(alphabet: alphabet, components: components)

        if domain.takesTop {
            regions.append(Region(membership: statements.map { topMembership($0, tokens: tokens[$0.id], domain: domain, mode: options.mode) }, word: nil))
        }
        guard domain.takesARNs else { return }
        let trivial = statements.allSatisfy { tokens[$0.id].contains(where: DiffTokenizer.isAllStars) }
        if trivial {
            // Every resource is in every Res(s) (or in none, for NotResource): one region.
            if let word = example(domainComponents: domainComponents) {
                regions.append(Region(membership: statements.map { !$0.resourcesExcept }, word: word))
            }
            return
        }
        // B's Allow statements that can match an ARN (a NotResource listing `*` matches none).
        let liveCandidates = statements.indices.filter { index in
            statements[index].isCandidateAllow
                && !(statements[index].resourcesExcept && tokens[statements[index].id].contains(where: DiffTokenizer.isAllStars))
        }
        let pruneOnCandidates = liveCandidates.allSatisfy { !statements[$0].resourcesExcept }
        if pruneOnCandidates, options.mode == .standard, let templates = domain.templates,
           !Self.prefixesMeet(liveCandidates.flatMap { tokens[statements[$0].id] }, templates: templates,
                              partition: options.constraints.partitions?.count == 1 ? options.constraints.partitions?.first : nil) {
            // No B Allow pattern can name a resource of these actions: nothing to search.
            return
        }
        if liveCandidates.isEmpty { return }
        let needed = pruneOnCandidates ? liveCandidates : []
        let search = MembershipSearch(automaton: automaton, tracked: statementComponents, required: domainComponents,
                                      needed: needed, budget: options.productStateBudget)
        let outcome = search.run()
        exhausted = outcome.exhausted
        for region in outcome.regions {
            let membership = statements.indices.map { region.membership.contains($0) != statements[$0].resourcesExcept }
            regions.append(Region(membership: membership, word: region.word))
        }
    }

    /// Whether some pattern's literal beginning agrees with some template's (one is a prefix of
    /// the other): otherwise their languages cannot meet. A cheap test before the search, since
    /// NotAction classes split into thousands of template groups of other services.
    static func prefixesMeet(_ patterns: [[DiffToken]], templates: [String], partition: String?) -> Bool {
        let patternPrefixes = patterns.map { pattern in
            String(String.UnicodeScalarView(pattern.prefix { if case .character = $0 { true } else { false } }.compactMap {
                if case .character(let scalar) = $0 { scalar } else { nil }
            }))
        }
        let templatePrefixes = templates.map { format in
            var text = format
            if let partition { text = text.replacingOccurrences(of: "${Partition}", with: partition) }
            return String(text.prefix { $0 != "$" })
        }
        return patternPrefixes.contains { pattern in
            templatePrefixes.contains { pattern.hasPrefix($0) || $0.hasPrefix(pattern) }
        }
    }

    /// §4.5: D everywhere by default; robust mode reads B's Allow and A's Deny with U, the others with L.
    static func semantics(for statement: DiffStatement, mode: DiffOptions.Mode) -> ResourceSemantics {
        guard mode == .robust else { return .standard }
        return statement.approximatesUp ? .loose : .strict
    }

    /// ⊤ ∈ Res(s) (§3.2.4); in robust mode B's Allow patterns of the action's service whose other
    /// fields accept the empty string count as possibly matching ⊤.
    private func topMembership(_ statement: DiffStatement, tokens: [[DiffToken]], domain: ResourceDomain, mode: DiffOptions.Mode) -> Bool {
        if mode == .robust, statement.isCandidateAllow, !statement.resourcesExcept, let service = domain.service {
            let loose = tokens.contains { pattern in
                let fields = Self.fields(pattern)
                return fields.count >= 3 && CompiledGlob(elements: GlobCompiler.glob(fields[2])).matches(service)
                    && fields.enumerated().allSatisfy { index, field in
                        index < 2 || index == 2 || field.allSatisfy { $0 == .star }
                    }
            }
            if loose { return true }
        }
        return statement.matchesTop(tokens: tokens)
    }

    private static func fields(_ tokens: [DiffToken]) -> [[DiffToken]] {
        var result: [[DiffToken]] = [[]]
        for token in tokens {
            if token == .character(":") && result.count < 6 { result.append([]) } else { result[result.count - 1].append(token) }
        }
        return result
    }

    /// A shortest word in the domain (for regions where only the domain matters).
    private func example(domainComponents: [Int]) -> [Int]? {
        let search = MembershipSearch(automaton: automaton, tracked: [], required: domainComponents, needed: [], budget: 10_000)
        return search.run().regions.first?.word ?? (domainComponents.isEmpty ? [] : nil)
    }

    /// The statements' membership for a word (to test readable alternatives, §4.10).
    func membership(of word: [Int]) -> (statements: [Bool], inDomain: Bool) {
        let state = automaton.run(word)
        let inDomain = domainComponents.allSatisfy { automaton.accepts(state, component: $0) }
        let statements = statementComponents.map { automaton.accepts(state, component: $0) != self.statements[$0].resourcesExcept }
        return (statements, inDomain)
    }

    /// Text → symbols of this alphabet (characters no pattern names read as OTHER).
    func word(_ text: String) -> [Int] {
        text.unicodeScalars.map { alphabet.symbol($0) }
    }
}
