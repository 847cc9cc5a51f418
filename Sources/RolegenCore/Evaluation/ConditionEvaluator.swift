/// Evaluates one operator–key–values entry of a Condition block against a request context
/// (§3.4.2–§3.4.5).
package enum ConditionEvaluator {
    /// The entry's outcome and, when it is false, why in words.
    package struct Verdict: Sendable, Equatable {
        package var holds: Bool
        package var reason: String
    }

    package static func evaluate(_ entry: ConditionEntry, context: [String: [String]], variables: Bool,
                                 notes: inout EvaluationNotes) -> Verdict {
        guard let op = ConditionOperator(entry.operatorName) else {
            notes.add("unknown condition operator '\(entry.operatorName)': the entry never holds (I-D)")
            return Verdict(holds: false, reason: "unknown operator \(entry.operatorName)")
        }
        let present = context[entry.normalizedKey]
        let absent = present?.isEmpty ?? true
        if present?.isEmpty == true {
            notes.add("§3.4.2 I-D: key \(entry.key) has an empty list of values; it counts as absent")
        }
        if op.comparison == .null {
            let wantsAbsent = entry.values.contains { ConditionScalars.bool($0) == true }
            let wantsPresent = entry.values.contains { ConditionScalars.bool($0) == false }
            let holds = (wantsAbsent && absent) || (wantsPresent && !absent)
            return Verdict(holds: holds, reason: absent ? "key is absent" : "key is present")
        }
        let values = present ?? []
        switch op.qualifier {
        case nil:
            if absent {
                if op.ifExists { return Verdict(holds: true, reason: "") }
                return Verdict(holds: op.isNegated, reason: "key is absent")
            }
            if values.count >= 2 {
                notes.add("§3.4.2 I-D: key \(entry.key) has \(values.count) values; an operator without ForAllValues/ForAnyValue does not match a multivalued key")
                return Verdict(holds: false, reason: "key has \(values.count) values; a plain operator needs one (I-D)")
            }
            let holds = satisfies(values[0], op: op, entry: entry, context: context, variables: variables, notes: &notes)
            return Verdict(holds: holds, reason: "value '\(values[0])' " + (op.isNegated ? "matches one of " : "matches none of ") + listed(entry.values))
        case .forAllValues:
            if values == [""] { notes.add("§3.4.2 I-D: key \(entry.key) has only the empty string; set operators treat it as a null data set") }
            if isNullSet(values) { return Verdict(holds: true, reason: "") }
            let failing = values.first { !satisfies($0, op: op, entry: entry, context: context, variables: variables, notes: &notes) }
            return Verdict(holds: failing == nil, reason: "value '\(failing ?? "")' fails " + listed(entry.values))
        case .forAnyValue:
            if values == [""] { notes.add("§3.4.2 I-D: key \(entry.key) has only the empty string; set operators treat it as a null data set") }
            if isNullSet(values) {
                if op.ifExists && present == nil {
                    notes.add("§3.4.2 I-D: ForAnyValue…IfExists with an absent key does not hold")
                }
                return Verdict(holds: false, reason: "key is absent or has no values")
            }
            let holds = values.contains { satisfies($0, op: op, entry: entry, context: context, variables: variables, notes: &notes) }
            return Verdict(holds: holds, reason: "no value of \(listed(values)) satisfies " + listed(entry.values))
        }
    }

    /// No values, or only `""` (I-D §3.4.2: the "null data set" of set operators).
    private static func isNullSet(_ values: [String]) -> Bool {
        values.isEmpty || values == [""]
    }

    private static func listed(_ values: [String]) -> String {
        "[" + values.map { "'\($0)'" }.joined(separator: ", ") + "]"
    }

    /// m(x): the positive comparison against any value, negated for "not" operators (NOR).
    private static func satisfies(_ x: String, op: ConditionOperator, entry: ConditionEntry, context: [String: [String]],
                                  variables: Bool, notes: inout EvaluationNotes) -> Bool {
        let any = entry.values.contains { value in
            compare(x, value, op: op, key: entry.key, context: context, variables: variables, notes: &notes)
        }
        return op.isNegated ? !any : any
    }

    /// pos(x) for one policy value.
    static func compare(_ x: String, _ value: String, op: ConditionOperator, key: String, context: [String: [String]],
                        variables: Bool, notes: inout EvaluationNotes) -> Bool {
        var pieces: [PatternPiece] = [.pattern(value)]
        if op.acceptsVariables {
            switch VariableSubstitution.resolve(value, context: context, enabled: variables) {
            case .resolved(let resolved):
                pieces = resolved
                if resolved.count > 1 || resolved.first != .pattern(value) {
                    if op.comparison == .bool { notes.add("§3.4.3 I-D: policy variables are substituted in Bool values") }
                    if op.comparison == .stringLike || op.comparison == .arnLike {
                        notes.add("§3.6 I-D: text substituted for a policy variable is literal (its * and ? are not wildcards)")
                    }
                }
            case .unresolved(let variable):
                notes.add("§3.6: variable ${\(variable)} in the value '\(value)' of \(key) is absent: that value matches nothing")
                return false
            }
        }
        let text = PatternPiece.text(pieces)
        switch op.comparison {
        case .stringEquals:
            return x.unicodeScalars.elementsEqual(text.unicodeScalars)
        case .stringEqualsIgnoreCase:
            notes.add("§3.4.3 I-D: StringEqualsIgnoreCase compares after the Unicode simple lower-case mapping")
            return ConditionScalars.folded(x) == ConditionScalars.folded(text)
        case .stringLike:
            return GlobMatcher.matches(PatternPiece.tokens(pieces), Array(x.unicodeScalars))
        case .numeric(let order):
            guard let lhs = parsed(x, DecimalNumber.init, what: "a number", key: key, notes: &notes),
                  let rhs = parsed(text, DecimalNumber.init, what: "a number", key: key, policy: true, notes: &notes) else { return false }
            return order.holds(lhs, rhs)
        case .date(let order):
            for text in [x, text] where !text.isEmpty && text.allSatisfy(\.isASCIIDigit) {
                notes.add("§3.4.3 I-D: the date '\(text)' of \(key) is read as epoch seconds")
            }
            guard let lhs = parsed(x, Instant.init, what: "a date", key: key, notes: &notes),
                  let rhs = parsed(text, Instant.init, what: "a date", key: key, policy: true, notes: &notes) else { return false }
            return order.holds(lhs, rhs)
        case .bool:
            guard let lhs = parsed(x, ConditionScalars.bool, what: "true or false", key: key, notes: &notes),
                  let rhs = parsed(text, ConditionScalars.bool, what: "true or false", key: key, policy: true, notes: &notes) else { return false }
            return lhs == rhs
        case .binaryEquals:
            guard let lhs = parsed(x, ConditionScalars.binary, what: "base64", key: key, notes: &notes),
                  let rhs = parsed(text, ConditionScalars.binary, what: "base64", key: key, policy: true, notes: &notes) else { return false }
            return lhs == rhs
        case .ipAddress:
            guard let address = parsed(x, IPBlock.init(address:), what: "an IP address", key: key, notes: &notes),
                  let block = parsed(text, IPBlock.init(cidr:), what: "an IP address or CIDR block", key: key, policy: true, notes: &notes)
            else { return false }
            if block.isV6 && !text.contains("/") { notes.add("§3.4.3 I-D: the IPv6 address '\(text)' without a prefix is a /128") }
            return block.contains(address)
        case .arnLike:
            return arnMatches(pieces, x)
        case .null:
            return false
        }
    }

    private static func parsed<T>(_ text: String, _ parse: (String) -> T?, what: String, key: String, policy: Bool = false,
                                  notes: inout EvaluationNotes) -> T? {
        if let value = parse(text) { return value }
        let side = policy ? "policy value" : "request value"
        notes.add("§3.4.3 I-D: \(side) '\(text)' of \(key) is not \(what); the comparison does not match")
        return nil
    }

    /// §3.4.5: six colon-separated components, each a glob of its own; the sixth may hold colons.
    static func arnMatches(_ pieces: [PatternPiece], _ arn: String) -> Bool {
        var components: [[GlobToken]] = [[]]
        for piece in pieces {
            switch piece {
            case .literal(let text):
                components[components.count - 1] += text.unicodeScalars.map(GlobToken.literal)
            case .pattern(let text):
                for scalar in text.unicodeScalars {
                    if scalar == ":" && components.count < 6 {
                        components.append([])
                    } else {
                        components[components.count - 1] += GlobMatcher.tokens(String(scalar))
                    }
                }
            }
        }
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard components.count == 6, parts.count == 6 else { return false }
        return zip(components, parts).allSatisfy { GlobMatcher.matches($0, Array($1.unicodeScalars)) }
    }
}

/// Warnings and the implementation-defined rules that applied, in the order first met.
package struct EvaluationNotes: Sendable, Equatable {
    package private(set) var items: [String] = []
    /// false: notes are neither built nor kept (a caller that prints only decisions; building
    /// them was a third of the time of a 100,000-request simulation).
    package let collects: Bool

    package init(collects: Bool = true) {
        self.collects = collects
    }

    package mutating func add(_ note: @autoclosure () -> String) {
        guard collects else { return }
        let note = note()
        if !items.contains(note) { items.append(note) }
    }
}
