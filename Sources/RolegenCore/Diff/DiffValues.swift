import Foundation

/// Parsers and comparisons of condition values by family (§3.4.3). A value that does not parse
/// never compares true (§3.4.3 I-D).
enum DiffValues {
    // MARK: Numbers

    /// A decimal number as the evaluator reads it (`DecimalNumber`: `[+-]?digits[.digits]`,
    /// `.5`, `5.`), as a Double for ordering atoms. The diff must accept exactly what the
    /// evaluator accepts: a value one of them cannot read never matches there, and a
    /// disagreement would let the diff prove PASS on a condition the evaluator can satisfy.
    static func number(_ text: String) -> Double? {
        guard let decimal = DecimalNumber(text) else { return nil }
        let integer = decimal.integer.isEmpty ? "0" : String(decoding: decimal.integer, as: UTF8.self)
        let fraction = decimal.fraction.isEmpty ? "" : "." + String(decoding: decimal.fraction, as: UTF8.self)
        return Double((decimal.negative ? "-" : "") + integer + fraction)
    }

    static func compare(_ x: Double, _ v: Double, _ order: DiffOperator.Order) -> Bool {
        switch order {
        case .equal: x == v
        case .less: x < v
        case .lessOrEqual: x <= v
        case .greater: x > v
        case .greaterOrEqual: x >= v
        }
    }

    static func format(number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    // MARK: Dates

    /// Seconds since 1970 of a date as the evaluator reads it (`Instant`: W3C-profile ISO 8601
    /// or epoch seconds).
    static func date(_ text: String) -> Double? {
        Instant(text).map { Double($0.seconds) + Double($0.nanoseconds) / 1e9 }
    }

    /// An instant as `YYYY-MM-DDThh:mm:ssZ` (with a fraction when it has one).
    static func format(date seconds: Double) -> String {
        let whole = seconds.rounded(.down)
        var days = Int(whole / 86400)
        var rest = Int(whole) - days * 86400
        if rest < 0 { rest += 86400; days -= 1 }
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        var text = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, rest / 3600, rest % 3600 / 60, rest % 60)
        let fraction = seconds - whole
        if fraction > 0 { text += String(String(format: "%.9f", fraction).dropFirst()).replacingOccurrences(of: "0+$", with: "", options: .regularExpression) }
        return text + "Z"
    }

    // MARK: IP addresses

    struct Address: Hashable, Comparable, Sendable {
        var isV6: Bool
        var value: UInt128
        static func < (a: Address, b: Address) -> Bool { (a.isV6 ? 1 : 0, a.value) < (b.isV6 ? 1 : 0, b.value) }
    }

    /// An IPv4 or IPv6 literal, as the evaluator reads it (`IPBlock`).
    static func address(_ text: String) -> Address? {
        IPBlock(address: text).map(Self.address(of:))
    }

    private static func address(of block: IPBlock) -> Address {
        Address(isV6: block.isV6, value: block.bytes.reduce(UInt128(0)) { $0 << 8 | UInt128($1) })
    }

    /// A CIDR block (an address alone is /32 or /128) as its first and last address.
    static func block(_ text: String) -> (low: Address, high: Address)? {
        guard let block = IPBlock(cidr: text) else { return nil }
        let base = address(of: block)
        let hostBits = (block.isV6 ? 128 : 32) - block.prefixLength
        let hostMask: UInt128 = hostBits == 0 ? 0 : (hostBits == 128 ? ~0 : (UInt128(1) << UInt128(hostBits)) - 1)
        let low = base.value & ~hostMask
        return (Address(isV6: block.isV6, value: low), Address(isV6: block.isV6, value: low | hostMask))
    }

    static func format(address: Address) -> String {
        if !address.isV6 {
            return (0..<4).map { String(UInt8(truncatingIfNeeded: address.value >> UInt128(24 - 8 * $0))) }.joined(separator: ".")
        }
        let groups = (0..<8).map { UInt16(truncatingIfNeeded: address.value >> UInt128(112 - 16 * $0)) }
        // The longest run of two or more zero groups becomes `::`.
        var best = (start: -1, length: 0), index = 0
        while index < 8 {
            if groups[index] == 0 {
                var end = index
                while end < 8 && groups[end] == 0 { end += 1 }
                if end - index > best.length && end - index >= 2 { best = (index, end - index) }
                index = end
            } else {
                index += 1
            }
        }
        let hex = groups.map { String($0, radix: 16) }
        if best.start < 0 { return hex.joined(separator: ":") }
        return hex[..<best.start].joined(separator: ":") + "::" + hex[(best.start + best.length)...].joined(separator: ":")
    }

    // MARK: Strings

    /// Whether x matches one string-family policy value (variables already excluded).
    static func stringMatches(_ comparison: DiffOperator.Comparison, value: String, x: String) -> Bool {
        switch comparison {
        case .stringEquals: return x == value
        case .stringEqualsIgnoreCase: return x.lowercased() == value.lowercased()
        case .stringLike: return CompiledGlob.whole(value).matches(x)
        case .arnLike:
            guard let elements = GlobCompiler.arn(value) else { return false }
            return CompiledGlob(elements: elements).matches(x)
        default: return false
        }
    }
}

/// A compiled glob matched against concrete text by dynamic programming (linear memory).
struct CompiledGlob {
    let elements: [GlobElement]

    static func whole(_ text: String) -> CompiledGlob {
        CompiledGlob(elements: GlobCompiler.glob(DiffTokenizer.tokens(text, variables: false)))
    }

    func matches(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        // reachable[i]: the first i elements can match the text read so far.
        var reachable = Array(repeating: false, count: elements.count + 1)
        reachable[0] = true
        closeStars(&reachable)
        for scalar in scalars {
            var next = Array(repeating: false, count: elements.count + 1)
            for index in elements.indices where reachable[index] {
                switch elements[index] {
                case .literal(let literal): if literal == scalar { next[index + 1] = true }
                case .literalAnyCase(let literal): if CaseVariants.of(literal).contains(scalar) { next[index + 1] = true }
                case .one(let crosses): if crosses || scalar != ":" { next[index + 1] = true }
                case .star(let crosses): if crosses || scalar != ":" { next[index] = true }
                case .placeholder(let crosses, let excluded): if scalar != excluded && (crosses || scalar != ":") { next[index] = true }
                case .variable: break
                }
            }
            closeStars(&next)
            reachable = next
            if !reachable.contains(true) { return false }
        }
        return reachable[elements.count]
    }

    private func closeStars(_ reachable: inout [Bool]) {
        for index in elements.indices where reachable[index] {
            if elements[index].isRun { reachable[index + 1] = true }
        }
    }
}
