/// The semantic diff of §4: what B (NEW) allows that A (OLD) does not, decided exactly over
/// action classes, resource automata and condition atoms, with every witness re-checked by the
/// concrete evaluator before it counts as FAIL.
package struct SemanticDiff {
    package let catalog: Catalog?
    package let options: DiffOptions
    package let evaluate: DiffEvaluation

    package init(catalog: Catalog?, options: DiffOptions = DiffOptions(), evaluate: @escaping DiffEvaluation = DiffRecheck.evaluate) {
        self.catalog = catalog
        self.options = options
        self.evaluate = evaluate
    }

    /// Both directions and the four-way summary.
    package func compare(old: [EvaluationPolicy], new: [EvaluationPolicy]) throws(CatalogError) -> DiffComparison {
        DiffComparison(newAccess: try newAccess(reference: old, candidate: new, names: DiffSideNames(reference: "OLD", candidate: "NEW")),
                       removedAccess: try newAccess(reference: new, candidate: old, names: DiffSideNames(reference: "NEW", candidate: "OLD")),
                       options: options,
                       catalogVersion: catalog.map { "\($0.metadata.source) \($0.metadata.date)" })
    }

    /// NewAccess(B, A) (§4.8).
    package func newAccess(reference: [EvaluationPolicy], candidate: [EvaluationPolicy],
                           names: DiffSideNames = DiffSideNames(reference: "A", candidate: "B")) throws(CatalogError) -> DiffDirectionResult {
        let statements = DiffStatement.collect(reference: reference, candidate: candidate)
        var notes: Set<String> = []
        let tokens = statements.map { $0.resourceTokens(notes: &notes) }
        var variableKeys: Set<String> = []
        for patterns in tokens {
            for pattern in patterns {
                for token in pattern { if case .variable(let key, _) = token { variableKeys.insert(key) } }
            }
        }
        let dimensions = ConditionDimensions(statements: statements, variableKeys: variableKeys, options: options, catalog: catalog)
        notes.formUnion(dimensions.notes)
        let universe = try ActionUniverse(statements: statements, catalog: catalog)
        let trivial = tokens.map { $0.contains(where: DiffTokenizer.isAllStars) }
        let groups = try ActionGroups.build(universe: universe, statements: statements, trivial: trivial, options: options, catalog: catalog)

        var search = DirectionSearch(universe: universe, dimensions: dimensions, tokens: tokens, options: options,
                                     sides: (reference, candidate), names: names, evaluate: evaluate)
        let coverage = options.mode == .standard ? StatementCoverage(statements: statements, tokens: tokens) : nil
        for group in groups {
            guard let group = coverage.map({ $0.reduce(group) }) ?? group else { continue }
            search.explore(group)
            if search.isDone { break }
        }
        let verified = search.findings.filter(\.verified)
        let verdict: DiffVerdict = !verified.isEmpty ? .fail
            : (search.unverified > 0 || search.exhausted) ? .unknown : .pass
        if search.exhausted { notes.insert("a search budget ran out (§4.11): the verdict cannot be PASS") }
        if universe.actions.contains(where: { $0.definition == nil }) {
            notes.insert("actions the catalog lacks are compared as written: "
                         + universe.actions.filter { $0.definition == nil }.map(\.display).sorted().joined(separator: ", "))
        }
        let findings = options.all ? search.findings : Array((verified.isEmpty ? search.findings : verified).prefix(1))
        return DiffDirectionResult(verdict: verdict, findings: findings, unverifiedRegions: search.unverified,
                                   budgetExhausted: search.exhausted, notes: notes.sorted())
    }
}

/// The per-direction search state: findings so far, budgets, and the witness re-check.
struct DirectionSearch {
    let universe: ActionUniverse
    let dimensions: ConditionDimensions
    let tokens: [[[DiffToken]]]
    let options: DiffOptions
    let sides: (reference: [EvaluationPolicy], candidate: [EvaluationPolicy])
    let names: DiffSideNames
    let evaluate: DiffEvaluation

    private(set) var findings: [DiffFinding] = []
    private(set) var unverified = 0
    private(set) var exhausted = false
    private var nodeBudget: Int

    init(universe: ActionUniverse, dimensions: ConditionDimensions, tokens: [[[DiffToken]]], options: DiffOptions,
         sides: (reference: [EvaluationPolicy], candidate: [EvaluationPolicy]), names: DiffSideNames, evaluate: @escaping DiffEvaluation) {
        self.names = names
        self.universe = universe
        self.dimensions = dimensions
        self.tokens = tokens
        self.options = options
        self.sides = sides
        self.evaluate = evaluate
        nodeBudget = options.searchNodeBudget
    }

    /// Stop at the first verified finding unless `--all`.
    var isDone: Bool { (!options.all && findings.contains(where: \.verified)) || nodeBudget < 0 }

    mutating func explore(_ group: ActionGroup) {
        let regions = ResourceRegions(group: group, tokens: tokens, options: options)
        if regions.exhausted { exhausted = true }
        for region in regions.regions {
            let inPlay = group.statements.indices.filter { region.membership[$0] }.map { group.statements[$0] }
            guard inPlay.contains(where: \.isCandidateAllow) else { continue }
            exploreRegion(region, inPlay: inPlay, group: group, regions: regions)
            if isDone { return }
        }
    }

    private mutating func exploreRegion(_ region: ResourceRegions.Region, inPlay: [DiffStatement], group: ActionGroup, regions: ResourceRegions) {
        // Variables in the resource word need their keys present (§4.7).
        var allowed: [Int: [Int]] = [:]
        for symbol in region.word ?? [] {
            guard let key = regions.alphabet.variableKey(symbol), let dimension = dimensions.dimension(forKey: key) else { continue }
            allowed[dimension] = dimensions.dimensions[dimension].atoms.indices.filter { dimensions.dimensions[dimension].atoms[$0]?.count == 1 }
        }
        let solver = ConditionSolver(dimensions: dimensions, statements: inPlay, allowed: allowed)
        let (solutions, ranOut) = solver.solutions(limit: 16, budget: &nodeBudget)
        if ranOut { exhausted = true }
        guard !solutions.isEmpty else { return }
        let builder = WitnessBuilder(universe: universe, dimensions: dimensions, tokens: tokens, group: group,
                                     regions: regions, region: region, inPlay: inPlay, options: options, names: names)
        // One verified witness per region; with --all, one per context-atom solution (up to the limit).
        var firstCandidate: DiffFinding?
        var verifiedAny = false
        for assignment in solutions {
            for request in builder.requests(for: assignment) {
                let verified = evaluate(request, sides.candidate) == .allow && evaluate(request, sides.reference) != .allow
                let finding = builder.finding(request: request, assignment: assignment, verified: verified)
                if verified {
                    findings.append(finding)
                    verifiedAny = true
                    break
                }
                if firstCandidate == nil { firstCandidate = finding }
            }
            if verifiedAny && !options.all { return }
        }
        if verifiedAny { return }
        unverified += 1
        if let firstCandidate { findings.append(firstCandidate) }
    }
}
