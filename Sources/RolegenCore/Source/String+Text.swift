extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    package var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.index(after: scalars.lastIndex(where: { !$0.properties.isWhitespace })!)
        // Scalar indices are valid UTF-8 indices; copying the bytes is much cheaper than
        // appending scalar by scalar.
        return String(decoding: utf8[first..<end], as: UTF8.self)
    }
}

extension Sequence<String> {
    /// `'a', 'b' and 'c'`: names for a message.
    package func quotedList(conjunction: String = "and") -> String {
        let quoted = map { "'\($0)'" }
        switch quoted.count {
        case 0: return ""
        case 1: return quoted[0]
        default: return quoted.dropLast().joined(separator: ", ") + " \(conjunction) " + quoted.last!
        }
    }
}

extension StringProtocol {
    /// Equal when compared without ASCII case, as IAM compares action names and condition keys.
    package func equalsIgnoringCase(_ other: some StringProtocol) -> Bool {
        utf8.count == other.utf8.count && zip(utf8, other.utf8).allSatisfy { a, b in
            a == b || (a | 0x20 == b | 0x20 && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(a | 0x20))
        }
    }
}
