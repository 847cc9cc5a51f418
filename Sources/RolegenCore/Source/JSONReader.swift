/// A strict JSON parser (RFC 8259) that keeps the line and column of every value, for policy
/// documents: what IAM accepts is strict JSON, and a linter that accepts trailing commas or
/// comments (as parliament does) passes policies AWS rejects.
///
/// It builds the same `SourceNode` tree as the YAML reader, so every rule works on JSON and YAML
/// policies alike: strings are quoted scalars, numbers, `true`, `false` and `null` plain ones.
/// Keys that repeat in one object are kept (both entries, in order) for the duplicate-key rule;
/// readers take the last, as most JSON parsers do.
///
/// Columns count Unicode scalars from 1, so a column points at the same character an editor
/// shows. Works on bytes: it reads AWS's 6 MB of managed policies in a few tens of milliseconds.
package struct JSONReader {
    package struct Failure: Error, Equatable, Sendable {
        package var message: String
        package var location: SourceLocation

        package init(_ message: String, at location: SourceLocation) {
            self.message = message
            self.location = location
        }
    }

    /// Deepest nesting of arrays and objects (IAM documents need 5).
    package static let maxDepth = 100

    private let bytes: UnsafeBufferPointer<UInt8>
    private let path: String
    private var index = 0
    private var line = 1
    /// Index of the first byte of the current line, to compute columns on demand.
    private var lineStart = 0

    private init(bytes: UnsafeBufferPointer<UInt8>, path: String) {
        self.bytes = bytes
        self.path = path
    }

    /// Parses one JSON text. A UTF-8 byte-order mark is skipped.
    package static func parse(_ bytes: [UInt8], path: String) -> Result<SourceNode, Failure> {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(bytes: buffer, path: path)
            return reader.parseDocument()
        }
    }

    package static func parse(_ text: String, path: String) -> Result<SourceNode, Failure> {
        parse(Array(text.utf8), path: path)
    }

    /// Parses one JSON text whose top-level array may be far larger than its elements (a
    /// `simulate --requests` file): each element of that array is handed to `element` as soon as
    /// it is read and not kept, so memory stays that of one element. The result is the root with
    /// an empty item list in place of the elements (its location, and any other kind of root as
    /// read), or the first syntax error, found after the elements before it were handed over.
    package static func parse(_ bytes: [UInt8], path: String, streamingElements element: (SourceNode) -> Void) -> Result<SourceNode, Failure> {
        bytes.withUnsafeBufferPointer { buffer in
            withoutActuallyEscaping(element) { element in
                var reader = JSONReader(bytes: buffer, path: path)
                reader.topLevelElement = element
                return reader.parseDocument()
            }
        }
    }

    /// The same for the arrays that are the values of some members of a top-level object (an
    /// account dump's `RoleDetailList`): each element goes to `element` with the member's name,
    /// and the member's array is left empty in the result.
    package static func parse(_ bytes: [UInt8], path: String, streamingMembers members: Set<String>,
                              element: (String, SourceNode) -> Void) -> Result<SourceNode, Failure> {
        bytes.withUnsafeBufferPointer { buffer in
            withoutActuallyEscaping(element) { element in
                var reader = JSONReader(bytes: buffer, path: path)
                reader.streamedMembers = members
                reader.memberElement = element
                return reader.parseDocument()
            }
        }
    }

    /// Receives the top-level array's elements instead of the array (`streamingElements`).
    private var topLevelElement: ((SourceNode) -> Void)?
    /// Receives the elements of these top-level members' arrays (`streamingMembers`).
    private var streamedMembers: Set<String> = []
    private var memberElement: ((String, SourceNode) -> Void)?
    /// The member whose array is being read, while it is.
    private var streamingMember: String?

    private mutating func parseDocument() -> Result<SourceNode, Failure> {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            index = 3
            lineStart = 3
        }
        do {
            try skipWhitespace()
            guard index < bytes.count else { throw failure("the document is empty: expected a JSON value") }
            let root = try parseValue(depth: 0)
            try skipWhitespace()
            if index < bytes.count {
                throw failure("unexpected \(describe(bytes[index])) after the end of the document; a JSON text holds one value")
            }
            return .success(root)
        } catch let error as Failure {
            return .failure(error)
        } catch {
            return .failure(failure("\(error)"))
        }
    }

    // MARK: - Positions

    /// Column bookkeeping: the scalars counted from `lineStart` up to `columnCursor`. Locations
    /// are asked for in increasing order, so counting resumes where it stopped (a minified
    /// policy is one long line).
    private var columnCursor = 0
    private var columnCount = 1

    private var location: SourceLocation {
        mutating get { location(at: index) }
    }

    private mutating func location(at position: Int) -> SourceLocation {
        if columnCursor < lineStart || columnCursor > position {
            columnCursor = lineStart
            columnCount = 1
        }
        while columnCursor < position && columnCursor < bytes.count {
            if bytes[columnCursor] & 0xC0 != 0x80 { columnCount += 1 }
            columnCursor += 1
        }
        return SourceLocation(path: path, line: line, column: columnCount)
    }

    private mutating func failure(_ message: String) -> Failure {
        Failure(message, at: location)
    }

    private mutating func failure(_ message: String, at position: Int) -> Failure {
        Failure(message, at: location(at: position))
    }

    private func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x0A: "line break"
        case 0x09: "tab"
        case 0x20...0x7E: "'\(Character(UnicodeScalar(byte)))'"
        default: "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
    }

    // MARK: - Grammar

    private mutating func skipWhitespace() throws {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D:
                index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            case UInt8(ascii: "/") where index + 1 < bytes.count && (bytes[index + 1] == UInt8(ascii: "/") || bytes[index + 1] == UInt8(ascii: "*")):
                throw failure("comments are not allowed in JSON; IAM rejects a policy that has them")
            default:
                return
            }
        }
    }

    private mutating func parseValue(depth: Int) throws -> SourceNode {
        guard index < bytes.count else { throw failure("the document ends where a value was expected") }
        let start = location
        switch bytes[index] {
        case UInt8(ascii: "{"):
            return try parseObject(depth: depth + 1, start: start)
        case UInt8(ascii: "["):
            return try parseArray(depth: depth + 1, start: start)
        case UInt8(ascii: "\""):
            return .scalar(try parseString(), plain: false, at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .scalar(try parseNumber(), plain: true, at: start)
        case let byte where Self.isWordByte(byte):
            return .scalar(try parseLiteral(), plain: true, at: start)
        case UInt8(ascii: "'"):
            throw failure("strings in JSON use double quotes, not single quotes")
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            throw failure("expected a value, found \(describe(bytes[index]))")
        default:
            throw failure("expected a value (a string, number, object, array, true, false or null), found \(describe(bytes[index]))")
        }
    }

    /// `true`, `false` or `null`; any other bare word is an error, with the fix when it is one
    /// of them in the wrong case (`True`, as Python writes it).
    private mutating func parseLiteral() throws -> String {
        let start = index
        while index < bytes.count && Self.isWordByte(bytes[index]) && index - start < 32 { index += 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if ["true", "false", "null"].contains(word) { return word }
        let hint = ["true", "false", "null"].contains(word.lowercased()) ? "; write it in lower case: \(word.lowercased())" : ""
        throw failure("expected a value, found '\(word)'\(hint)", at: start)
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }

    private mutating func parseObject(depth: Int, start: SourceLocation) throws -> SourceNode {
        if depth > Self.maxDepth { throw failure("objects and arrays are nested more than \(Self.maxDepth) deep") }
        index += 1
        var entries: [SourceNode.Entry] = []
        try skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            return SourceNode(.mapping(entries), at: start)
        }
        while true {
            try skipWhitespace()
            guard index < bytes.count else { throw failure("the document ends inside an object: expected '\"' or '}'") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                if bytes[index] == UInt8(ascii: "}") {
                    throw failure("trailing comma before '}': JSON allows no comma after the last member")
                }
                throw failure("expected a member name in double quotes, found \(describe(bytes[index]))")
            }
            let keyLocation = location
            let key = try parseString()
            try skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw failure("expected ':' after the member name \"\(key)\"" + (index < bytes.count ? ", found \(describe(bytes[index]))" : ""))
            }
            index += 1
            try skipWhitespace()
            let streams = depth == 1 && streamedMembers.contains(key)
            if streams { streamingMember = key }
            let value = try parseValue(depth: depth)
            if streams { streamingMember = nil }
            entries.append(SourceNode.Entry(key: .scalar(key, plain: false, at: keyLocation), value: value))
            try skipWhitespace()
            guard index < bytes.count else { throw failure("the document ends inside an object: expected ',' or '}'") }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "}"):
                index += 1
                return SourceNode(.mapping(entries), at: start)
            default:
                throw failure("expected ',' or '}' after the value of \"\(key)\", found \(describe(bytes[index]))")
            }
        }
    }

    private mutating func parseArray(depth: Int, start: SourceLocation) throws -> SourceNode {
        if depth > Self.maxDepth { throw failure("objects and arrays are nested more than \(Self.maxDepth) deep") }
        index += 1
        var items: [SourceNode] = []
        try skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            return SourceNode(.sequence(items), at: start)
        }
        while true {
            try skipWhitespace()
            if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
                throw failure("trailing comma before ']': JSON allows no comma after the last element")
            }
            let item = try parseValue(depth: depth)
            if depth == 1, let topLevelElement {
                topLevelElement(item)
            } else if depth == 2, let streamingMember, let memberElement {
                memberElement(streamingMember, item)
            } else {
                items.append(item)
            }
            try skipWhitespace()
            guard index < bytes.count else { throw failure("the document ends inside an array: expected ',' or ']'") }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "]"):
                index += 1
                return SourceNode(.sequence(items), at: start)
            default:
                throw failure("expected ',' or ']' in the array, found \(describe(bytes[index]))")
            }
        }
    }

    private mutating func parseString() throws -> String {
        let opening = index
        index += 1
        let contentStart = index
        // Fast path: no escapes, only valid UTF-8 without control characters.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = try decodeUTF8(contentStart..<index)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacter(byte) }
            index += 1
        }
        guard index < bytes.count else { throw failure("the string that starts here is never closed", at: opening) }
        var text = try decodeUTF8(contentStart..<index)
        var pending = contentStart
        pending = index
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                text += try decodeUTF8(pending..<index)
                index += 1
                return text
            case UInt8(ascii: "\\"):
                text += try decodeUTF8(pending..<index)
                text.unicodeScalars.append(try parseEscape())
                pending = index
            case 0x00..<0x20:
                throw controlCharacter(byte)
            default:
                index += 1
            }
        }
        throw failure("the string that starts here is never closed", at: opening)
    }

    private mutating func controlCharacter(_ byte: UInt8) -> Failure {
        byte == 0x0A ? failure("a line break inside a string; write it as \\n, or close the string")
            : failure("control character 0x\(String(byte, radix: 16, uppercase: true)) inside a string; escape it as \\u00\(byte < 0x10 ? "0" : "")\(String(byte, radix: 16, uppercase: true))")
    }

    private mutating func parseEscape() throws -> Unicode.Scalar {
        let start = index
        index += 1
        guard index < bytes.count else { throw failure("the document ends inside an escape sequence") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHex4(escapeStart: start)
            if (0xD800...0xDBFF).contains(high) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw failure("\\u\(String(high, radix: 16)) starts a UTF-16 surrogate pair that is not completed", at: start)
                }
                index += 2
                let low = try parseHex4(escapeStart: start)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw failure("\\u\(String(high, radix: 16)) must be followed by a low surrogate (\\udc00-\\udfff)", at: start)
                }
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(high) else {
                throw failure("\\u\(String(high, radix: 16)) is a lone UTF-16 surrogate, not a character", at: start)
            }
            return scalar
        default:
            throw failure("invalid escape sequence '\\\(String(decoding: [byte], as: UTF8.self))'; JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX",
                          at: start)
        }
    }

    private mutating func parseHex4(escapeStart: Int) throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("incomplete \\u escape: it needs four hexadecimal digits", at: escapeStart) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw failure("incomplete \\u escape: it needs four hexadecimal digits", at: escapeStart)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// The bytes as a string, refusing invalid UTF-8 (which `String(decoding:)` would repair silently).
    private mutating func decodeUTF8(_ range: Range<Int>) throws -> String {
        var position = range.lowerBound
        var ascii = true
        while position < range.upperBound {
            if bytes[position] >= 0x80 { ascii = false; break }
            position += 1
        }
        if ascii { return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        var decoder = UTF8()
        var iterator = bytes[range].makeIterator()
        var offset = range.lowerBound
        var result = ""
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                result.unicodeScalars.append(scalar)
                offset += UTF8.width(scalar)
            case .emptyInput:
                return result
            case .error:
                throw failure("invalid UTF-8 in a string; a policy must be UTF-8 text", at: offset)
            }
        }
    }

    private mutating func parseNumber() throws -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else {
            throw failure("a number needs digits after '-'", at: start)
        }
        if bytes[index] == UInt8(ascii: "0"), index + 1 < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + 1]) {
            throw failure("numbers in JSON have no leading zeros; quote it if it is an identifier (an account id is a string)", at: start)
        }
        skipDigits()
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else {
                throw failure("a number needs digits after '.'", at: start)
            }
            skipDigits()
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else {
                throw failure("a number needs digits in its exponent", at: start)
            }
            skipDigits()
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private mutating func skipDigits() {
        while index < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
    }
}
