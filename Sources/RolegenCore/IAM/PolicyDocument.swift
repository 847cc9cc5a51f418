/// An IAM policy document as rolegen emits it.
package struct PolicyDocument: Hashable, Sendable {
    package static let currentVersion = "2012-10-17"

    package var version: String
    package var statements: [PolicyStatement]

    package init(version: String = PolicyDocument.currentVersion, statements: [PolicyStatement]) {
        self.version = version
        self.statements = statements
    }
}

package enum Effect: String, Hashable, Sendable, CaseIterable {
    case allow = "Allow"
    case deny = "Deny"
}

/// One statement. Lists are kept sorted and free of duplicates by `normalized()`.
package struct PolicyStatement: Hashable, Sendable {
    package var sid: String?
    package var effect: Effect
    package var principal: Principal?
    package var actions: [String]
    /// `NotAction` instead of `Action` (only ever in Deny statements rolegen writes).
    package var actionsAreExcluded = false
    package var resources: [String]
    /// `NotResource` instead of `Resource`.
    package var resourcesAreExcluded = false
    package var condition: ConditionSet

    package init(
        sid: String? = nil, effect: Effect, principal: Principal? = nil, actions: [String],
        actionsAreExcluded: Bool = false, resources: [String], resourcesAreExcluded: Bool = false,
        condition: ConditionSet = ConditionSet()
    ) {
        self.sid = sid
        self.effect = effect
        self.principal = principal
        self.actions = actions
        self.actionsAreExcluded = actionsAreExcluded
        self.resources = resources
        self.resourcesAreExcluded = resourcesAreExcluded
        self.condition = condition
    }

    /// Actions without duplicates (IAM compares action names without case) in a stable order;
    /// resources without duplicates, sorted.
    package func normalized() -> PolicyStatement {
        var copy = self
        copy.actions = Self.canonicalActions(actions)
        copy.resources = Array(Set(resources)).sorted()
        return copy
    }

    /// Sorted by lower-cased name; of spellings that differ only in case, the one sorting first stays.
    package static func canonicalActions(_ actions: [String]) -> [String] {
        var byLowercased: [String: String] = [:]
        for action in actions {
            let key = action.lowercased()
            if let existing = byLowercased[key], existing <= action { continue }
            byLowercased[key] = action
        }
        return byLowercased.sorted { $0.key < $1.key }.map(\.value)
    }
}

/// A statement's `Principal`: principal kinds (`AWS`, `Federated`, `Service`, ...) to values.
package struct Principal: Hashable, Sendable {
    package var entries: [String: [String]]

    package init(_ entries: [String: [String]]) {
        self.entries = entries.mapValues { Array(Set($0)).sorted() }
    }
}

/// A statement's `Condition`: operators to condition keys to values, kept canonical so that two
/// sets that mean the same compare equal (which statement merging depends on).
package struct ConditionSet: Hashable, Sendable {
    package private(set) var blocks: [String: [String: [String]]] = [:]

    package init() {}

    package var isEmpty: Bool { blocks.isEmpty }

    /// Whether `operatorName` already constrains `key`.
    package func contains(operator operatorName: String, key: String) -> Bool {
        blocks[operatorName]?[key] != nil
    }

    /// Adds values for a key; the caller makes sure the pair is new (IAM has one entry per key).
    package mutating func set(operator operatorName: String, key: String, values: [String]) {
        blocks[operatorName, default: [:]][key] = Array(Set(values)).sorted()
    }

    package func values(operator operatorName: String, key: String) -> [String]? {
        blocks[operatorName]?[key]
    }

    /// Every (operator, key, values), sorted by operator then key.
    package var clauses: [(operator: String, key: String, values: [String])] {
        blocks.keys.sorted().flatMap { operatorName in
            blocks[operatorName]!.keys.sorted().map { key in (operatorName, key, blocks[operatorName]![key]!) }
        }
    }

    /// Every condition key, whatever its operator.
    package var keys: Set<String> { Set(blocks.values.flatMap(\.keys)) }
}
