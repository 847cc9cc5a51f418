/// A condition operator read into its parts (§1.3, §3.4.2): set qualifier, base comparison,
/// negation and IfExists.
struct DiffOperator: Hashable, Sendable {
    enum Qualifier: Hashable, Sendable { case none, forAllValues, forAnyValue }

    /// The value family of a base; a key compared under two families is outside the exact fragment.
    enum Family: String, Hashable, Sendable { case string, numeric, date, bool, ip, binary, null }

    enum Comparison: Hashable, Sendable {
        case stringEquals, stringEqualsIgnoreCase, stringLike, arnLike
        case numeric(Order), date(Order)
        case bool, binary, ipAddress, null
    }

    enum Order: Hashable, Sendable { case equal, less, lessOrEqual, greater, greaterOrEqual }

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
        case .binary: .binary
        case .ipAddress: .ip
        case .null: .null
        }
    }

    /// nil for a name IAM does not know (exact case, §1.3 I-D).
    init?(_ name: String) {
        var rest = Substring(name)
        if rest.hasPrefix("ForAllValues:") {
            qualifier = .forAllValues
            rest = rest.dropFirst("ForAllValues:".count)
        } else if rest.hasPrefix("ForAnyValue:") {
            qualifier = .forAnyValue
            rest = rest.dropFirst("ForAnyValue:".count)
        } else {
            qualifier = .none
        }
        ifExists = rest.hasSuffix("IfExists") && rest != "NullIfExists"
        if ifExists { rest = rest.dropLast("IfExists".count) }
        guard let (comparison, negated) = Self.bases[String(rest)] else { return nil }
        self.comparison = comparison
        self.negated = negated
    }

    private static let bases: [String: (Comparison, Bool)] = [
        "StringEquals": (.stringEquals, false), "StringNotEquals": (.stringEquals, true),
        "StringEqualsIgnoreCase": (.stringEqualsIgnoreCase, false), "StringNotEqualsIgnoreCase": (.stringEqualsIgnoreCase, true),
        "StringLike": (.stringLike, false), "StringNotLike": (.stringLike, true),
        "NumericEquals": (.numeric(.equal), false), "NumericNotEquals": (.numeric(.equal), true),
        "NumericLessThan": (.numeric(.less), false), "NumericLessThanEquals": (.numeric(.lessOrEqual), false),
        "NumericGreaterThan": (.numeric(.greater), false), "NumericGreaterThanEquals": (.numeric(.greaterOrEqual), false),
        "DateEquals": (.date(.equal), false), "DateNotEquals": (.date(.equal), true),
        "DateLessThan": (.date(.less), false), "DateLessThanEquals": (.date(.lessOrEqual), false),
        "DateGreaterThan": (.date(.greater), false), "DateGreaterThanEquals": (.date(.greaterOrEqual), false),
        "Bool": (.bool, false), "BinaryEquals": (.binary, false),
        "IpAddress": (.ipAddress, false), "NotIpAddress": (.ipAddress, true),
        "ArnEquals": (.arnLike, false), "ArnLike": (.arnLike, false),
        "ArnNotEquals": (.arnLike, true), "ArnNotLike": (.arnLike, true),
        "Null": (.null, false),
    ]

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
