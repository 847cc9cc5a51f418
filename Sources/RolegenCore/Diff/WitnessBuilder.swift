import Foundation

/// Turns a region and a context assignment into concrete requests (§4.8 step 5.4, §4.10): the
/// class representative, a readable resource (the granting B pattern instantiated, else a
/// template instantiated, else the shortest word), context values from the atoms; and explains
/// the finding.
struct WitnessBuilder {
    let universe: ActionUniverse
    let dimensions: ConditionDimensions
    let tokens: [[[DiffToken]]]
    let group: ActionGroup
    let regions: ResourceRegions
    let region: ResourceRegions.Region
    let inPlay: [DiffStatement]
    let options: DiffOptions
    /// How reports name A and B in this direction (`OLD`/`NEW`).
    let names: DiffSideNames

    private var other: String { String(regions.alphabet.otherCharacter) }

    /// Requests to try, most readable first; variants of variable values last (§4.7).
    func requests(for assignment: [Int: Int]) -> [EvaluationRequest] {
        let context = contextValues(assignment)
        let action = universe.actions[group.representative].display
        guard let word = region.word else {
            return [EvaluationRequest(action: action, resource: .top, context: context)]
        }
        var results: [EvaluationRequest] = []
        let granting = grantingStatement(assignment)
        var seen: Set<String> = []
        for value in variableValues(assignment) {
            var context = context
            for (key, text) in value where context[key] == nil { context[key] = [text] }
            var candidates: [String] = []
            if let granting { candidates += instantiations(of: granting, variables: value) }
            candidates += templateInstantiations()
            candidates = candidates.filter { regions.membership(of: regions.word($0)) == (region.membership, true) && !$0.isEmpty }
            candidates.append(text(of: word, variables: value))
            for resource in candidates where seen.insert(resource + "\u{0}" + value.description).inserted {
                results.append(EvaluationRequest(action: action, resource: .arn(resource), context: context))
            }
        }
        return results
    }

    /// Context keys by their written name; nil atoms (absent) are left out. Opaque entries that
    /// compare a key with one variable (`StringEquals k ${k2}`) are realised with equal or
    /// different values where neither key has a value yet.
    private func contextValues(_ assignment: [Int: Int]) -> [String: [String]] {
        var context: [String: [String]] = [:]
        for (index, atom) in assignment where !dimensions.dimensions[index].isOpaque {
            if let values = dimensions.dimensions[index].atoms[atom] { context[dimensions.dimensions[index].display] = values }
        }
        for (index, atom) in assignment.sorted(by: { $0.key < $1.key }) {
            guard let entry = dimensions.dimensions[index].entry, let op = DiffOperator(entry.operatorName), op.qualifier == .none,
                  entry.values.count == 1, entry.values[0].hasPrefix("${"), entry.values[0].hasSuffix("}"),
                  !entry.values[0].contains(","), [.stringEquals, .stringLike, .arnLike, .stringEqualsIgnoreCase].contains(op.comparison)
            else { continue }
            let other = String(entry.values[0].dropFirst(2).dropLast())
            let keys = Set(context.keys.map { $0.lowercased() })
            guard !keys.contains(entry.key.lowercased()), !keys.contains(other.lowercased()) else { continue }
            let wantsMatch = (atom == 0) != op.negated
            let value = op.comparison == .arnLike ? "arn:aws:iam::123456789012:user/u1" : "u1"
            context[entry.key] = [value]
            context[other] = [wantsMatch ? value : value + "0"]
        }
        return context
    }

    /// Values for the variables of the word: the key's own atom when it has one, else a fresh
    /// value, then a character no pattern uses and a value longer than every pattern.
    private func variableValues(_ assignment: [Int: Int]) -> [[String: String]] {
        let keys = Set((region.word ?? []).compactMap { regions.alphabet.variableKey($0) })
        guard !keys.isEmpty else { return [[:]] }
        let longest = tokens.flatMap { $0 }.map(\.count).max() ?? 8
        let fallbacks = ["u1", other, "u" + String(repeating: other, count: longest + 1)]
        return fallbacks.indices.map { choice in
            var values: [String: String] = [:]
            for key in keys.sorted() {
                if choice == 0, let dimension = dimensions.dimension(forKey: key), let atom = assignment[dimension],
                   let value = dimensions.dimensions[dimension].atoms[atom]?.first, value != "u1" {
                    values[key] = value
                } else {
                    values[key] = fallbacks[choice]
                }
            }
            return values
        }
    }

    private func text(of word: [Int], variables: [String: String]) -> String {
        word.map { symbol in
            if symbol == regions.alphabet.other { return other }
            if let key = regions.alphabet.variableKey(symbol) { return variables[key] ?? "u1" }
            return String(regions.alphabet.character(symbol))
        }.joined()
    }

    /// The first B Allow statement in play whose condition holds.
    func grantingStatement(_ assignment: [Int: Int]) -> DiffStatement? {
        inPlay.filter(\.isCandidateAllow).first { ConditionSolver.holds($0, dimensions: dimensions, assignment: assignment) }
            ?? inPlay.first(where: \.isCandidateAllow)
    }

    /// `*` → empty or `x`, `?` → `x`, variables → their values (§4.10).
    private func instantiations(of statement: DiffStatement, variables: [String: String]) -> [String] {
        guard !statement.resourcesExcept else { return [] }
        return tokens[statement.id].flatMap { pattern in
            [("", other), (other, other)].map { star, question in
                pattern.map { token in
                    switch token {
                    case .character(let scalar): String(scalar)
                    case .star: star
                    case .question: question
                    case .variable(let key, _): variables[key] ?? "u1"
                    }
                }.joined()
            }
        }
    }

    /// Catalog formats with placeholders filled (partition from d1).
    private func templateInstantiations() -> [String] {
        let partition = options.constraints.partitions?.first ?? "aws"
        return (group.domain.templates ?? []).sorted { ($0.count, $0) < ($1.count, $1) }.map { format in
            var result = ""
            var rest = Substring(format)
            while let open = rest.range(of: "${") {
                result += rest[..<open.lowerBound]
                guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
                result += rest[open.upperBound..<close] == "Partition" ? partition : other
                rest = rest[rest.index(after: close)...]
            }
            return result + rest
        }
    }

    // MARK: Explaining a finding

    func finding(request: EvaluationRequest, assignment: [Int: Int], verified: Bool) -> DiffFinding {
        let granting = grantingStatement(assignment)
        let classPattern = classPatternText()
        var context: [WitnessContextValue] = []
        for (index, atom) in assignment.sorted(by: { $0.key < $1.key }) where !dimensions.dimensions[index].isOpaque {
            let display = dimensions.dimensions[index].display
            context.append(WitnessContextValue(key: display, values: request.context[display.lowercased()] ?? dimensions.dimensions[index].atoms[atom]))
        }
        let written = Array(contextValues(assignment).keys)
        for (key, values) in request.context.sorted(by: { $0.key < $1.key })
        where !context.contains(where: { $0.key.lowercased() == key }) {
            context.append(WitnessContextValue(key: written.first { $0.lowercased() == key } ?? key, values: values))
        }
        context.sort { $0.key.lowercased() < $1.key.lowercased() }
        let referenceDeny = inPlay.first { $0.role == .referenceDeny && ConditionSolver.holds($0, dimensions: dimensions, assignment: assignment) }
        let regionText: String
        if let referenceDeny {
            regionText = "matched by \(names.reference)'s Deny \(referenceDeny.label)"
        } else if !inPlay.contains(where: { $0.role == .referenceAllow }) {
            regionText = "matches \(names.candidate)'s \(grantingPatternText(granting, resource: request.resource)) but no \(names.reference) pattern"
        } else {
            regionText = "matches \(names.candidate)'s \(grantingPatternText(granting, resource: request.resource)); \(names.reference)'s statements for it have conditions that fail"
        }
        return DiffFinding(verified: verified,
                           granting: granting?.reference ?? StatementReference(policy: "?", index: 0, sid: nil),
                           action: request.action, classSize: group.classActions.count, classPattern: classPattern,
                           resource: request.resource, region: regionText, context: context,
                           reasons: reasons(assignment: assignment, referenceDeny: referenceDeny))
    }

    private func grantingPatternText(_ statement: DiffStatement?, resource: RequestResource) -> String {
        guard let statement else { return "statement" }
        if statement.resourcesExcept {
            return "NotResource [" + statement.resourcePatterns.map { "`\($0)`" }.joined(separator: ", ") + "]"
        }
        guard case .arn(let text) = resource else { return "`*`" }
        let match = zip(statement.resourcePatterns, tokens[statement.id]).first { _, pattern in
            GlobCompiler.resource(pattern, semantics: .standard).contains { CompiledGlob(elements: $0).matches(text) }
        }
        return "`\(match?.0 ?? statement.resourcePatterns.first ?? "*")`"
    }

    /// The pattern whose expansion equals the class, if any.
    private func classPatternText() -> String? {
        let members = Set(group.classActions)
        let patterns = group.statements.filter { !$0.actionsExcept }.flatMap { zip($0.actionPatterns, $0.source.actions?.patterns ?? []) }
        return patterns.first { universe.expansions[$0.0] == members }?.1
    }

    private func reasons(assignment: [Int: Int], referenceDeny: DiffStatement?) -> [String] {
        if let referenceDeny { return ["\(names.reference)'s Deny \(referenceDeny.label) matches"] }
        let allows = group.statements.filter { $0.role == .referenceAllow }
        if allows.isEmpty { return ["no \(names.reference) Allow statement covers the action"] }
        return allows.map { statement in
            guard inPlay.contains(where: { $0.id == statement.id }) else {
                return "\(names.reference)'s \(statement.label): resource not matched by its \(statement.resourcesExcept ? "NotResource (excluded)" : "Resource")"
            }
            if let failing = ConditionSolver.firstFailing(statement, dimensions: dimensions, assignment: assignment) {
                let entry = statement.source.conditions[failing]
                return "\(names.reference)'s \(statement.label): condition `\(entry.operatorName)` on `\(entry.key)` is false"
            }
            return "\(names.reference)'s \(statement.label): matches"
        }
    }
}

/// The witness re-check (§4.8 step 5.4) behind one small function.
package enum DiffRecheck {
    /// The evaluator's decision (semantics D) for a request against one side's identity policies.
    package static let evaluate: DiffEvaluation = { request, policies in
        Evaluator().evaluate(request, in: PolicySet(identity: policies)).decision
    }
}
