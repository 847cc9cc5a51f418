/// One statement's part in a decision: where it sits and whether it matched.
package struct StatementEvaluation: Sendable {
    package var reference: StatementReference
    package var layer: PolicyLayer
    /// The SCP or RCP level (0 = root) for those layers.
    package var level: Int?
    package var effect: Effect?
    /// nil: the statement matched.
    package var mismatch: StatementMismatch?

    package var matched: Bool { mismatch == nil }
}

package struct EvaluationResult: Sendable {
    package var decision: Decision
    /// The layer that decided: the Deny's, the missing Allow's, or for ALLOW the granting layer
    /// (identity or resourcePolicy); nil for the sts:GetCallerIdentity rule.
    package var layer: PolicyLayer?
    /// For an implicit deny by an SCP (or RCP) level: that level, 0 = root.
    package var scpLevel: Int?
    /// The Deny statements that fired, or the Allow statements that granted.
    package var deciding: [StatementReference]
    /// Warnings (unparseable values, ambiguous ARN matches) and the I-D rules that applied.
    package var notes: [String]
    /// Every statement of every relevant policy, in layer order, with its outcome.
    package var statements: [StatementEvaluation]
    /// One sentence saying why.
    package var summary: String

    /// The decision, its reason, every statement that did not match with its first failing
    /// element, and the notes: what `simulate --explain` prints.
    package func explanation() -> [String] {
        var lines = ["\(decision.rawValue): \(summary)"]
        for statement in statements {
            let where_ = Self.describe(statement.layer, level: statement.level)
            let effect = statement.effect?.rawValue ?? "?"
            let outcome = statement.mismatch.map { "no match: \($0.element): \($0)" } ?? "matches"
            lines.append("  \(where_) \(Self.describe(statement.reference)) \(effect): \(outcome)")
        }
        lines += notes.map { "  note: \($0)" }
        return lines
    }

    package static func describe(_ layer: PolicyLayer, level: Int? = nil) -> String {
        let name = switch layer {
        case .identity: "identity"
        case .permissionsBoundary: "boundary"
        case .scp: "scp"
        case .rcp: "rcp"
        case .session: "session"
        case .resourcePolicy: "resource-policy"
        }
        return level.map { "\(name)[level \($0)]" } ?? name
    }

    /// `policy.json #2 (Sid DenyLogs)`; statements are numbered from 0 as in the Statement array.
    package static func describe(_ reference: StatementReference) -> String {
        "\(reference.policy) #\(reference.index)" + (reference.sid.map { $0.isEmpty ? "" : " (Sid \($0))" } ?? "")
    }
}
