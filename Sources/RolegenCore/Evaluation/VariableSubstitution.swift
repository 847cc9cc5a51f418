import Foundation

/// Policy variables (§3.6): `${key}`, `${key, 'default'}`, and the literal escapes `${*}`,
/// `${?}`, `${$}`. Only policies of version 2012-10-17 have them; elsewhere `${...}` is text.
package enum VariableSubstitution {
    /// One part of a policy string as written.
    enum Segment: Equatable {
        case text(String)
        case escape(String)
        case variable(key: String, fallback: String?)
    }

    /// The outcome of substituting a string's variables.
    package enum Resolution: Equatable {
        case resolved([PatternPiece])
        /// A variable whose key is absent (or multivalued) and has no default: the value is null
        /// and matches nothing.
        case unresolved(key: String)
    }

    static func segments(_ text: String) -> [Segment] {
        var segments: [Segment] = []
        var rest = Substring(text), pending = ""
        while let start = rest.range(of: "${") {
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else { break }
            pending += rest[..<start.lowerBound]
            if !pending.isEmpty { segments.append(.text(pending)) }
            pending = ""
            segments.append(segment(body: String(rest[start.upperBound..<end])))
            rest = rest[rest.index(after: end)...]
        }
        pending += rest
        if !pending.isEmpty { segments.append(.text(pending)) }
        return segments
    }

    /// What `${body}` is. The diff reads variables with this too, so the two never disagree
    /// about a key or a default.
    static func segment(body: String) -> Segment {
        if ["*", "?", "$"].contains(body) { return .escape(body) }
        guard let comma = body.firstIndex(of: ",") else {
            return .variable(key: body.trimmingSpaces, fallback: nil)
        }
        let key = String(body[..<comma]).trimmingSpaces
        let fallback = String(body[body.index(after: comma)...]).trimmingSpaces
        if fallback.count >= 2, fallback.first == "'", fallback.last == "'" {
            return .variable(key: key, fallback: String(fallback.dropFirst().dropLast()))
        }
        // `${key, default}` without quotes is not the documented syntax: the whole body is the key.
        return .variable(key: body, fallback: nil)
    }

    /// Substitutes `text`'s variables from a request context (keys lower-cased). Substituted
    /// values are literal (I-D §3.6).
    package static func resolve(_ text: String, context: [String: [String]], enabled: Bool) -> Resolution {
        guard enabled, text.contains("${") else { return .resolved([.pattern(text)]) }
        var pieces: [PatternPiece] = []
        for segment in segments(text) {
            switch segment {
            case .text(let text): pieces.append(.pattern(text))
            case .escape(let literal): pieces.append(.literal(literal))
            case .variable(let key, let fallback):
                let values = context[key.lowercased()] ?? []
                // A multivalued key is not substituted: it counts as absent (I-D).
                if values.count == 1 {
                    pieces.append(.literal(values[0]))
                } else if let fallback {
                    pieces.append(.literal(fallback))
                } else {
                    return .unresolved(key: key)
                }
            }
        }
        return .resolved(pieces)
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
