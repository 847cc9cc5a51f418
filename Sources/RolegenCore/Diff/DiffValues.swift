import Foundation

/// Parsers and comparisons of condition values by family (§3.4.3). A value that does not parse
/// never compares true (§3.4.3 I-D).
enum DiffValues {
    // MARK: Numbers

    /// A decimal number: optional sign, digits, optional fraction.
    static func number(_ text: String) -> Double? {
        var body = Substring(text)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        return Double(text)
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

    /// W3C-profile ISO 8601 (`2020-01-01`, `2020-01-01T00:00:01Z`, offsets, fractions) or epoch
    /// seconds; seconds since 1970.
    static func date(_ text: String) -> Double? {
        if !text.isEmpty, text.allSatisfy(\.isASCIIDigit) { return Double(text) }
        let scalars = Array(text.utf8)
        var index = 0
        func digits(_ count: Int) -> Int? {
            guard index + count <= scalars.count else { return nil }
            var value = 0
            for byte in scalars[index..<(index + count)] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += count
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < scalars.count, scalars[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = digits(4), expect(45), let month = digits(2), expect(45), let day = digits(2),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var seconds = 0.0, offset = 0
        if index < scalars.count {
            guard expect(84) || expect(116), let hour = digits(2), expect(58), let minute = digits(2),
                  hour < 24, minute < 60 else { return nil }
            seconds = Double(hour * 3600 + minute * 60)
            if expect(58) {
                guard let second = digits(2), second < 61 else { return nil }
                seconds += Double(second)
                if expect(46) {
                    let start = index
                    while index < scalars.count, scalars[index] >= 48, scalars[index] <= 57 { index += 1 }
                    guard index > start, index - start <= 9 else { return nil }
                    seconds += Double("0." + String(decoding: scalars[start..<index], as: UTF8.self)) ?? 0
                }
            }
            if expect(90) || expect(122) {
            } else if index < scalars.count, scalars[index] == 43 || scalars[index] == 45 {
                let sign = scalars[index] == 45 ? -1 : 1
                index += 1
                guard let hours = digits(2) else { return nil }
                var minutes = 0
                if expect(58) { guard let m = digits(2) else { return nil }; minutes = m }
                offset = sign * (hours * 3600 + minutes * 60)
            }
        }
        guard index == scalars.count else { return nil }
        return Double(daysFromCivil(year, month, day)) * 86400 + seconds - Double(offset)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
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

    /// An IPv4 or IPv6 literal.
    static func address(_ text: String) -> Address? {
        if text.contains(":") { return ipv6(text).map { Address(isV6: true, value: $0) } }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt128 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCIIDigit), let octet = Int(part), octet < 256 else { return nil }
            value = value << 8 | UInt128(octet)
        }
        return Address(isV6: false, value: value)
    }

    private static func ipv6(_ text: String) -> UInt128? {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt128]? {
            if part.isEmpty { return [] }
            var result: [UInt128] = []
            for group in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(group.count), let value = UInt16(group, radix: 16) else { return nil }
                result.append(UInt128(value))
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        let tail = halves.count == 2 ? groups(halves[1]) : []
        guard let tail else { return nil }
        let missing = 8 - head.count - tail.count
        guard halves.count == 2 ? missing >= 1 : missing == 0 else { return nil }
        let all = head + Array(repeating: 0, count: missing) + tail
        return all.reduce(0) { $0 << 16 | $1 }
    }

    /// A CIDR block (an address alone is /32 or /128) as its first and last address.
    static func block(_ text: String) -> (low: Address, high: Address)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let base = address(String(parts[0])) else { return nil }
        let width = base.isV6 ? 128 : 32
        var prefix = width
        if parts.count == 2 {
            guard let given = Int(parts[1]), (0...width).contains(given), parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
            prefix = given
        }
        let hostBits = width - prefix
        let hostMask: UInt128 = hostBits == 0 ? 0 : (hostBits == 128 ? ~0 : (UInt128(1) << UInt128(hostBits)) - 1)
        let low = base.value & ~hostMask
        return (Address(isV6: base.isV6, value: low), Address(isV6: base.isV6, value: low | hostMask))
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
