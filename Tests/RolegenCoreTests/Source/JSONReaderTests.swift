import Foundation
import Testing
@testable import RolegenCore

@Suite struct JSONReaderTests {
    private func parse(_ text: String) -> Result<SourceNode, JSONReader.Failure> {
        JSONReader.parse(text, path: "p.json")
    }

    private func failure(_ text: String) -> String? {
        if case .failure(let failure) = parse(text) { return "\(failure.location): \(failure.message)" }
        return nil
    }

    /// The tree as plain values, to compare with Foundation's reading of the same text.
    private func plain(_ node: SourceNode) -> Any {
        switch node.content {
        case .scalar(let scalar):
            if !scalar.isPlain { return scalar.text }
            switch scalar.text {
            case "true": return true
            case "false": return false
            case "null": return NSNull()
            default: return Double(scalar.text)!
            }
        case .sequence(let items): return items.map(plain)
        case .mapping(let entries):
            var object: [String: Any] = [:]
            for entry in entries { object[entry.key.scalarText!] = plain(entry.value) }
            return object
        }
    }

    @Test func readsValuesWithTheirPositions() throws {
        let root = try parse("""
            {
              "Version": "2012-10-17",
              "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "N": -1.5e3, "B": true, "Z": null}]
            }
            """).get()
        guard case .mapping(let entries) = root.content else { Issue.record("not an object"); return }
        #expect(entries.map { $0.key.scalarText } == ["Version", "Statement"])
        #expect(entries[0].key.location == SourceLocation(path: "p.json", line: 2, column: 3))
        #expect(entries[0].value.location == SourceLocation(path: "p.json", line: 2, column: 14))
        guard case .sequence(let statements) = entries[1].value.content, case .mapping(let statement) = statements[0].content else {
            Issue.record("no statement")
            return
        }
        #expect(statements[0].location == SourceLocation(path: "p.json", line: 3, column: 17))
        #expect(statement.map { $0.value.scalarText } == [Optional("Allow"), nil, "-1.5e3", "true", "null"])
        if case .scalar(let number) = statement[2].value.content { #expect(number.isPlain) }
        if case .scalar(let effect) = statement[0].value.content { #expect(!effect.isPlain) }
    }

    /// Streaming hands over the elements of the top-level array, or of the named top-level
    /// members' arrays, with their positions, and leaves those arrays empty; nothing else moves.
    @Test func streamsTheElementsOfLargeArrays() throws {
        var elements: [(String?, String, Int?)] = []
        let list = "[{\"a\": [1, 2]},\n {\"a\": []}]"
        let root = try JSONReader.parse(Array(list.utf8), path: "r.json", streamingElements: {
            elements.append((nil, $0.location.description, $0.mappingEntries?.first?.value.sequenceItems?.count))
        }).get()
        #expect(root.sequenceItems?.isEmpty == true)
        #expect(elements.map(\.1) == ["r.json:1:2", "r.json:2:2"])
        #expect(elements.map(\.2) == [2, 0])
        elements = []
        let dump = #"{"Keep": [1, [2]], "RoleDetailList": [{"RoleName": "a", "RolePolicyList": [{"x": 1}]}, {"RoleName": "b"}], "Other": {"RoleDetailList": [3]}}"#
        let tree = try JSONReader.parse(Array(dump.utf8), path: "d.json", streamingMembers: ["RoleDetailList"], element: { key, node in
            elements.append((key, PolicyView.last("RoleName", in: node.mappingEntries ?? [])?.scalarText ?? "",
                             PolicyView.last("RolePolicyList", in: node.mappingEntries ?? [])?.sequenceItems?.count))
        }).get()
        #expect(elements.map(\.0) == ["RoleDetailList", "RoleDetailList"])
        #expect(elements.map(\.1) == ["a", "b"])
        #expect(elements.map(\.2) == [1, nil])
        let entries = tree.mappingEntries ?? []
        #expect(PolicyView.last("RoleDetailList", in: entries)?.sequenceItems?.isEmpty == true)
        #expect(PolicyView.last("Keep", in: entries)?.sequenceItems?.count == 2)
        #expect(PolicyView.last("Other", in: entries).flatMap { PolicyView.last("RoleDetailList", in: $0.mappingEntries ?? []) }?.sequenceItems?.count == 1)
        // A syntax error after some elements is still the result.
        let broken = try? JSONReader.parse(Array(#"{"RoleDetailList": [{"RoleName": "a"}, {"#.utf8), path: "b.json",
                                          streamingMembers: ["RoleDetailList"], element: { _, _ in }).get()
        #expect(broken == nil)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let root = try parse("{\"é€\": \"x\", \"k\": 1}").get()
        guard case .mapping(let entries) = root.content else { return }
        #expect(entries[1].key.location.column == 13)
    }

    @Test func decodesEscapes() throws {
        let root = try parse(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u20AC", "\ud83d\ude00"]"#).get()
        guard case .sequence(let items) = root.content else { return }
        #expect(items.map(\.scalarText) == ["a\"b\\c/d\u{08}\u{0C}\n\r\t", "é€", "😀"])
    }

    @Test func keepsRepeatedKeysInOrder() throws {
        let root = try parse(#"{"Effect": "Allow", "Effect": "Deny"}"#).get()
        guard case .mapping(let entries) = root.content else { return }
        #expect(entries.map { $0.value.scalarText } == ["Allow", "Deny"])
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "p.json:1:9: trailing comma before '}': JSON allows no comma after the last member"),
        ("[1, 2,]", "p.json:1:7: trailing comma before ']': JSON allows no comma after the last element"),
        ("{\"a\": 1 // note\n}", "p.json:1:9: comments are not allowed in JSON; IAM rejects a policy that has them"),
        ("/* c */ {}", "p.json:1:1: comments are not allowed in JSON; IAM rejects a policy that has them"),
        ("{'a': 1}", "p.json:1:2: expected a member name in double quotes, found '''"),
        ("['a']", "p.json:1:2: strings in JSON use double quotes, not single quotes"),
        ("{\"a\" 1}", "p.json:1:6: expected ':' after the member name \"a\", found '1'"),
        ("{\"a\": 1 \"b\": 2}", "p.json:1:9: expected ',' or '}' after the value of \"a\", found '\"'"),
        ("[1 2]", "p.json:1:4: expected ',' or ']' in the array, found '2'"),
        ("{\"a\": \"x", "p.json:1:7: the string that starts here is never closed"),
        ("{\"a\": \"x\ny\"}", "p.json:1:9: a line break inside a string; write it as \\n, or close the string"),
        ("[\"a\tb\"]", "p.json:1:4: control character 0x9 inside a string; escape it as \\u0009"),
        ("[\"\\x41\"]", "p.json:1:3: invalid escape sequence '\\x'; JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"),
        ("[\"\\u12\"]", "p.json:1:3: incomplete \\u escape: it needs four hexadecimal digits"),
        ("[\"\\ud83d\"]", "p.json:1:3: \\ud83d starts a UTF-16 surrogate pair that is not completed"),
        ("[\"\\udc00\"]", "p.json:1:3: \\udc00 is a lone UTF-16 surrogate, not a character"),
        ("[012345678901]", "p.json:1:2: numbers in JSON have no leading zeros; quote it if it is an identifier (an account id is a string)"),
        ("[1.]", "p.json:1:2: a number needs digits after '.'"),
        ("[-]", "p.json:1:2: a number needs digits after '-'"),
        ("[1e]", "p.json:1:2: a number needs digits in its exponent"),
        ("[True]", "p.json:1:2: expected a value, found 'True'; write it in lower case: true"),
        ("[nul]", "p.json:1:2: expected a value, found 'nul'"),
        ("[truex]", "p.json:1:2: expected a value, found 'truex'"),
        ("{} {}", "p.json:1:4: unexpected '{' after the end of the document; a JSON text holds one value"),
        ("", "p.json:1:1: the document is empty: expected a JSON value"),
        ("  \n ", "p.json:2:2: the document is empty: expected a JSON value"),
        ("{\"a\": [1, {\"b\": ", "p.json:1:17: the document ends where a value was expected"),
        ("{\"a\": 1", "p.json:1:8: the document ends inside an object: expected ',' or '}'"),
        ("[1", "p.json:1:3: the document ends inside an array: expected ',' or ']'"),
        ("{\"a\": }", "p.json:1:7: expected a value, found '}'"),
        ("{\"a\": @}", "p.json:1:7: expected a value (a string, number, object, array, true, false or null), found '@'"),
    ])
    func refusesWhatIsNotStrictJSON(text: String, message: String) {
        #expect(failure(text) == message)
    }

    @Test func refusesInvalidUTF8AndDeepNesting() {
        if case .failure(let failure) = JSONReader.parse([0x5B, 0x22, 0x61, 0xFF, 0x22, 0x5D], path: "p.json") {
            #expect(failure.message == "invalid UTF-8 in a string; a policy must be UTF-8 text")
        } else {
            Issue.record("invalid UTF-8 accepted")
        }
        let deep = String(repeating: "[", count: 101) + String(repeating: "]", count: 101)
        #expect(failure(deep) == "p.json:1:101: objects and arrays are nested more than 100 deep")
        #expect((try? parse(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)).get()) != nil)
    }

    @Test func skipsAByteOrderMark() throws {
        let root = try JSONReader.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8), path: "p.json").get()
        #expect(root.location == SourceLocation(path: "p.json", line: 1, column: 1))
    }

    /// Random documents read the same as Foundation reads them, and random damage never crashes.
    @Test func agreesWithFoundationOnRandomDocuments() throws {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<300 {
            let text = randomJSON(depth: 0, using: &generator)
            let ours = try parse(text).get()
            let theirs = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            #expect(canonical(plain(ours)) == canonical(theirs), "\(text)")
            var bytes = Array(text.utf8)
            for _ in 0..<3 where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            _ = JSONReader.parse(bytes, path: "fuzz.json")
            _ = JSONReader.parse(Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator))), path: "cut.json")
        }
    }

    /// A comparable rendering; booleans become 1 and 0 because Foundation on Linux reads them as numbers.
    private func canonical(_ value: Any) -> String {
        switch value {
        case let bool as Bool: return bool ? "1.0" : "0.0"
        case let number as NSNumber: return "\(number.doubleValue)"
        case let string as String: return "\"" + string + "\""
        case is NSNull: return "null"
        case let array as [Any]: return "[" + array.map(canonical).joined(separator: ",") + "]"
        case let object as [String: Any]: return "{" + object.keys.sorted().map { "\($0):" + canonical(object[$0]!) }.joined(separator: ",") + "}"
        default: return "?\(type(of: value))"
        }
    }

    private func randomJSON(depth: Int, using generator: inout SeededGenerator) -> String {
        let choice = depth > 3 ? Int.random(in: 0...3, using: &generator) : Int.random(in: 0...5, using: &generator)
        switch choice {
        case 0: return ["true", "false", "null"].randomElement(using: &generator)!
        case 1: return ["0", "-12", "3.25", "1e3", "-0.5E-2", "12345678"].randomElement(using: &generator)!
        case 2, 3:
            let pieces = ["a", "é", "\\n", "\\\"", "\\u00e9", "arn:aws:s3:::b/*", " ", "\\ud83d\\ude00", "${aws:username}"]
            return "\"" + (0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined() + "\""
        case 4:
            return "[" + (0..<Int.random(in: 0...3, using: &generator)).map { _ in randomJSON(depth: depth + 1, using: &generator) }
                .joined(separator: ", ") + "]"
        default:
            let keys = (0..<Int.random(in: 0...3, using: &generator)).map { "\"k\($0)\"" }
            return "{" + keys.map { "\($0): \(randomJSON(depth: depth + 1, using: &generator))" }.joined(separator: ",\n ") + "}"
        }
    }
}

/// A deterministic random number generator (SplitMix64) for reproducible property tests.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
