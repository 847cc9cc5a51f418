/// The answer for one direction (§4.1): PASS — no new access (relative to the catalog, the
/// domain constraints and the mode); FAIL — a witness re-checked with the evaluator; UNKNOWN —
/// possible new access (an approximation or a budget left it open). Never a false PASS.
package enum DiffVerdict: String, Sendable, Comparable {
    case pass = "PASS"
    case fail = "FAIL"
    case unknown = "UNKNOWN"

    private var rank: Int { self == .pass ? 0 : self == .unknown ? 1 : 2 }
    package static func < (a: DiffVerdict, b: DiffVerdict) -> Bool { a.rank < b.rank }
}

/// Zelkova's four-way answer from both directions, or unknown when either is UNKNOWN.
package enum DiffSummary: String, Sendable {
    case equivalent
    case newGrantsMore = "NEW grants more"
    case newGrantsLess = "NEW grants less"
    case incomparable
    case unknown

    init(forward: DiffVerdict, reverse: DiffVerdict) {
        switch (forward, reverse) {
        case (.pass, .pass): self = .equivalent
        case (.fail, .pass): self = .newGrantsMore
        case (.pass, .fail): self = .newGrantsLess
        case (.fail, .fail): self = .incomparable
        default: self = .unknown
        }
    }
}

/// One context key of a witness: its values, or nil when absent.
package struct WitnessContextValue: Sendable, Equatable {
    package var key: String
    package var values: [String]?
}

/// One new-access region with its witness (§4.10).
package struct DiffFinding: Sendable {
    /// Re-checked with the evaluator: B allows the witness, A does not. False: a candidate.
    package var verified: Bool
    package var granting: StatementReference
    package var action: String
    package var classSize: Int
    /// The pattern whose expansion the class equals, when there is one.
    package var classPattern: String?
    package var resource: RequestResource
    package var region: String
    package var context: [WitnessContextValue]
    /// Why A does not allow the witness.
    package var reasons: [String]

    package var request: EvaluationRequest {
        EvaluationRequest(action: action, resource: resource,
                          context: Dictionary(context.compactMap { item in item.values.map { (item.key, $0) } },
                                              uniquingKeysWith: { first, _ in first }))
    }
}

/// What B allows that A does not, for one direction.
package struct DiffDirectionResult: Sendable {
    package var verdict: DiffVerdict
    package var findings: [DiffFinding]
    /// Regions whose witnesses did not survive the re-check.
    package var unverifiedRegions: Int
    package var budgetExhausted: Bool
    /// Approximations and other facts the verdict is relative to.
    package var notes: [String]
}

/// Both directions of a diff of OLD (A) and NEW (B).
package struct DiffComparison: Sendable {
    /// NEW vs OLD: what NEW grants that OLD does not.
    package var newAccess: DiffDirectionResult
    /// OLD vs NEW: what NEW no longer grants.
    package var removedAccess: DiffDirectionResult
    package var options: DiffOptions
    package var catalogVersion: String?

    package var summary: DiffSummary { DiffSummary(forward: newAccess.verdict, reverse: removedAccess.verdict) }
}
