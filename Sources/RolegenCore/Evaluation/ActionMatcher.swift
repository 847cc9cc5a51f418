/// Action matching (§3.1): ASCII case-insensitive; the pattern splits at its only colon and each
/// side is a glob (a wildcard vendor is rolegen's choice, I-D); `*` alone matches every action.
package enum ActionMatcher {
    package static func matches(pattern: String, action: String) -> Bool {
        if !pattern.isEmpty && pattern.unicodeScalars.allSatisfy({ $0 == "*" }) { return true }
        // Most patterns name one action, and the evaluator asks for every statement of every
        // request: compare the bytes, ASCII case folded, without building globs. The same
        // answer as below: a literal glob matches only its own text.
        if !pattern.utf8.contains(UInt8(ascii: "*")) && !pattern.utf8.contains(UInt8(ascii: "?")) {
            return pattern.utf8.count(where: { $0 == UInt8(ascii: ":") }) == 1 && equalFoldingASCII(pattern, action)
        }
        let patternParts = asciiLowercased(pattern).split(separator: ":", omittingEmptySubsequences: false)
        guard patternParts.count == 2 else { return false }
        let actionLower = asciiLowercased(action)
        guard let colon = actionLower.firstIndex(of: ":") else { return false }
        let vendor = String(actionLower[..<colon]), name = String(actionLower[actionLower.index(after: colon)...])
        return GlobMatcher.matches(String(patternParts[0]), vendor) && GlobMatcher.matches(String(patternParts[1]), name)
    }

    /// Whether the vendor part of a pattern holds a wildcard (an I-D reading worth a note).
    static func hasWildcardVendor(_ pattern: String) -> Bool {
        guard let colon = pattern.firstIndex(of: ":") else { return false }
        return pattern[..<colon].contains { $0 == "*" || $0 == "?" }
    }

    private static func equalFoldingASCII(_ left: String, _ right: String) -> Bool {
        guard left.utf8.count == right.utf8.count else { return false }
        return zip(left.utf8, right.utf8).allSatisfy { lower($0) == lower($1) }
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

    static func asciiLowercased(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32)! : $0 }))
    }
}
