/// Renders a diff report as text, JSON or Markdown; deterministic (sorted, no timestamps).
package struct DiffReportRenderer {
    package let report: DiffReport

    package init(_ report: DiffReport) { self.report = report }

    package func render(_ format: DiffReportFormat) -> String {
        switch format {
        case .text: text()
        case .json: json().rendered() + "\n"
        case .markdown: markdown()
        }
    }

    // MARK: Text

    private func text() -> String {
        var lines: [String] = []
        for (index, pair) in report.pairs.enumerated() {
            if index > 0 { lines.append("") }
            lines.append("OLD: \(pair.old)")
            lines.append("NEW: \(pair.new)" + (pair.presence == .both ? "" : "   (\(pair.presence.rawValue))"))
            lines.append("Verdict: \(pair.comparison.summary.rawValue)")
            lines.append("  new access (NEW allows, OLD does not): \(pair.comparison.newAccess.verdict.rawValue)")
            lines.append("  removed access (OLD allows, NEW does not): \(pair.comparison.removedAccess.verdict.rawValue)")
            if pair.semanticallyEqualText { lines.append("  the text differs but the semantics are equal") }
            lines += header().map { "  " + $0 }
            for (title, direction) in [("New access", pair.comparison.newAccess), ("Removed access", pair.comparison.removedAccess)] {
                lines.append("")
                lines.append("\(title): \(directionSummary(direction))")
                for group in grouped(direction.findings) {
                    lines.append("  granted by \(label(group.granting))")
                    for finding in group.findings {
                        let parts = findingLines(finding)
                        lines.append("    - " + parts[0])
                        lines += parts.dropFirst().map { "      " + $0 }
                    }
                }
            }
            let notes = pair.notes + pair.comparison.newAccess.notes.map { "new access: " + $0 }
                + pair.comparison.removedAccess.notes.map { "removed access: " + $0 }
            if !notes.isEmpty {
                lines.append("")
                lines.append("Notes:")
                lines += notes.map { "  - " + $0 }
            }
            lines.append("")
            lines.append("Structure:")
            lines += structureLines(pair.structural).map { "  " + $0 }
        }
        if !report.skipped.isEmpty {
            lines += ["", "Skipped:"] + report.skipped.map { "  - " + $0 }
        }
        if report.pairs.count > 1 {
            lines += ["", "Overall new access: \(report.worstNewAccess.rawValue) (the worst of \(report.pairs.count) pairs)"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func header() -> [String] {
        ["mode: \(report.modeDescription)", "catalog: \(report.catalogVersion ?? "none")",
         "domain constraints: " + report.options.constraints.descriptions.joined(separator: "; ")]
    }

    private func directionSummary(_ direction: DiffDirectionResult) -> String {
        switch direction.verdict {
        case .pass: "none (PASS: proven empty)"
        case .fail: "FAIL (witness re-checked with the evaluator)"
        case .unknown: "UNKNOWN (possible: "
            + (direction.budgetExhausted ? "a search budget ran out" : "the analysis over-approximated and no witness survived the re-check")
            + ")"
        }
    }

    private func findingLines(_ finding: DiffFinding) -> [String] {
        var lines: [String] = []
        var action = "action \(finding.action)"
        if finding.classSize > 1 {
            action += " (represents \(finding.classSize) actions alike here" + (finding.classPattern.map { ": \($0)" } ?? "") + ")"
        }
        lines.append(action + (finding.verified ? "" : "   [not confirmed by the evaluator]"))
        lines.append("resource \(finding.resource): \(finding.region)")
        if !finding.context.isEmpty {
            lines.append("context: " + finding.context.map { "\($0.key) = \(contextText($0.values))" }.joined(separator: "; "))
        }
        for reason in finding.reasons { lines.append("why not: \(reason)") }
        return lines
    }

    private func contextText(_ values: [String]?) -> String {
        guard let values else { return "(absent)" }
        return values.count == 1 ? values[0] : "[" + values.joined(separator: ", ") + "]"
    }

    private func label(_ reference: StatementReference) -> String {
        "\(reference.policy) statement \(reference.index)" + (reference.sid.map { " (\($0))" } ?? "")
    }

    private struct Group {
        var granting: StatementReference
        var findings: [DiffFinding]
    }

    /// Findings grouped by the granting statement, in statement order.
    private func grouped(_ findings: [DiffFinding]) -> [Group] {
        var groups: [Group] = []
        for finding in findings {
            if let index = groups.firstIndex(where: { $0.granting == finding.granting }) {
                groups[index].findings.append(finding)
            } else {
                groups.append(Group(granting: finding.granting, findings: [finding]))
            }
        }
        return groups.sorted { ($0.granting.policy, $0.granting.index) < ($1.granting.policy, $1.granting.index) }
    }

    private func structureLines(_ structural: StructuralDiff) -> [String] {
        var lines: [String] = []
        for change in structural.changed {
            lines.append("changed: \(label(change.old)) -> \(label(change.new))")
            if let effect = change.effect { lines.append("  effect \(effect.old) -> \(effect.new)") }
            lines += change.actionsAdded.map { "  + action \($0)" } + change.actionsRemoved.map { "  - action \($0)" }
            lines += change.resourcesAdded.map { "  + resource \($0)" } + change.resourcesRemoved.map { "  - resource \($0)" }
            lines += change.conditionsAdded.map { "  + condition \($0)" } + change.conditionsRemoved.map { "  - condition \($0)" }
        }
        lines += structural.added.map { "added: \(label($0))" }
        lines += structural.removed.map { "removed: \(label($0))" }
        if lines.isEmpty { lines.append("no statement changed (\(structural.unchangedCount) the same)") }
        return lines
    }

    // MARK: JSON

    private func json() -> JSONValue {
        .object([
            ("mode", .string(report.options.mode.rawValue)),
            ("catalog", report.catalogVersion.map(JSONValue.string) ?? .null),
            ("domainConstraints", .object([
                ("d1", report.options.constraints.partitions.map { .array($0.map(JSONValue.string)) } ?? .bool(false)),
                ("d2", .bool(report.options.constraints.resourceTemplates)),
                ("d3", .bool(report.options.constraints.keyPresence)),
                ("d4", .bool(report.options.constraints.keyTypes)),
            ])),
            ("newAccess", .string(report.worstNewAccess.rawValue)),
            ("pairs", .array(report.pairs.map(json))),
            ("skipped", .array(report.skipped.map(JSONValue.string))),
        ])
    }

    private func json(_ pair: DiffReport.Pair) -> JSONValue {
        .object([
            ("old", .string(pair.old)),
            ("new", .string(pair.new)),
            ("presence", .string(pair.presence.rawValue)),
            ("summary", .string(pair.comparison.summary.rawValue)),
            ("textDiffersSemanticsEqual", .bool(pair.semanticallyEqualText)),
            ("newAccess", json(pair.comparison.newAccess)),
            ("removedAccess", json(pair.comparison.removedAccess)),
            ("notes", .array(pair.notes.map(JSONValue.string))),
            ("structure", json(pair.structural)),
        ])
    }

    private func json(_ direction: DiffDirectionResult) -> JSONValue {
        .object([
            ("verdict", .string(direction.verdict.rawValue)),
            ("budgetExhausted", .bool(direction.budgetExhausted)),
            ("findings", .array(direction.findings.map(json))),
            ("notes", .array(direction.notes.map(JSONValue.string))),
        ])
    }

    private func json(_ finding: DiffFinding) -> JSONValue {
        .object([
            ("verified", .bool(finding.verified)),
            ("granting", json(finding.granting)),
            ("action", .string(finding.action)),
            ("classSize", .number(finding.classSize)),
            ("classPattern", finding.classPattern.map(JSONValue.string) ?? .null),
            ("resource", .string(finding.resource.description)),
            ("region", .string(finding.region)),
            ("context", .object(finding.context.map { ($0.key, $0.values.map { .array($0.map(JSONValue.string)) } ?? .null) })),
            ("reasons", .array(finding.reasons.map(JSONValue.string))),
        ])
    }

    private func json(_ reference: StatementReference) -> JSONValue {
        .object([("policy", .string(reference.policy)), ("index", .number(reference.index)),
                 ("sid", reference.sid.map(JSONValue.string) ?? .null)])
    }

    private func json(_ structural: StructuralDiff) -> JSONValue {
        .object([
            ("added", .array(structural.added.map(json))),
            ("removed", .array(structural.removed.map(json))),
            ("changed", .array(structural.changed.map { change in
                .object([
                    ("old", json(change.old)), ("new", json(change.new)),
                    ("effect", change.effect.map { .string("\($0.old) -> \($0.new)") } ?? .null),
                    ("actionsAdded", .array(change.actionsAdded.map(JSONValue.string))),
                    ("actionsRemoved", .array(change.actionsRemoved.map(JSONValue.string))),
                    ("resourcesAdded", .array(change.resourcesAdded.map(JSONValue.string))),
                    ("resourcesRemoved", .array(change.resourcesRemoved.map(JSONValue.string))),
                    ("conditionsAdded", .array(change.conditionsAdded.map(JSONValue.string))),
                    ("conditionsRemoved", .array(change.conditionsRemoved.map(JSONValue.string))),
                ])
            })),
            ("unchanged", .number(structural.unchangedCount)),
        ])
    }

    // MARK: Markdown

    private func markdown() -> String {
        var lines = ["# rolegen diff", ""]
        lines += header().map { "- " + $0 }
        for pair in report.pairs {
            lines += ["", "## \(pair.old) → \(pair.new)" + (pair.presence == .both ? "" : " (\(pair.presence.rawValue))"), ""]
            lines.append("| direction | verdict |")
            lines.append("|---|---|")
            lines.append("| new access (NEW allows, OLD does not) | \(pair.comparison.newAccess.verdict.rawValue) |")
            lines.append("| removed access (OLD allows, NEW does not) | \(pair.comparison.removedAccess.verdict.rawValue) |")
            lines += ["", "**\(pair.comparison.summary.rawValue)**" + (pair.semanticallyEqualText ? " — the text differs but the semantics are equal" : "")]
            for (title, direction) in [("New access", pair.comparison.newAccess), ("Removed access", pair.comparison.removedAccess)] {
                lines += ["", "### \(title): \(directionSummary(direction))"]
                for group in grouped(direction.findings) {
                    lines += ["", "Granted by `\(label(group.granting))`:", ""]
                    for finding in group.findings {
                        var action = "action `\(finding.action)`"
                        if finding.classSize > 1 {
                            action += " (represents \(finding.classSize) actions alike here" + (finding.classPattern.map { ": `\($0)`" } ?? "") + ")"
                        }
                        lines.append("- " + action + (finding.verified ? "" : " — *not confirmed by the evaluator*"))
                        lines.append("  - resource `\(finding.resource)`: \(finding.region)")
                        if !finding.context.isEmpty {
                            lines.append("  - context: " + finding.context.map { "`\($0.key)` = `\(contextText($0.values))`" }.joined(separator: "; "))
                        }
                        lines += finding.reasons.map { "  - why not: \($0)" }
                    }
                }
            }
            let notes = pair.notes + pair.comparison.newAccess.notes + pair.comparison.removedAccess.notes
            if !notes.isEmpty { lines += ["", "### Notes", ""] + notes.map { "- " + $0 } }
            lines += ["", "### Structure", ""] + structureLines(pair.structural).map { line in
                line.hasPrefix("  ") ? "  - `" + line.dropFirst(2) + "`" : "- " + line
            }
        }
        if !report.skipped.isEmpty { lines += ["", "## Skipped", ""] + report.skipped.map { "- " + $0 } }
        return lines.joined(separator: "\n") + "\n"
    }
}
