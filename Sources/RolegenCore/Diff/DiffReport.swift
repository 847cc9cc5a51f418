/// What `rolegen diff` reports: one comparison per pair of inputs (a directory pair gives one per
/// file name; a file only on one side is compared with nothing), with the structural view and the
/// notes the verdicts are relative to.
package struct DiffReport: Sendable {
    package struct Pair: Sendable {
        package enum Presence: String, Sendable { case both, onlyOld = "only in OLD", onlyNew = "only in NEW" }

        package var old: String
        package var new: String
        package var presence: Presence
        package var comparison: DiffComparison
        package var structural: StructuralDiff
        package var notes: [String]

        package init(old: String, new: String, presence: Presence, comparison: DiffComparison, structural: StructuralDiff, notes: [String]) {
            self.old = old
            self.new = new
            self.presence = presence
            self.comparison = comparison
            self.structural = structural
            self.notes = notes
        }

        /// The text differs while both directions are PASS.
        package var semanticallyEqualText: Bool { comparison.summary == .equivalent && structural.hasChanges }
    }

    package var pairs: [Pair]
    package var options: DiffOptions
    package var catalogVersion: String?
    /// Files of directory pairs that were not compared, and why.
    package var skipped: [String] = []

    package init(pairs: [Pair], options: DiffOptions, catalogVersion: String?) {
        self.pairs = pairs
        self.options = options
        self.catalogVersion = catalogVersion
    }

    /// The worst verdict of "what NEW grants that OLD does not" over all pairs.
    package var worstNewAccess: DiffVerdict { pairs.map(\.comparison.newAccess.verdict).max() ?? .pass }

    package var modeDescription: String {
        switch options.mode {
        case .standard: "D (the evaluator's resource semantics)"
        case .robust: "robust (NEW's Allow and OLD's Deny read loosely (U), NEW's Deny and OLD's Allow strictly (L))"
        }
    }
}

package enum DiffReportFormat: String, Sendable, CaseIterable {
    case text, json, markdown
}
