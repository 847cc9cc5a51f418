/// An ARN already matched by another ARN (or `*`) of the same list adds nothing.
struct ResourceRedundant: LintRule {
    let metadata = RuleMetadata(
        id: "resource-redundant", title: "Resource already covered by another resource", severity: .info, category: .resources,
        rationale: """
            A resource listed twice, or matched by a wildcard ARN of the same statement \
            ("arn:aws:s3:::ml-data/raw/*" beside "arn:aws:s3:::ml-data/*"), changes nothing: it makes \
            the policy longer (the size quotas count it) and suggests a scoping that is not there.
            """,
        fix: "Remove the covered resource, or narrow the wildcard that covers it if that was the intent.",
        appliesTo: PolicyType.all.subtracting([.trust]),
        equivalents: [.aa("REDUNDANT_RESOURCE")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::ml-data/*", "arn:aws:s3:::ml-data/raw/*"]}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": ["arn:aws:s3:::ml-data", "arn:aws:s3:::ml-data"]}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": ["*", "arn:aws:s3:::ml-data"]}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetObject"], "Resource": ["arn:aws:s3:::ml-data", "arn:aws:s3:::ml-data/*", "arn:aws:s3:::ML-Data/*"]}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for list in [statement.resources, statement.notResources] {
                guard let list, list.count > 1 else { continue }
                for (index, cover) in Self.covers(in: list.map(\.value)) {
                    let (resource, other) = (list[index], list[cover])
                    let why = other.value == resource.value ? "is listed twice" : "is already covered by '\(other.value)'"
                    report.add("'\(resource.value)' \(why): the entry changes nothing", at: resource.location, statement: statement,
                               suggestion: "remove '\(resource.value)'")
                }
            }
        }
    }

    /// Each redundant string with the one that covers it; of two equivalent ones, the later is redundant.
    /// ARNs compare with case, as IAM compares them.
    static func covers(in texts: [String]) -> [(index: Int, cover: Int)] {
        let bytes = texts.map { Array($0.utf8) }
        let patterns = texts.indices.filter { ActionText.hasWildcard(texts[$0]) }
        var first: [String: Int] = [:]
        var result: [(index: Int, cover: Int)] = []
        for (index, text) in texts.enumerated() {
            if let earlier = first[text] {
                result.append((index, earlier))
                continue
            }
            first[text] = index
            for other in patterns where other != index && texts[other] != text && Glob.covers(bytes[other], bytes[index]) {
                if other < index || !Glob.covers(bytes[index], bytes[other]) {
                    result.append((index, other))
                    break
                }
            }
        }
        return result
    }
}
