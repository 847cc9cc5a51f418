/// IAM's condition operators and their `ForAllValues:`/`ForAnyValue:` and `IfExists` forms.
package enum ConditionOperators {
    package static let base = [
        "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
        "StringLike", "StringNotLike",
        "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
        "NumericGreaterThan", "NumericGreaterThanEquals",
        "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
        "Bool", "BinaryEquals", "IpAddress", "NotIpAddress",
        "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike",
        "Null",
    ]

    /// Whether `name` is an operator IAM accepts.
    package static func isValid(_ name: String) -> Bool {
        var rest = Substring(name)
        for prefix in ["ForAllValues:", "ForAnyValue:"] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
        }
        if rest.hasSuffix("IfExists") && rest != "NullIfExists" {
            rest = rest.dropLast("IfExists".count)
        }
        return base.contains(String(rest))
    }

    /// The closest valid spelling of a mistyped operator, for "did you mean".
    package static func suggestion(for name: String) -> String {
        var candidates = base
        for operatorName in base where operatorName != "Null" {
            candidates.append(operatorName + "IfExists")
            candidates.append("ForAllValues:" + operatorName)
            candidates.append("ForAnyValue:" + operatorName)
        }
        return Suggestions.didYouMean(name, in: candidates)
    }
}
