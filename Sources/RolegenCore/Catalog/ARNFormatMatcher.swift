/// Decides whether a resource written in a policy (`arn:aws:s3:::acme-data/*`, perhaps with
/// `*`, `?` and policy variables) can name a resource of a type, given the type's ARN formats
/// from the catalog (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`).
///
/// A format's variables stand for one or more characters, never `:`, and never the character
/// that follows the variable in the format. The last variable may hold `/` (S3 keys, role
/// paths) and `:` (Bedrock model ids such as `anthropic.claude-3-haiku-20240307-v1:0`) unless
/// another format of the service extends the same text with that character: the bucket format
/// then excludes object ARNs, which is the distinction Role Manager's Glue template got wrong
/// (D7), and a log group excludes its log streams. The answer is exact for concrete ARNs and for patterns whose wildcards stay in
/// one segment; a pattern such as `pipeline/*` names every type its wildcard can reach.
package final class ARNFormatMatcher {
    // Tokens are computed once per resource and per format: a persona checks dozens of
    // resources against the formats of every action it uses.
    private var resourceCache: [String: CompiledResource] = [:]
    private var formatCache: [String: CompiledFormat] = [:]

    package init() {}

    /// A policy resource made ready for matching: its tokens and the literal start of its
    /// resource part. Immutable, so threads may share it.
    package struct CompiledResource: Sendable {
        fileprivate let tokens: [PatternToken]
        fileprivate let prefix: [UInt8]?
    }

    /// A catalog format made ready for matching (it depends on the service's other formats).
    package struct CompiledFormat: Sendable {
        fileprivate let tokens: [FormatToken]
        fileprivate let prefix: [UInt8]?
    }

    package static func compile(resource: String) -> CompiledResource {
        CompiledResource(tokens: resourceTokens(resource),
                         prefix: literalResourcePrefix(resource, stops: [UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "$")]))
    }

    package static func compile(format: String, siblings: [String]) -> CompiledFormat {
        CompiledFormat(tokens: formatTokens(format, siblings: siblings), prefix: literalResourcePrefix(format, stops: [UInt8(ascii: "$")]))
    }

    /// Whether some ARN matches both the compiled resource and format.
    package static func canDenote(_ resource: CompiledResource, _ format: CompiledFormat) -> Bool {
        // A quick rejection: the resource parts (after the fifth colon) must agree on the literal
        // text both start with (`training-job/` against `model/`). Most pairs stop here.
        if let a = resource.prefix, let b = format.prefix, !(a.starts(with: b) || b.starts(with: a)) { return false }
        return intersects(resource.tokens, format.tokens)
    }

    /// Whether some ARN matches both the policy resource and the format. `siblings` are the
    /// service's other formats (they decide whether the last variable may hold `/`).
    package func canDenote(resource: String, format: String, siblings: [String]) -> Bool {
        Self.canDenote(resourceEntry(resource), formatEntry(format, siblings: siblings))
    }

    /// The one-off form, for callers without a matcher to reuse.
    package static func canDenote(resource: String, format: String, siblings: [String]) -> Bool {
        canDenote(compile(resource: resource), compile(format: format, siblings: siblings))
    }

    private func resourceEntry(_ resource: String) -> CompiledResource {
        if let cached = resourceCache[resource] { return cached }
        let entry = Self.compile(resource: resource)
        resourceCache[resource] = entry
        return entry
    }

    private func formatEntry(_ format: String, siblings: [String]) -> CompiledFormat {
        if let cached = formatCache[format] { return cached }
        let entry = Self.compile(format: format, siblings: siblings)
        formatCache[format] = entry
        return entry
    }

    /// The literal start of the part after the fifth colon, up to the first wildcard or variable.
    private static func literalResourcePrefix(_ text: String, stops: [UInt8]) -> [UInt8]? {
        var colons = 0
        var result: [UInt8] = []
        for byte in text.utf8 {
            if colons < 5 {
                if byte == UInt8(ascii: ":") { colons += 1 }
                if stops.contains(byte) { return nil }
                continue
            }
            if stops.contains(byte) { break }
            result.append(byte)
        }
        return colons == 5 ? result : nil
    }

    fileprivate enum PatternToken: Equatable, Sendable {
        case literal(UInt8)
        case any      // ?
        case anyRun   // *, or a policy variable
    }

    fileprivate enum FormatToken: Equatable, Sendable {
        case literal(UInt8)
        /// One or more bytes, none of them in `excluded`.
        case variable(excluded: [UInt8])
    }

    private static func resourceTokens(_ resource: String) -> [PatternToken] {
        var tokens: [PatternToken] = []
        let bytes = Array(resource.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
               let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")) {
                // A policy variable resolves at request time to text we cannot know.
                tokens.append(.anyRun)
                index = close + 1
                continue
            }
            switch byte {
            case UInt8(ascii: "*"): if tokens.last != .anyRun { tokens.append(.anyRun) }
            case UInt8(ascii: "?"): tokens.append(.any)
            default: tokens.append(.literal(byte))
            }
            index += 1
        }
        return tokens
    }

    private static func formatTokens(_ format: String, siblings: [String]) -> [FormatToken] {
        let bytes = Array(format.utf8)
        var tokens: [FormatToken] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
               let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")) {
                var excluded: [UInt8] = []
                if close + 1 < bytes.count {
                    excluded = [UInt8(ascii: ":"), bytes[close + 1]]
                } else {
                    // The last variable may hold ':' and '/' (Bedrock model ids end in "-v1:0", S3
                    // keys have slashes) unless a sibling format extends the same text with them.
                    let text = String(decoding: bytes[..<(close + 1)], as: UTF8.self)
                    for separator in [":", "/"] {
                        let extended = text + separator
                        if siblings.contains(where: { $0.hasPrefix(extended) }) {
                            excluded.append(UInt8(ascii: separator.unicodeScalars.first!))
                        }
                    }
                }
                tokens.append(.variable(excluded: excluded))
                index = close + 1
            } else {
                tokens.append(.literal(bytes[index]))
                index += 1
            }
        }
        return tokens
    }

    /// Depth-first search over pairs of positions: whether both token lists accept a common string.
    private static func intersects(_ pattern: [PatternToken], _ format: [FormatToken]) -> Bool {
        // States are (i, j, inside a variable): a flat bitmap is much cheaper than hashing them.
        let width = format.count + 1
        var seen = [Bool](repeating: false, count: (pattern.count + 1) * width * 2)
        var stack: [(i: Int, j: Int, inVariable: Bool)] = [(0, 0, false)]
        while let (i, j, inVariable) = stack.popLast() {
            let slot = (i * width + j) * 2 + (inVariable ? 1 : 0)
            if seen[slot] { continue }
            seen[slot] = true
            if i == pattern.count && j == format.count { return true }
            // Moves that consume nothing.
            if i < pattern.count, pattern[i] == .anyRun { stack.append((i + 1, j, inVariable)) }
            if inVariable { stack.append((i, j + 1, false)) }
            guard i < pattern.count, j < format.count else { continue }
            // Moves that consume one byte on both sides.
            let nextI = pattern[i] == .anyRun ? i : i + 1
            switch (pattern[i], format[j]) {
            case (.literal(let a), .literal(let b)):
                if a == b { stack.append((nextI, j + 1, false)) }
            case (.literal(let a), .variable(let excluded)):
                if !excluded.contains(a) { stack.append((nextI, j, true)) }
            case (.any, .literal), (.anyRun, .literal):
                stack.append((nextI, j + 1, false))
            case (.any, .variable), (.anyRun, .variable):
                stack.append((nextI, j, true))
            }
        }
        return false
    }
}
