/// A statement whose every action and resource another statement of the same effect already
/// covers, with no condition of its own to make a difference, adds nothing.
struct StatementRedundant: LintRule {
    let metadata = RuleMetadata(
        id: "statement-redundant", title: "Statement covered by another statement", severity: .info, category: .resources,
        rationale: """
            When another statement with the same effect and principal already covers every action and \
            resource of a statement, unconditionally or under the same condition, the statement changes \
            nothing: it only adds length (counted by the size quotas) and makes reviews compare two \
            statements. Generators that split or duplicate statements leave these behind.
            """,
        fix: "Remove the covered statement, or merge the two.",
        equivalents: [.aa("REDUNDANT_STATEMENT")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [
                 {"Sid": "All", "Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::ml-data/*"},
                 {"Sid": "One", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-data/raw/*",
                  "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}
                """#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole"},
                 {"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
                """#, type: .trust),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-data/raw/*"},
                 {"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::ml-data/*",
                  "Condition": {"Bool": {"aws:SecureTransport": "true"}}},
                 {"Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-data/raw/*"}]}
                """#),
        ])

    /// A statement reduced to what the comparison needs; `nil` for those it cannot compare
    /// (NotAction, NotResource, NotPrincipal, no valid effect).
    private final class Shape {
        let statement: StatementView
        let effect: String
        let hasCondition: Bool
        let actions: [ActionEntry]
        let patterns: PatternSet
        let hasPatterns: Bool
        let resources: [[UInt8]]?
        let coversEverything: Bool
        /// Computed when a comparison gets that far.
        private(set) lazy var exact: Set<String> = Set(actions.filter { !$0.isPattern && !$0.isEverything }.map(\.lowered))
        private(set) lazy var principal: String = statement.principal.map(Canonical.text) ?? ""
        private(set) lazy var condition: String = hasCondition ? statement.condition.map(Canonical.condition) ?? "" : ""

        init?(_ statement: StatementView, entries: [ActionEntry]) {
            guard statement.notActions == nil, statement.notResources == nil, statement.notPrincipal == nil,
                  let effect = statement.effect?.value, effect == "Allow" || effect == "Deny",
                  !entries.isEmpty, entries.allSatisfy(\.isWellFormed) else { return nil }
            self.statement = statement
            self.effect = effect
            hasCondition = !(statement.condition?.mappingEntries?.isEmpty ?? true)
            actions = entries
            patterns = PatternSet(entries)
            hasPatterns = entries.contains { $0.isPattern || $0.isEverything }
            resources = statement.resources?.map { Array($0.value.utf8) }
            coversEverything = entries.contains(where: \.isEverything)
        }

        /// Whether this statement can cover an action entry of another.
        func covers(_ entry: ActionEntry) -> Bool {
            (!entry.isPattern && !entry.isEverything && exact.contains(entry.lowered)) || patterns.cover(of: entry) != nil
        }

        /// Whether this statement grants (or denies) everything `other` does.
        func covers(_ other: Shape) -> Bool {
            guard effect == other.effect, statement.principal == nil && other.statement.principal == nil || principal == other.principal,
                  !hasCondition || condition == other.condition else { return false }
            switch (resources, other.resources) {
            case (nil, nil): break
            case (let mine?, let theirs?):
                let coveredResources = theirs.allSatisfy { resource in mine.contains { Glob.covers($0, resource) } }
                guard coveredResources else { return false }
            default: return false
            }
            return coversEverything || other.actions.allSatisfy(covers)
        }
    }

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        let statements = subject.view.statements
        guard statements.count > 1 else { return }
        let lists = try StatementActions.of(subject)
        let shapes = statements.indices.map { Shape(statements[$0], entries: lists[$0].actions) }
        // Which statements name each exact action, and which have patterns: a statement can only
        // be covered by one that names its first action or has a pattern.
        var naming: [String: [Int]] = [:]
        var withPatterns: [Int] = []
        for (index, shape) in shapes.enumerated() {
            guard let shape else { continue }
            for entry in shape.actions where !entry.isPattern && !entry.isEverything { naming[entry.lowered, default: []].append(index) }
            if shape.hasPatterns { withPatterns.append(index) }
        }
        for (index, shape) in shapes.enumerated() {
            guard let shape, let first = shape.actions.first else { continue }
            var candidates = withPatterns
            if !first.isPattern && !first.isEverything { candidates += naming[first.lowered] ?? [] }
            for otherIndex in Set(candidates).sorted() where otherIndex != index {
                guard let other = shapes[otherIndex], other.covers(shape) else { continue }
                // Of two statements that cover each other, the later one is reported.
                if otherIndex > index && shape.covers(other) { continue }
                let verb = shape.effect == "Deny" ? "denies" : "grants"
                report.add("\(shape.statement.label) \(verb) nothing that \(other.statement.label) does not already \(verb.dropLast())"
                           + (shape.hasCondition && !other.hasCondition ? " (without a condition)" : ""),
                           at: shape.statement.node.location, statement: shape.statement,
                           suggestion: "remove \(shape.statement.label), or merge it into \(other.statement.label)")
                break
            }
        }
    }
}

/// Text forms of policy elements that compare equal when IAM reads them the same way: object
/// keys in any order, a single value as a list of one, values in any order.
enum Canonical {
    static func text(_ node: SourceNode) -> String {
        switch node.content {
        case .scalar(let scalar):
            return "\"" + scalar.text + "\""
        case .sequence(let items):
            return "[" + items.map(text).sorted().joined(separator: ",") + "]"
        case .mapping(let entries):
            return "{" + entries.map { entry in
                (entry.key.scalarText ?? "") + ":" + listText(entry.value)
            }.sorted().joined(separator: ",") + "}"
        }
    }

    /// A value that may be a single string or a list of them, as a sorted list.
    private static func listText(_ node: SourceNode) -> String {
        if case .scalar = node.content { return "[" + text(node) + "]" }
        return text(node)
    }

    /// A Condition: operator names as written, keys without case (IAM compares them without case).
    static func condition(_ node: SourceNode) -> String {
        guard let blocks = node.mappingEntries else { return text(node) }
        return "{" + blocks.map { block in
            (block.key.scalarText ?? "") + ":{" + (block.value.mappingEntries ?? []).map { entry in
                (entry.key.scalarText ?? "").lowercased() + ":" + listText(entry.value)
            }.sorted().joined(separator: ",") + "}"
        }.sorted().joined(separator: ",") + "}"
    }
}
