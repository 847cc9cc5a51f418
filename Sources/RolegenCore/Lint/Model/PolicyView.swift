/// A policy document read leniently: every element that is present, with where it is written,
/// whatever else is wrong. Grammar rules look at the raw nodes; the others at the typed views.
/// A key written twice counts with its last value (as most JSON readers do); the duplicate-key
/// rule reports the repetition.
package struct PolicyView: Sendable {
    package let root: SourceNode
    package let version: SourceNode?
    package let id: SourceNode?
    /// The `Statement` element: an object or an array of them.
    package let statementElement: SourceNode?
    package let statements: [StatementView]

    package init(_ root: SourceNode) {
        self.root = root
        let entries = root.mappingEntries ?? []
        version = Self.last("Version", in: entries)
        id = Self.last("Id", in: entries)
        statementElement = Self.last("Statement", in: entries)
        switch statementElement?.content {
        case .mapping?:
            statements = [StatementView(statementElement!, index: 0)]
        case .sequence(let items)?:
            statements = items.enumerated().compactMap { index, item in
                item.mappingEntries == nil ? nil : StatementView(item, index: index)
            }
        default:
            statements = []
        }
    }

    /// Whether the document declares version 2012-10-17, the one that supports policy variables.
    package var isCurrentVersion: Bool { version?.scalarText == "2012-10-17" }

    static func last(_ key: String, in entries: [SourceNode.Entry]) -> SourceNode? {
        entries.last { $0.key.scalarText == key }?.value
    }
}

/// One statement, read leniently.
package final class StatementView: Sendable {
    package let node: SourceNode
    /// Its position in the Statement array, from 0.
    package let index: Int
    package let sid: Located<String>?
    package let effect: Located<String>?
    package let principal: SourceNode?
    package let notPrincipal: SourceNode?
    /// `Action` strings (a single string counts as a list of one); `nil` when absent.
    package let actions: [Located<String>]?
    package let notActions: [Located<String>]?
    package let resources: [Located<String>]?
    package let notResources: [Located<String>]?
    /// The `Condition` element, as written.
    package let condition: SourceNode?
    /// Every operator → key → values entry of the condition that has the expected shape.
    package let clauses: [ConditionClause]

    package init(_ node: SourceNode, index: Int) {
        self.node = node
        self.index = index
        let entries = node.mappingEntries ?? []
        func value(_ key: String) -> SourceNode? { PolicyView.last(key, in: entries) }
        sid = value("Sid").flatMap(Self.string)
        effect = value("Effect").flatMap(Self.string)
        principal = value("Principal")
        notPrincipal = value("NotPrincipal")
        actions = value("Action").map(Self.strings)
        notActions = value("NotAction").map(Self.strings)
        resources = value("Resource").map(Self.strings)
        notResources = value("NotResource").map(Self.strings)
        condition = value("Condition")
        var clauses: [ConditionClause] = []
        for block in condition?.mappingEntries ?? [] {
            guard let operatorName = block.key.scalarText else { continue }
            for entry in block.value.mappingEntries ?? [] {
                guard let key = entry.key.scalarText else { continue }
                clauses.append(ConditionClause(
                    operator: Located(operatorName, at: block.key.location), key: Located(key, at: entry.key.location),
                    values: Self.strings(entry.value), valueNode: entry.value))
            }
        }
        self.clauses = clauses
    }

    /// The Sid, or the statement's position: how messages and reports name a statement.
    package var label: String { sid.map { "'\($0.value)'" } ?? "statement \(index + 1)" }
    /// For baselines: stable while statements are added around it when it has a Sid.
    package var identity: String { sid?.value ?? "#\(index + 1)" }
    package var isAllow: Bool { effect?.value == "Allow" }
    package var isDeny: Bool { effect?.value == "Deny" }

    /// The value of `key` in the statement, as written (last occurrence).
    package func element(_ key: String) -> SourceNode? {
        PolicyView.last(key, in: node.mappingEntries ?? [])
    }

    /// The clauses on `key` (without case, as IAM compares keys).
    package func clauses(forKey key: String) -> [ConditionClause] {
        clauses.filter { $0.key.value.equalsIgnoringCase(key) }
    }

    static func string(_ node: SourceNode) -> Located<String>? {
        guard case .scalar(let scalar) = node.content else { return nil }
        return Located(scalar.text, at: node.location)
    }

    /// A string, or the strings of an array; other values are left out (the grammar rules report them).
    static func strings(_ node: SourceNode) -> [Located<String>] {
        switch node.content {
        case .scalar(let scalar): return [Located(scalar.text, at: node.location)]
        case .sequence(let items): return items.compactMap(string)
        case .mapping: return []
        }
    }
}

/// `"StringEquals": {"aws:SourceAccount": "111122223333"}`: an operator, a key and its values.
package final class ConditionClause: Sendable {
    package let `operator`: Located<String>
    package let key: Located<String>
    package let values: [Located<String>]
    package let valueNode: SourceNode

    package init(operator operatorName: Located<String>, key: Located<String>, values: [Located<String>], valueNode: SourceNode) {
        self.operator = operatorName
        self.key = key
        self.values = values
        self.valueNode = valueNode
    }

    /// The operator without its `ForAllValues:`/`ForAnyValue:` qualifier and `IfExists` suffix.
    package var baseOperator: String {
        var name = self.operator.value
        for qualifier in ["ForAllValues:", "ForAnyValue:"] where name.hasPrefix(qualifier) { name.removeFirst(qualifier.count) }
        if name.hasSuffix("IfExists") { name.removeLast("IfExists".count) }
        return name
    }

    package var qualifier: String? {
        let name = self.operator.value
        return ["ForAllValues", "ForAnyValue"].first { name.hasPrefix($0 + ":") }
    }

    package var isIfExists: Bool { self.operator.value.hasSuffix("IfExists") }
}

extension SourceNode {
    /// The entries, when this is a mapping (an object).
    package var mappingEntries: [Entry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    package var sequenceItems: [SourceNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The JSON type of the node: YAML scalars that are plain `true`, `false`, `null` or numbers
    /// count as those; every other scalar is a string.
    package var jsonKind: JSONKind {
        switch content {
        case .mapping: return .object
        case .sequence: return .array
        case .scalar(let scalar):
            guard scalar.isPlain else { return .string }
            switch scalar.text {
            case "true", "false": return .boolean
            case "null": return .null
            default: return Double(scalar.text) != nil && scalar.text.first.map({ $0.isNumber || $0 == "-" }) == true ? .number : .string
            }
        }
    }
}

package enum JSONKind: String, Sendable {
    case object, array, string, number, boolean, null

    /// "an object", "a number", for messages.
    package var described: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .boolean: "a boolean"
        case .null: "null"
        }
    }
}
