/// Action matching (§3.1): ASCII case-insensitive; the pattern splits at its only colon and each
/// side is a glob (a wildcard vendor is rolegen's choice, I-D); `*` alone matches every action.
package enum ActionMatcher {
    package static func matches(pattern: String, action: String) -> Bool {
        if !pattern.isEmpty && pattern.unicodeScalars.allSatisfy({ $0 == "*" }) { return true }
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

    static func asciiLowercased(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32)! : $0 }))
    }
}
