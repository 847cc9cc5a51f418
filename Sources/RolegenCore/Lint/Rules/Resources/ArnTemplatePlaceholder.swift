/// `arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}` is a
/// template from the Service Authorization Reference (policy_sentry writes them), not an ARN.
struct ArnTemplatePlaceholder: LintRule {
    let metadata = RuleMetadata(
        id: "arn-template-placeholder", title: "Unfilled template placeholder in an ARN", severity: .error, category: .resources,
        rationale: """
            "${Partition}", "${Account}", "${BucketName}" are the placeholders of the ARN formats in the \
            Service Authorization Reference, which generators such as policy_sentry copy into policies; \
            "${AWS::AccountId}" and "${var.bucket}" are CloudFormation and Terraform placeholders left \
            unresolved. IAM knows none of them: it compares them as literal text (or rejects the policy), \
            so the ARN matches no resource. Policy variables with a service prefix ("${aws:username}") are \
            not placeholders and are fine in a Resource.
            """,
        fix: "Replace every placeholder by its value (\"aws\", the Region or \"*\", the 12-digit account ID, the resource name or a pattern).",
        appliesTo: PolicyType.all.subtracting([.trust]),
        equivalents: [.parliament("INVALID_ARN")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::${AWS::AccountId}:role/ml-exec"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::ml-data/${aws:username}/*", "arn:aws:s3:::ml-data/${*}"]}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for resource in (statement.resources ?? []) + (statement.notResources ?? []) {
                let placeholders = Self.placeholders(in: resource.value)
                guard !placeholders.isEmpty else { continue }
                let fills = placeholders.compactMap(Self.typicalValue)
                report.add("\(placeholders.map { "${\($0)}" }.quotedList()) in '\(resource.value)'"
                           + (placeholders.count == 1 ? " is a template placeholder, not a policy variable: IAM compares it"
                               : " are template placeholders, not policy variables: IAM compares them")
                           + " literally, so the ARN matches no resource",
                           at: resource.location, statement: statement,
                           suggestion: fills.isEmpty ? "fill in the values" : "fill in the values (\(fills.joined(separator: ", ")))")
            }
        }
    }

    /// The names of the `${...}` placeholders in a resource string, in order: names without a
    /// service prefix (`Partition`, `var.bucket`) and CloudFormation's `AWS::` pseudo parameters.
    /// Policy variables (`aws:username`, `sagemaker:DomainId`) and the escapes `${*}`, `${?}`, `${$}`
    /// are not placeholders.
    static func placeholders(in text: String) -> [String] {
        guard ARNParts.hasVariable(text) else { return [] }
        var result: [String] = []
        var rest = Substring(text)
        while let start = rest.firstRange(of: "${") {
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else { break }
            let name = rest[start.upperBound..<end]
            rest = rest[rest.index(after: end)...]
            if ["*", "?", "$"].contains(name) { continue }
            if name.contains(":") && !name.contains("::") { continue }
            if !result.contains(String(name)) { result.append(String(name)) }
        }
        return result
    }

    /// What a well-known placeholder usually becomes, for the suggestion.
    static func typicalValue(_ name: String) -> String? {
        switch name {
        case "Partition", "AWS::Partition": "partition: aws"
        case "Region", "AWS::Region": "Region: eu-west-1, or * for any"
        case "Account", "AccountId", "AWS::AccountId": "account: the 12-digit ID"
        default: nil
        }
    }
}
