/// Finds context atoms (one per key) under which B allows and A does not (§4.8 step 5.3):
/// backtracking over keys with the fewest atoms first, pruning with a three-valued evaluation of
/// the goal after every assignment.
struct ConditionSolver {
    private enum Truth { case yes, no, open }

    let dimensions: ConditionDimensions
    /// The statements in play (action and resource match).
    let statements: [DiffStatement]
    /// Atoms a dimension may take (keys a resource word's variables need present).
    let allowed: [Int: [Int]]

    /// Up to `limit` assignments (dimension → atom), in search order; `budget` counts nodes.
    func solutions(limit: Int, budget: inout Int) -> (found: [[Int: Int]], exhausted: Bool) {
        var used = Set(allowed.keys)
        for statement in statements {
            for entry in dimensions.entries[statement.id] {
                if case .table(let dimension, _) = entry { used.insert(dimension) }
            }
        }
        let order = used.sorted { lhs, rhs in
            let (l, r) = (choices(lhs).count, choices(rhs).count)
            return l != r ? l < r : lhs < rhs
        }
        var found: [[Int: Int]] = []
        var assignment: [Int: Int] = [:]
        var exhausted = false
        func search(_ depth: Int) {
            if found.count >= limit || exhausted { return }
            budget -= 1
            if budget < 0 { exhausted = true; return }
            let current = goal(assignment)
            if current == .no { return }
            if depth == order.count {
                if current == .yes { found.append(assignment) }
                return
            }
            let dimension = order[depth]
            for atom in choices(dimension) {
                assignment[dimension] = atom
                search(depth + 1)
                if found.count >= limit || exhausted { break }
            }
            assignment[dimension] = nil
        }
        search(0)
        return (found, exhausted)
    }

    private func choices(_ dimension: Int) -> [Int] {
        allowed[dimension] ?? Array(dimensions.dimensions[dimension].atoms.indices)
    }

    /// B allows (an Allow holds, no Deny holds) and A does not (no Allow holds, or a Deny holds).
    private func goal(_ assignment: [Int: Int]) -> Truth {
        let truths = statements.map { (statement: $0, truth: truth(of: $0, assignment)) }
        func any(_ role: DiffStatement.Role) -> Truth {
            let values = truths.filter { $0.statement.role == role }.map(\.truth)
            if values.contains(.yes) { return .yes }
            return values.contains(.open) ? .open : .no
        }
        let candidateAllows = and(any(.candidateAllow), not(any(.candidateDeny)))
        let referenceRefuses = or(not(any(.referenceAllow)), any(.referenceDeny))
        return and(candidateAllows, referenceRefuses)
    }

    private func truth(of statement: DiffStatement, _ assignment: [Int: Int]) -> Truth {
        var result = Truth.yes
        for entry in dimensions.entries[statement.id] {
            switch entry {
            case .constant(let value):
                if !value { return .no }
            case .table(let dimension, let truth):
                guard let atom = assignment[dimension] else { result = .open; continue }
                if !truth[atom] { return .no }
            }
        }
        return result
    }

    /// Whether a statement's condition holds under a full assignment.
    static func holds(_ statement: DiffStatement, dimensions: ConditionDimensions, assignment: [Int: Int]) -> Bool {
        firstFailing(statement, dimensions: dimensions, assignment: assignment) == nil
    }

    /// The position of the first condition entry that is false, nil when all hold.
    static func firstFailing(_ statement: DiffStatement, dimensions: ConditionDimensions, assignment: [Int: Int]) -> Int? {
        for (position, entry) in dimensions.entries[statement.id].enumerated() {
            switch entry {
            case .constant(let value): if !value { return position }
            case .table(let dimension, let truth): if let atom = assignment[dimension], !truth[atom] { return position }
            }
        }
        return nil
    }

    private func not(_ value: Truth) -> Truth { value == .yes ? .no : value == .no ? .yes : .open }
    private func and(_ a: Truth, _ b: Truth) -> Truth {
        if a == .no || b == .no { return .no }
        return a == .yes && b == .yes ? .yes : .open
    }
    private func or(_ a: Truth, _ b: Truth) -> Truth {
        if a == .yes || b == .yes { return .yes }
        return a == .no && b == .no ? .no : .open
    }
}
