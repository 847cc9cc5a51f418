/// A bucket policy can only speak of the bucket and its objects: S3 rejects other services'
/// actions, actions that act on neither, and other resources.
struct ResourcePolicyActionUnsupported: LintRule {
    let metadata = RuleMetadata(
        id: "resource-policy-action-unsupported", title: "Action or resource a bucket policy cannot hold", severity: .error,
        category: .resources,
        rationale: """
            A resource-based policy governs the resource it is attached to. S3 rejects a bucket policy \
            with an action of another service, an S3 action that acts on neither buckets nor objects \
            (s3:ListAllMyBuckets, s3:CreateJob), or a resource that is not the bucket or its objects. \
            rolegen decides this for bucket policies, known from the template (AWS::S3::BucketPolicy) \
            or from resources that are all bucket and object ARNs; for other resource policies the \
            catalog does not say which actions their service accepts, and the rule stays silent.
            """,
        fix: "Keep only S3 actions on the bucket and its objects; grant other services' actions in identity policies.",
        appliesTo: [.resource],
        equivalents: [.aa("UNSUPPORTED_ACTION_IN_POLICY"), .aa("UNSUPPORTED_RESOURCE_ARN_IN_POLICY")],
        examples: [
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ml-exec"},
                 "Action": ["s3:GetObject", "sqs:SendMessage"], "Resource": "arn:aws:s3:::ml-data/*"}]}
                """#, type: .resource),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ml-exec"},
                 "Action": "s3:ListAllMyBuckets", "Resource": "arn:aws:s3:::ml-data"}]}
                """#, type: .resource),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*",
                 "Resource": ["arn:aws:s3:::ml-data", "arn:aws:s3:::ml-data/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}
                """#, type: .resource),
            // A queue policy: the catalog cannot say which actions SQS accepts in it.
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"},
                 "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:eu-west-1:111122223333:ml-events"}]}
                """#, type: .resource),
        ])

    private static let bucketTypes = ["bucket", "object"]

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        guard ResourceFacts.isBucketPolicy(subject) else { return }
        let types = try ARNFormatIndex.shared(subject.catalog)
        let lists = try StatementActions.of(subject)
        for (position, statement) in subject.view.statements.enumerated() {
            for entry in lists[position].actions where !entry.isEverything {
                guard !entry.actions.isEmpty else { continue }
                let onBucket = entry.actions.contains { action in
                    action.service == "s3" && action.resourceTypes.contains { Self.bucketTypes.contains($0.type) }
                }
                guard !onBucket else { continue }
                let services = Set(entry.actions.map(\.service))
                let why = services == ["s3"] ? "acts on neither buckets nor objects" : "is not an S3 action"
                report.add("'\(entry.text.value)' \(why): a bucket policy can only grant or deny actions on the bucket and its objects, "
                           + "and S3 rejects it", at: entry.text.location, statement: statement,
                           suggestion: "grant it in an identity policy of the principal instead")
            }
            for resource in (statement.resources ?? []) + (statement.notResources ?? []) {
                guard let arn = ARNParts(resource.value) else { continue }
                guard !Self.bucketTypes.contains(where: { types.canName(arn, type: $0, of: "s3") }) else { continue }
                report.add("'\(resource.value)' is neither the bucket nor its objects: a bucket policy can only name those, and S3 "
                           + "rejects it", at: resource.location, statement: statement,
                           suggestion: "write 'arn:aws:s3:::BUCKET' or 'arn:aws:s3:::BUCKET/KEY-PATTERN'")
            }
        }
    }
}
