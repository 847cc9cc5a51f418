import Foundation
import RolegenCore
import RolegenTestSupport
import Testing

/// The diff vectors of iam-semantics.md §5.4, read from the copied fixture.
struct DiffVector: Sendable, CustomTestStringConvertible {
    let id: String
    let modes: [String]
    let reference: [EvaluationPolicy]
    let candidate: [EvaluationPolicy]
    let expected: DiffVerdict
    let expectedReverse: DiffVerdict?
    let constraints: [String: Bool]
    /// `pinned` or `shortest` witness fields: compared exactly.
    let pinned: PinnedWitness?
    let implementationDefined: Bool

    var testDescription: String { implementationDefined ? "\(id) (I-D)" : id }

    static let all: [DiffVector] = {
        let data = FileManager.default.contents(atPath: Repository.path("Tests/RolegenCoreTests/Fixtures/semantics/diff.json"))!
        let rows = try! JSONSerialization.jsonObject(with: data) as! [[String: Any]]
        return rows.map { row in
            let witness = row["witness"] as? [String: Any]
            return DiffVector(
                id: row["id"] as! String,
                modes: row["modes"] as? [String] ?? ["D"],
                reference: policies(row["reference"], name: "A"),
                candidate: policies(row["candidate"], name: "B"),
                expected: DiffVerdict(rawValue: row["expected"] as! String)!,
                expectedReverse: (row["expectedReverse"] as? String).flatMap(DiffVerdict.init(rawValue:)),
                constraints: row["domainConstraints"] as? [String: Bool] ?? [:],
                pinned: ((witness?["pinned"] ?? witness?["shortest"]) as? [String: Any]).map(PinnedWitness.init),
                implementationDefined: row["implementationDefined"] as? Bool ?? false)
        }
    }()

    static func policies(_ side: Any?, name: String) -> [EvaluationPolicy] {
        let identity = (side as? [String: Any])?["identity"] as? [[String: Any]] ?? []
        return identity.enumerated().map { index, entry in
            policy(entry["document"]!, name: identity.count == 1 ? name : "\(name)\(index + 1)")
        }
    }

    static func policy(_ document: Any, name: String) -> EvaluationPolicy {
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        let root = try! JSONReader.parse(Array(data), path: name).get()
        return EvaluationPolicy(root, name: name)
    }
}

/// A witness the vector pins exactly.
struct PinnedWitness: Sendable {
    let action: String?
    let resource: String?
    let context: [String: String]?

    init(_ fields: [String: Any]) {
        action = fields["action"] as? String
        resource = fields["resource"] as? String
        context = fields["context"] as? [String: String]
    }
}
