import Foundation
import Testing
import RolegenTestSupport
@testable import RolegenCore

extension Tag {
    /// Rows and rules that pin rolegen's own choice where AWS is undocumented (spec tag [I-D]).
    @Tag static var implementationDefined: Self
}

/// The specification's evaluator and resource vectors (iam-semantics.md §5.2, §5.3), read from
/// the fixtures copied into this repository.
enum SemanticsVectors {
    struct Evaluator: Decodable, CustomTestStringConvertible, Sendable {
        struct Principal: Decodable, Sendable { var type: String }
        struct Policy: Decodable, Sendable {
            var fixture: String
            var document: JSONValue
        }
        struct Level: Decodable, Sendable {
            var level: String
            var policies: [Policy]
        }
        struct Policies: Decodable, Sendable {
            var identity: [Policy]?
            var permissionsBoundary: Policy?
            var scpChain: [Level]?
            var sessionPolicies: [Policy]?
        }
        struct Request: Decodable, Sendable {
            var action: String
            var resource: String
            var context: [String: JSONValue]
        }
        struct Expected: Decodable, Sendable {
            var decision: String
            var layer: String?
            var sid: String?
            var scpLevel: String?
        }
        var id: String
        var principal: Principal
        var policies: Policies
        var request: Request
        var expected: Expected
        var implementationDefined: Bool
        var evaluatorOnly: Bool?

        var testDescription: String { id }
    }

    struct Resource: Decodable, CustomTestStringConvertible, Sendable {
        var id: String
        var pattern: String
        var resource: String
        var resourceIsTop: Bool
        var expected: [String: Bool]
        var implementationDefined: Bool

        var testDescription: String { id }
    }

    /// Any JSON value, kept to be written back out for the policy reader.
    enum JSONValue: Decodable, Sendable {
        case string(String)
        case number(Double)
        case bool(Bool)
        case array([JSONValue])
        case object([String: JSONValue])
        case null

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let value = try? container.decode(Bool.self) { self = .bool(value) }
            else if let value = try? container.decode(String.self) { self = .string(value) }
            else if let value = try? container.decode(Double.self) { self = .number(value) }
            else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
            else { self = .object(try container.decode([String: JSONValue].self)) }
        }

        var json: String {
            switch self {
            case .string(let text): return Self.quoted(text)
            case .number(let number): return number == number.rounded() ? String(Int(number)) : String(number)
            case .bool(let value): return value ? "true" : "false"
            case .null: return "null"
            case .array(let items): return "[" + items.map(\.json).joined(separator: ",") + "]"
            case .object(let members):
                return "{" + members.keys.sorted().map { Self.quoted($0) + ":" + members[$0]!.json }.joined(separator: ",") + "}"
            }
        }

        var strings: [String] {
            switch self {
            case .string(let text): [text]
            case .array(let items): items.flatMap(\.strings)
            default: []
            }
        }

        private static func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
    }

    static func load<T: Decodable>(_ name: String) -> [T] {
        let path = Repository.path("Tests/RolegenCoreTests/Fixtures/semantics/\(name)")
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return (try? JSONDecoder().decode([T].self, from: data)) ?? []
    }

    static let evaluator: [Evaluator] = load("evaluator.json")
    static let resources: [Resource] = load("resource-matching.json")
}

extension SemanticsVectors.Evaluator.Policy {
    func evaluationPolicy() throws -> EvaluationPolicy {
        let root = try JSONReader.parse(document.json, path: fixture).get()
        return EvaluationPolicy(root, name: fixture)
    }
}
