/// A condition operator name split into its parts (§1.3): `[ForAllValues:|ForAnyValue:]Base[IfExists]`.
/// Names are exact-case (I-D); anything else is unknown.
package struct ConditionOperator: Sendable, Equatable {
    package enum Qualifier: String, Sendable {
        case forAllValues = "ForAllValues"
        case forAnyValue = "ForAnyValue"
    }

    package enum Comparison: Sendable, Hashable {
        case stringEquals, stringEqualsIgnoreCase, stringLike
        case numeric(Order)
        case date(Order)
        case bool, binaryEquals, ipAddress, arnLike
        case null
    }

    package enum Order: Sendable, Hashable {
        case equal, less, lessOrEqual, greater, greaterOrEqual

        func holds<T: Comparable>(_ x: T, _ v: T) -> Bool {
            switch self {
            case .equal: x == v
            case .less: x < v
            case .lessOrEqual: x <= v
            case .greater: x > v
            case .greaterOrEqual: x >= v
            }
        }
    }

    package var qualifier: Qualifier?
    /// The positive comparison (`StringNotLike` → `stringLike`).
    package var comparison: Comparison
    /// A "not" base: several values combine as NOR, and an absent key satisfies it.
    package var isNegated: Bool
    package var ifExists: Bool

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
        "Bool": (.bool, false), "BinaryEquals": (.binaryEquals, false),
        "IpAddress": (.ipAddress, false), "NotIpAddress": (.ipAddress, true),
        "ArnEquals": (.arnLike, false), "ArnLike": (.arnLike, false),
        "ArnNotEquals": (.arnLike, true), "ArnNotLike": (.arnLike, true),
        "Null": (.null, false),
    ]

    package init?(_ name: String) {
        var rest = Substring(name)
        for qualifier in [Qualifier.forAllValues, .forAnyValue] where rest.hasPrefix(qualifier.rawValue + ":") {
            self.qualifier = qualifier
            rest = rest.dropFirst(qualifier.rawValue.count + 1)
        }
        ifExists = rest.hasSuffix("IfExists")
        if ifExists { rest = rest.dropLast("IfExists".count) }
        guard let (comparison, negated) = Self.bases[String(rest)] else { return nil }
        if comparison == .null && (ifExists || qualifier != nil) { return nil }
        self.comparison = comparison
        isNegated = negated
    }

    /// Whether policy variables are substituted in this operator's values (§3.6; Bool is I-D).
    var acceptsVariables: Bool {
        switch comparison {
        case .stringEquals, .stringEqualsIgnoreCase, .stringLike, .arnLike, .bool: true
        default: false
        }
    }
}
