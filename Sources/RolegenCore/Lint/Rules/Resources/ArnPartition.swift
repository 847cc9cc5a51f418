/// The partition field names one of AWS's partitions (`aws`, `aws-cn`, `aws-us-gov`, ...).
struct ArnPartition: LintRule {
    let metadata = RuleMetadata(
        id: "arn-partition", title: "Unknown partition in an ARN", severity: .error, category: .resources,
        rationale: """
            The second field of an ARN is the partition: aws, aws-cn, aws-us-gov, aws-eusc, aws-iso, \
            aws-iso-b, aws-iso-e or aws-iso-f. Any other value (a typo, a capital letter, an empty \
            field) matches no resource, so the statement silently does nothing.
            """,
        fix: "Write the partition the account is in, usually \"aws\": arn:aws:s3:::bucket.",
        appliesTo: PolicyType.all.subtracting([.trust]),
        equivalents: [.aa("INVALID_PARTITION"), .parliament("INVALID_ARN"), .validator("invalid_resource")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:amazon:s3:::ml-data/*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:AWS:s3:::ml-data/*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn::s3:::ml-data/*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::a/*", "arn:aws-cn:s3:::b/*", "arn:*:s3:::c/*", "arn:aws-iso*:s3:::d/*"]}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for resource in (statement.resources ?? []) + (statement.notResources ?? []) {
                guard let arn = ARNParts(resource.value) else { continue }
                let partition = String(arn.partition)
                // `${Partition}` is the placeholder rule's business; a policy variable resolves later.
                guard !ARNParts.hasVariable(partition), !AWSPartitions.partitions.contains(partition) else { continue }
                if ActionText.hasWildcard(partition) {
                    let pattern = Array(partition.utf8)
                    if AWSPartitions.partitions.contains(where: { Glob.matches(pattern, Array($0.utf8)) }) { continue }
                    report.add("the partition pattern '\(partition)' in '\(resource.value)' matches no partition: the ARN matches "
                               + "no resource", at: resource.location, statement: statement)
                    continue
                }
                let lowered = partition.lowercased()
                let fix = AWSPartitions.partitions.contains(lowered) ? lowered
                    : Suggestions.closest(to: partition, in: AWSPartitions.partitions).first ?? "aws"
                let what = partition.isEmpty ? "the partition field of '\(resource.value)' is empty"
                    : "'\(partition)' in '\(resource.value)' is not a partition (\(AWSPartitions.partitions.joined(separator: ", ")))"
                report.add(what + ": the ARN matches no resource", at: resource.location, statement: statement,
                           suggestion: "write 'arn:\(fix):\(arn.service):\(arn.region):\(arn.account):\(arn.resource)'")
            }
        }
    }
}
