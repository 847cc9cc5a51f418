/// The Id element belongs to resource-based policies.
struct IdInIdentityPolicy: LintRule {
    let metadata = RuleMetadata(
        id: "id-in-identity-policy", title: "Id in an identity policy", severity: .low, category: .grammar,
        rationale: """
            The policy grammar reserves the Id element for resource-based policies (SQS and SNS use it \
            to name the policy) and says it must not be included in identity-based policies. It does \
            nothing there, and a policy copied from a bucket or queue policy often carries other \
            resource-policy elements along with it.
            """,
        fix: "Remove the Id element; name the policy with the policy name instead.",
        appliesTo: PolicyType.identityLike,
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Id": "read-policy", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        guard let entry = subject.view.root.lastEntry("Id") else { return }
        report.add("identity-based policies should not have an Id element; the grammar reserves it for resource-based policies",
                   at: entry.key.location, suggestion: "remove \"Id\"")
    }
}
