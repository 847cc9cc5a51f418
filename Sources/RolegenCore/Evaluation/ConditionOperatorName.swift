/// A condition operator's name taken apart: `ForAnyValue:StringLikeIfExists` is the set
/// qualifier ForAnyValue, the base StringLike and IfExists. Names are compared exactly: IAM's
/// behaviour for other cases is undocumented and rolegen refuses them [I-D] (§1.3).
package struct ConditionOperatorName: Sendable, Equatable {
    package enum Qualifier: String, Sendable {
        case forAllValues = "ForAllValues"
        case forAnyValue = "ForAnyValue"
    }

    package enum Family: Sendable {
        case string, numeric, date, bool, binary, ipAddress, arn, null
    }

    package var qualifier: Qualifier?
    package var base: String
    package var ifExists: Bool

    package static let bases: [String: Family] = {
        var table: [String: Family] = [:]
        for name in ["StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike"] {
            table[name] = .string
        }
        for suffix in ["Equals", "NotEquals", "LessThan", "LessThanEquals", "GreaterThan", "GreaterThanEquals"] {
            table["Numeric" + suffix] = .numeric
            table["Date" + suffix] = .date
        }
        table["Bool"] = .bool
        table["BinaryEquals"] = .binary
        table["IpAddress"] = .ipAddress
        table["NotIpAddress"] = .ipAddress
        for name in ["ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"] { table[name] = .arn }
        table["Null"] = .null
        return table
    }()

    package var family: Family { Self.bases[base]! }

    /// The negated bases (§1.3): several values under them combine as NOR.
    package var isNegated: Bool {
        ["StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "NumericNotEquals", "DateNotEquals", "NotIpAddress",
         "ArnNotEquals", "ArnNotLike"].contains(base)
    }

    /// nil for a name IAM does not know (`ForAnyValue::StringEquals`, `NullIfExists`, `stringequals`).
    package static func parse(_ name: String) -> ConditionOperatorName? {
        var rest = Substring(name)
        var qualifier: Qualifier?
        for candidate in [Qualifier.forAllValues, .forAnyValue] where rest.hasPrefix(candidate.rawValue + ":") {
            qualifier = candidate
            rest = rest.dropFirst(candidate.rawValue.count + 1)
        }
        var ifExists = false
        if rest.hasSuffix("IfExists") {
            ifExists = true
            rest = rest.dropLast("IfExists".count)
        }
        let base = String(rest)
        guard bases[base] != nil, !(base == "Null" && ifExists) else { return nil }
        return ConditionOperatorName(qualifier: qualifier, base: base, ifExists: ifExists)
    }

    /// Whether IAM's legacy parser accepts a Date operator's value: W3C-profile ISO 8601
    /// (`2026-01-01`, `2026-01-01T12:00:00Z`, offsets, fractions to 9 digits) or epoch seconds.
    package static func isDateLiteral(_ text: String) -> Bool {
        if !text.isEmpty && text.count <= 19 && text.allSatisfy(\.isASCIIDigit) { return true }
        let bytes = Array(text.utf8)
        func digits(_ from: Int, _ count: Int) -> Bool {
            from + count <= bytes.count && bytes[from..<(from + count)].allSatisfy { $0 >= 48 && $0 <= 57 }
        }
        var index = 0
        if index < bytes.count && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) { index += 1 }
        guard digits(index, 4) else { return false }
        index += 4
        guard index < bytes.count else { return true }  // a year alone
        guard bytes[index] == UInt8(ascii: "-"), digits(index + 1, 2) else { return false }
        index += 3
        guard index < bytes.count else { return true }  // year-month
        guard bytes[index] == UInt8(ascii: "-"), digits(index + 1, 2) else { return false }
        index += 3
        guard index < bytes.count else { return true }  // a date
        guard bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: "t"), digits(index + 1, 2),
              index + 3 < bytes.count, bytes[index + 3] == UInt8(ascii: ":"), digits(index + 4, 2) else { return false }
        index += 6
        if index < bytes.count && bytes[index] == UInt8(ascii: ":") {
            guard digits(index + 1, 2) else { return false }
            index += 3
            if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
                var count = 0
                index += 1
                while index < bytes.count && bytes[index] >= 48 && bytes[index] <= 57 { index += 1; count += 1 }
                guard (1...9).contains(count) else { return false }
            }
        }
        guard index < bytes.count else { return true }
        if bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") { return index + 1 == bytes.count }
        guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), digits(index + 1, 2) else { return false }
        index += 3
        if index == bytes.count { return true }
        if bytes[index] == UInt8(ascii: ":") { index += 1 }
        return digits(index, 2) && index + 2 == bytes.count
    }
}
