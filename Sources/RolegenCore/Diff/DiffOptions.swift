/// How a diff is run: semantics mode, declared domain constraints (§4.2), budgets (§4.11).
package struct DiffOptions: Sendable, Equatable {
    package enum Mode: String, Sendable, CaseIterable {
        /// The evaluator's resource semantics D for every statement.
        case standard = "D"
        /// U for B's Allow and A's Deny statements, L for B's Deny and A's Allow (§4.5).
        case robust
    }

    package struct Constraints: Sendable, Equatable {
        /// d1: request ARNs are in one of these partitions (nil: off).
        package var partitions: [String]? = ["aws"]
        /// d2: the request resource of an action matches one of its catalog ARN formats; actions
        /// without resource types take only `*` (⊤).
        package var resourceTemplates = true
        /// d3: keys documented as always present are never absent.
        package var keyPresence = false
        /// d4: key types (multivalued `ArrayOf…`) from the catalog.
        package var keyTypes = true

        package init() {}

        /// How reports print the constraints in effect.
        package var descriptions: [String] {
            [
                "d1 partitions: " + (partitions.map { $0.joined(separator: ", ") } ?? "off"),
                "d2 resource templates from the catalog: " + (resourceTemplates ? "on" : "off"),
                "d3 always-present keys: " + (keyPresence ? "on" : "off"),
                "d4 key types from the catalog: " + (keyTypes ? "on" : "off"),
            ]
        }
    }

    package var mode: Mode = .standard
    package var constraints = Constraints()
    /// Report every new region instead of stopping at the first verified one.
    package var all = false
    package var productStateBudget = 200_000
    package var searchNodeBudget = 1_000_000
    package var multivaluedAtomCap = 12

    package init() {}
}

/// Evaluates a request against one side's policies with the concrete evaluator (§2), for the
/// witness re-check of §4.8 step 5.4.
package typealias DiffEvaluation = @Sendable (EvaluationRequest, [EvaluationPolicy]) -> Decision

/// How a direction's report names its reference and candidate sides.
package struct DiffSideNames: Sendable {
    package var reference: String
    package var candidate: String

    package init(reference: String, candidate: String) {
        self.reference = reference
        self.candidate = candidate
    }
}
