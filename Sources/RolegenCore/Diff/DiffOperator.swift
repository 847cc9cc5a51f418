/// A condition operator read into its parts (§1.3, §3.4.2): set qualifier, base comparison,
/// negation and IfExists.
struct DiffOperator: Hashable, Sendable {
    enum Qualifier: Hashable, Sendable { case none, forAllValues, forAnyValue }

    /// The value family of a base; a key compared under two families is outside the exact fragment.
    enum Family: String, Hashable, Sendable { case string, numeric, date, bool, ip, binary, null }

    /// The evaluator's comparisons: the diff and the evaluator read operator names alike.
    typealias Comparison = ConditionOperator.Comparison
    typealias Order = ConditionOperator.Order

    var qualifier: Qualifier
    var comparison: Comparison
    var negated: Bool
    var ifExists: Bool

    var family: Family {
        switch comparison {
        case .stringEquals, .stringEqualsIgnoreCase, .stringLike, .arnLike: .string
        case .numeric: .numeric
        case .date: .date
        case .bool: .bool
        case .binaryEquals: .binary
        case .ipAddress: .ip
        case .null: .null
        }
    }

    /// nil for a name IAM does not know (exact case, §1.3 I-D), as the evaluator parses it.
    init?(_ name: String) {
        guard let parsed = ConditionOperator(name) else { return nil }
        qualifier = switch parsed.qualifier {
        case nil: .none
        case .forAllValues?: .forAllValues
        case .forAnyValue?: .forAnyValue
        }
        comparison = parsed.comparison
        negated = parsed.isNegated
        ifExists = parsed.ifExists
    }

    /// Whether the entry is true on a context value (⊥ = nil), given `matches(x)` = some policy
    /// value compares true with x under the positive base (§3.4.2).
    func holds(on values: [String]?, nullValues: [String], matches: (String) -> Bool) -> Bool {
        if comparison == .null {
            let wantsAbsent = nullValues.contains { $0.lowercased() == "true" }
            let wantsPresent = nullValues.contains { $0.lowercased() == "false" }
            return values == nil ? wantsAbsent : wantsPresent
        }
        func single(_ x: String) -> Bool { negated ? !matches(x) : matches(x) }
        switch qualifier {
        case .none:
            guard let values, !values.isEmpty else { return ifExists || negated }
            return values.count == 1 ? single(values[0]) : false
        case .forAllValues:
            guard let values, !Self.isNullDataSet(values) else { return true }
            return values.allSatisfy(single)
        case .forAnyValue:
            guard let values, !Self.isNullDataSet(values) else { return false }
            return values.contains(where: single)
        }
    }

    /// An empty list, or one empty string, is the "null data set" of set operators (§3.4.2 I-D).
    static func isNullDataSet(_ values: [String]) -> Bool {
        values.isEmpty || values == [""]
    }
}
