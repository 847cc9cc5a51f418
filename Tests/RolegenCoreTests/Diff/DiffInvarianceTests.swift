import Foundation
import RolegenCore
import RolegenTestSupport
import Testing

/// Issue 6's diff properties on real AWS managed policies (copied into Fixtures/diff/managed):
/// a policy is equivalent to itself and to its statements reordered, split one action per
/// statement, or merged where statements differ only in their actions; adding one action it
/// does not grant is FAIL with that action as the witness.
@Suite struct DiffInvarianceTests {
    static let names = ["AWSLambdaBasicExecutionRole", "AmazonSageMakerReadOnly", "AmazonSageMakerCanvasFullAccess"]

    private static func statements(_ name: String) throws -> [[String: Any]] {
        let path = Repository.path("Tests/RolegenCoreTests/Fixtures/diff/managed/\(name).json")
        let data = try #require(FileManager.default.contents(atPath: path))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        if let one = document["Statement"] as? [String: Any] { return [one] }
        return try #require(document["Statement"] as? [[String: Any]])
    }

    private static func policy(_ statements: [[String: Any]], name: String) throws -> EvaluationPolicy {
        let document: [String: Any] = ["Version": "2012-10-17", "Statement": statements]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        let root = try JSONReader.parse(Array(data), path: name).get()
        return EvaluationPolicy(root, name: name)
    }

    private static func compare(_ old: [[String: Any]], _ new: [[String: Any]]) throws -> DiffComparison {
        try SemanticDiff(catalog: TestCatalog.bundled).compare(old: [policy(old, name: "OLD")], new: [policy(new, name: "NEW")])
    }

    private static func actions(_ statement: [String: Any]) -> [String]? {
        if let one = statement["Action"] as? String { return [one] }
        return statement["Action"] as? [String]
    }

    /// One statement per action (statements with NotAction stay whole).
    private static func split(_ statements: [[String: Any]]) -> [[String: Any]] {
        statements.flatMap { statement -> [[String: Any]] in
            guard let actions = actions(statement), actions.count > 1 else { return [statement] }
            return actions.map { action in
                var part = statement
                part["Action"] = action
                part.removeValue(forKey: "Sid")
                return part
            }
        }
    }

    /// Statements equal but for their Action lists become one, with the actions together.
    private static func merged(_ statements: [[String: Any]]) throws -> [[String: Any]] {
        var order: [String] = []
        var groups: [String: [String: Any]] = [:]
        for statement in statements {
            var rest = statement
            rest.removeValue(forKey: "Action")
            rest.removeValue(forKey: "Sid")
            let key = String(decoding: try JSONSerialization.data(withJSONObject: rest, options: [.sortedKeys]), as: UTF8.self)
                + (actions(statement) == nil ? "#\(order.count)" : "")
            if var group = groups[key], let more = actions(statement), let have = actions(group) {
                group["Action"] = have + more
                groups[key] = group
            } else {
                var first = statement
                first.removeValue(forKey: "Sid")
                groups[key] = first
                order.append(key)
            }
        }
        return order.map { groups[$0]! }
    }

    @Test(arguments: names)
    func equivalentUnderReorderingSplittingAndMerging(_ name: String) throws {
        let original = try Self.statements(name)
        #expect(try Self.compare(original, original).summary == .equivalent, "\(name): itself")
        #expect(try Self.compare(original, original.reversed()).summary == .equivalent, "\(name): reversed")
        let split = Self.split(original)
        #expect(split.count >= original.count)
        #expect(try Self.compare(original, split).summary == .equivalent, "\(name): split into \(split.count) statements")
        let merged = try Self.merged(original)
        #expect(merged.count <= original.count)
        #expect(try Self.compare(original, merged).summary == .equivalent, "\(name): merged into \(merged.count) statements")
    }

    @Test(arguments: names)
    func oneExtraActionIsTheWitness(_ name: String) throws {
        let original = try Self.statements(name)
        let extra = "gamelift:DeleteFleet"  // a service none of these policies names
        let added = original + [["Effect": "Allow", "Action": extra, "Resource": "*"]]
        let result = try Self.compare(original, added)
        #expect(result.newAccess.verdict == .fail)
        #expect(result.newAccess.findings.first?.action == extra)
        #expect(result.removedAccess.verdict == .pass)
    }
}
