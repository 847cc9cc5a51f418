import Foundation

/// Typed readings of condition values (§3.4.3). Each parser returns nil for text it cannot read;
/// the comparison then does not match (I-D) and the evaluator adds a note.

/// An exact decimal number: sign, integer digits and fraction digits, compared without rounding.
struct DecimalNumber: Comparable {
    var negative: Bool
    var integer: [UInt8]   // no leading zeros
    var fraction: [UInt8]  // no trailing zeros

    /// `[+-]?digits[.digits]`, also `.5` and `5.`.
    init?(_ text: String) {
        var bytes = Array(text.utf8)[...]
        negative = bytes.first == UInt8(ascii: "-")
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard !parts.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(digits.contains) }),
              parts.contains(where: { !$0.isEmpty }) else { return nil }
        integer = Array(parts[0].drop { $0 == UInt8(ascii: "0") })
        var fraction = parts.count == 2 ? Array(parts[1]) : []
        while fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
        self.fraction = fraction
        if integer.isEmpty && fraction.isEmpty { negative = false }  // -0 == 0
    }

    static func < (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool {
        if lhs.negative != rhs.negative { return lhs.negative }
        let magnitude = compareMagnitude(lhs, rhs)
        return lhs.negative ? magnitude > 0 : magnitude < 0
    }

    private static func compareMagnitude(_ a: DecimalNumber, _ b: DecimalNumber) -> Int {
        if a.integer.count != b.integer.count { return a.integer.count < b.integer.count ? -1 : 1 }
        for (x, y) in zip(a.integer, b.integer) where x != y { return x < y ? -1 : 1 }
        for index in 0..<max(a.fraction.count, b.fraction.count) {
            let x = index < a.fraction.count ? a.fraction[index] : UInt8(ascii: "0")
            let y = index < b.fraction.count ? b.fraction[index] : UInt8(ascii: "0")
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }
}

/// An instant: seconds since the epoch and nanoseconds. Reads integer epoch seconds
/// (0…2^63−1) or the W3C profile of ISO 8601 (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
/// `YYYY-MM-DDThh:mm[:ss[.f{1,9}]]` with `Z` or `±hh[:mm]`; `t`/`z` in lower case too).
/// A text of digits only is epoch seconds, never a year (I-D).
struct Instant: Comparable {
    var seconds: Int64
    var nanoseconds: Int64

    static func < (lhs: Instant, rhs: Instant) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }

    init?(_ text: String) {
        let bytes = Array(text.utf8)
        if !bytes.isEmpty, bytes.allSatisfy(Self.isDigit) {
            guard let seconds = Int64(text) else { return nil }
            self.seconds = seconds
            nanoseconds = 0
            return
        }
        guard let parsed = Self.parseISO(bytes) else { return nil }
        self = parsed
    }

    private init(seconds: Int64, nanoseconds: Int64) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }

    private static func parseISO(_ bytes: [UInt8]) -> Instant? {
        var reader = Reader(bytes: bytes)
        let negativeYear = reader.take("-")
        guard let yearDigits = reader.digits(min: 4, max: 9), var year = Int64(yearDigits) else { return nil }
        if negativeYear { year = -year }
        var month: Int64 = 1, day: Int64 = 1, hour: Int64 = 0, minute: Int64 = 0, second: Int64 = 0
        var nanos: Int64 = 0, offset: Int64 = 0
        if reader.take("-") {
            guard let m = reader.number(2), (1...12).contains(m) else { return nil }
            month = m
            if reader.take("-") {
                guard let d = reader.number(2), d >= 1, d <= daysIn(month: month, year: year) else { return nil }
                day = d
                if reader.take("T") || reader.take("t") {
                    guard let h = reader.number(2), h <= 23, reader.take(":"), let mi = reader.number(2), mi <= 59 else { return nil }
                    hour = h
                    minute = mi
                    if reader.take(":") {
                        guard let s = reader.number(2), s <= 59 else { return nil }
                        second = s
                        if reader.take(".") {
                            guard let fraction = reader.digits(min: 1, max: 9) else { return nil }
                            nanos = Int64(fraction.padding(toLength: 9, withPad: "0", startingAt: 0)) ?? 0
                        }
                    }
                    guard let zone = reader.zoneOffset() else { return nil }
                    offset = zone
                }
            }
        }
        guard reader.atEnd else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let (product, overflow) = days.multipliedReportingOverflow(by: 86_400)
        guard !overflow else { return nil }
        return Instant(seconds: product + hour * 3600 + minute * 60 + second - offset, nanoseconds: nanos)
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private struct Reader {
        var bytes: [UInt8]
        var position = 0

        var atEnd: Bool { position == bytes.count }

        mutating func take(_ character: Character) -> Bool {
            guard position < bytes.count, bytes[position] == character.asciiValue else { return false }
            position += 1
            return true
        }

        mutating func digits(min: Int, max: Int) -> String? {
            var end = position
            while end < bytes.count, end - position < max, Instant.isDigit(bytes[end]) { end += 1 }
            guard end - position >= min else { return nil }
            defer { position = end }
            return String(decoding: bytes[position..<end], as: UTF8.self)
        }

        mutating func number(_ count: Int) -> Int64? {
            digits(min: count, max: count).flatMap { Int64($0) }
        }

        /// `Z`, `z`, `±hh`, `±hh:mm`, `±hhmm` → seconds east of UTC.
        mutating func zoneOffset() -> Int64? {
            if take("Z") || take("z") { return 0 }
            let sign: Int64
            if take("+") { sign = 1 } else if take("-") { sign = -1 } else { return nil }
            guard let hours = number(2), hours <= 23 else { return nil }
            var minutes: Int64 = 0
            if take(":") {
                guard let m = number(2), m <= 59 else { return nil }
                minutes = m
            } else if let m = number(2) {
                guard m <= 59 else { return nil }
                minutes = m
            }
            return sign * (hours * 3600 + minutes * 60)
        }
    }
}

/// An IPv4 or IPv6 address, or a CIDR block of one.
struct IPBlock {
    var isV6: Bool
    /// The address's bits, most significant first (4 or 16 bytes).
    var bytes: [UInt8]
    var prefixLength: Int

    /// An address without `/n` is a single address: /32, or /128 for IPv6 (I-D).
    init?(cidr text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPBlock(address: String(parts[0])) else { return nil }
        self = address
        if parts.count == 2 {
            guard let length = Int(parts[1]), (0...(isV6 ? 128 : 32)).contains(length),
                  parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
            prefixLength = length
        }
    }

    init?(address text: String) {
        if text.contains(":") {
            guard let bytes = Self.parseV6(text) else { return nil }
            self.bytes = bytes
            isV6 = true
            prefixLength = 128
        } else {
            guard let bytes = Self.parseV4(text) else { return nil }
            self.bytes = bytes
            isV6 = false
            prefixLength = 32
        }
    }

    /// Whether `address` (a single address) lies in this block; a family mismatch does not.
    func contains(_ address: IPBlock) -> Bool {
        guard isV6 == address.isV6 else { return false }
        var remaining = prefixLength
        for (mine, theirs) in zip(bytes, address.bytes) where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if mine & mask != theirs & mask { return false }
            remaining -= bits
        }
        return true
    }

    private static func parseV4(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCIIDigit), let value = UInt8(part) else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    private static func parseV6(_ text: String) -> [UInt8]? {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt8]? {
            if part.isEmpty { return [] }
            var bytes: [UInt8] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1, piece.contains(".") {
                    guard let v4 = parseV4(String(piece)) else { return nil }
                    bytes += v4
                } else {
                    guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
                    bytes += [UInt8(value >> 8), UInt8(value & 0xFF)]
                }
            }
            return bytes
        }
        guard let head = groups(halves[0]) else { return nil }
        if halves.count == 1 { return head.count == 16 ? head : nil }
        guard let tail = groups(halves[1]), head.count + tail.count <= 14 else { return nil }
        return head + [UInt8](repeating: 0, count: 16 - head.count - tail.count) + tail
    }
}

enum ConditionScalars {
    /// `true`/`false` in any case.
    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }

    /// Base64 text's bytes (request values of binary keys are written in base64 as well, I-D).
    static func binary(_ text: String) -> [UInt8]? {
        Data(base64Encoded: text).map(Array.init)
    }

    /// Unicode simple lower-case mapping, scalar by scalar (I-D §3.4.3).
    static func folded(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.map { scalar in scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar }
    }
}
