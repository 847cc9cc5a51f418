/// An action already named by another entry of the same list adds nothing but length.
struct ActionRedundant: LintRule {
    let metadata = RuleMetadata(
        id: "action-redundant", title: "Action already covered by another action or pattern", severity: .info, category: .actions,
        rationale: """
            An action listed twice, or also matched by a pattern of the same statement ("s3:GetObject" \
            beside "s3:Get*"), changes nothing: it only makes the policy longer (the size quotas count \
            it) and harder to review.
            """,
        fix: "Remove the covered entry, or replace the pattern by the exact actions you mean.",
        equivalents: [.aa("REDUNDANT_ACTION")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "s3:GetObject"], "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "S3:getobject"], "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": ["iam:*", "iam:Get*"], "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObjectTagging", "s3:List*"], "Resource": "*"}]}"#),
            // A pattern is not covered by today's actions alone: it will match the ones AWS adds.
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObjectAt*", "s3:PutObject"], "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        let lists = try StatementActions.of(subject)
        for (position, statement) in subject.view.statements.enumerated() {
            for entries in [lists[position].actions, lists[position].notActions] where entries.count > 1 {
                for (index, cover) in Self.covers(in: entries) {
                    let (entry, other) = (entries[index], entries[cover])
                    let why = other.lowered == entry.lowered ? "is listed twice (IAM compares actions without case)"
                        : "is already covered by '\(other.text.value)'"
                    report.add("'\(entry.text.value)' \(why): the entry changes nothing", at: entry.text.location, statement: statement,
                               suggestion: "remove '\(entry.text.value)'")
                }
            }
        }
    }

    /// Each redundant entry with the entry that covers it. Of two equivalent entries (the same
    /// name twice, or `s3:*` and `S3:*`), the later one is redundant.
    static func covers(in entries: [ActionEntry]) -> [(index: Int, cover: Int)] {
        // Exact names are the common case: only an equal name or a pattern can cover one.
        let patterns = PatternSet(entries)
        var first: [String: Int] = [:]
        var result: [(index: Int, cover: Int)] = []
        for (index, entry) in entries.enumerated() where entry.isWellFormed {
            if let earlier = first[entry.lowered] {
                result.append((index, earlier))
                continue
            }
            first[entry.lowered] = index
            for other in patterns.candidates(for: entry) where other != index && entries[other].lowered != entry.lowered {
                let candidate = entries[other]
                guard entry.isCovered(by: candidate) else { continue }
                if other < index || !candidate.isCovered(by: entry) {
                    result.append((index, other))
                    break
                }
            }
        }
        return result
    }
}
