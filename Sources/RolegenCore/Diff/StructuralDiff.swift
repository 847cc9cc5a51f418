/// The structural view shown under the verdict: statements added, removed and changed (matched
/// by Sid, else by identical content), and per changed statement the actions, resources and
/// conditions added and removed.
package struct StructuralDiff: Sendable {
    package struct Change: Sendable {
        package var old: StatementReference
        package var new: StatementReference
        package var effect: (old: String, new: String)?
        package var actionsAdded: [String] = []
        package var actionsRemoved: [String] = []
        package var resourcesAdded: [String] = []
        package var resourcesRemoved: [String] = []
        package var conditionsAdded: [String] = []
        package var conditionsRemoved: [String] = []

        package var isEmpty: Bool {
            effect == nil && actionsAdded.isEmpty && actionsRemoved.isEmpty && resourcesAdded.isEmpty
                && resourcesRemoved.isEmpty && conditionsAdded.isEmpty && conditionsRemoved.isEmpty
        }
    }

    package var added: [StatementReference] = []
    package var removed: [StatementReference] = []
    package var changed: [Change] = []
    package var unchangedCount = 0

    package var hasChanges: Bool { !added.isEmpty || !removed.isEmpty || !changed.isEmpty }

    package init(old: [EvaluationPolicy], new: [EvaluationPolicy]) {
        var olds = Self.statements(old)
        var news = Self.statements(new)
        // 1. Same Sid.
        for (oldIndex, entry) in olds.enumerated().reversed() {
            guard let sid = entry.reference.sid, !sid.isEmpty,
                  let newIndex = news.firstIndex(where: { $0.reference.sid == sid }) else { continue }
            record(entry, news[newIndex])
            olds.remove(at: oldIndex)
            news.remove(at: newIndex)
        }
        // 2. Identical content.
        for (oldIndex, entry) in olds.enumerated().reversed() {
            guard let newIndex = news.firstIndex(where: { $0.content == entry.content }) else { continue }
            record(entry, news[newIndex])
            olds.remove(at: oldIndex)
            news.remove(at: newIndex)
        }
        removed = olds.map(\.reference)
        added = news.map(\.reference)
        changed.sort { ($0.new.policy, $0.new.index) < ($1.new.policy, $1.new.index) }
    }

    private struct Entry {
        var reference: StatementReference
        var statement: EvaluationStatement
        var actions: Set<String>
        var resources: Set<String>
        var conditions: Set<String>
        var content: String
    }

    private static func statements(_ policies: [EvaluationPolicy]) -> [Entry] {
        policies.flatMap { policy in
            policy.statements.map { statement in
                let actions = Set((statement.actions?.patterns ?? []).map { (statement.actions?.isExcept == true ? "NotAction " : "") + $0 })
                let resources = Set((statement.resources?.patterns ?? []).map { (statement.resources?.isExcept == true ? "NotResource " : "") + $0 })
                let conditions = Set(statement.conditions.map { "\($0.operatorName) \($0.key) [\($0.values.joined(separator: ", "))]" })
                let content = [statement.effect?.rawValue ?? "?", actions.sorted().joined(separator: "|"),
                               resources.sorted().joined(separator: "|"), conditions.sorted().joined(separator: "|")].joined(separator: "\n")
                return Entry(reference: StatementReference(policy: policy.name, index: statement.index, sid: statement.sid),
                             statement: statement, actions: actions, resources: resources, conditions: conditions, content: content)
            }
        }
    }

    private mutating func record(_ old: Entry, _ new: Entry) {
        var change = Change(old: old.reference, new: new.reference)
        if old.statement.effect != new.statement.effect {
            change.effect = (old.statement.effect?.rawValue ?? "?", new.statement.effect?.rawValue ?? "?")
        }
        change.actionsAdded = new.actions.subtracting(old.actions).sorted()
        change.actionsRemoved = old.actions.subtracting(new.actions).sorted()
        change.resourcesAdded = new.resources.subtracting(old.resources).sorted()
        change.resourcesRemoved = old.resources.subtracting(new.resources).sorted()
        change.conditionsAdded = new.conditions.subtracting(old.conditions).sorted()
        change.conditionsRemoved = old.conditions.subtracting(new.conditions).sorted()
        if change.isEmpty { unchangedCount += 1 } else { changed.append(change) }
    }
}
