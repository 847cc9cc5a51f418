/// The part after the fifth colon must follow one of the service's ARN formats: `training-job/x`
/// is a SageMaker resource, `trainingjob/x` is not.
struct ArnResourceFormat: LintRule {
    let metadata = RuleMetadata(
        id: "arn-resource-format", title: "ARN resource matches no format of the service", severity: .error, category: .resources,
        rationale: """
            Each service names its resources in fixed forms: SageMaker training jobs are \
            training-job/NAME, IAM roles role/PATH/NAME. An ARN whose resource part follows none of the \
            service's formats (a misspelt resource type, a missing '/') matches no resource: the \
            statement silently grants or denies nothing there. rolegen compares with the ARN formats of \
            its catalog; wildcards and policy variables may stand for any part.
            """,
        fix: "Follow one of the service's ARN formats; `rolegen catalog show ACTION` prints the formats of an action's resource types.",
        appliesTo: PolicyType.all.subtracting([.trust]),
        equivalents: [.aa("INVALID_ARN_RESOURCE"), .parliament("RESOURCE_MISMATCH")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeTrainingJob", "Resource": "arn:aws:sagemaker:eu-west-1:111122223333:trainingjob/team-a-*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam::111122223333:ml-exec"}]}"#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sagemaker:DescribeTrainingJob", "iam:GetRole", "s3:GetObject"],
                 "Resource": ["arn:aws:sagemaker:eu-west-1:111122223333:training-job/team-a-*", "arn:aws:iam::111122223333:role/ml/exec",
                              "arn:aws:s3:::ml-data/${aws:username}/*", "arn:aws:sagemaker:*:*:*", "arn:aws:unknownservice:::x"]}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        let index = try ARNFormatIndex.shared(subject.catalog)
        for statement in subject.view.statements {
            for resource in (statement.resources ?? []) + (statement.notResources ?? []) {
                guard let arn = ARNParts(resource.value), !arn.resource.isEmpty,
                      let (formats, matched) = index.candidates(for: arn, fieldByField: true), !matched else { continue }
                let service = arn.service.lowercased()
                let shapes = Self.shapes(formats)
                let listed = shapes.count <= 4 ? shapes.quotedList(conjunction: "or")
                    : shapes.prefix(4).quotedList(conjunction: "or") + " (\(shapes.count) forms)"
                let message = "the resource '\(arn.resource)' of '\(resource.value)' follows no \(service) ARN format (\(listed))"
                // A '*' ending the Region or account may reach across colons into the resource
                // (`arn:aws:logs:*:*:/aws-glue/*` in AWSGlueServiceRole): then the ARN matches, unreadably.
                if index.candidates(for: arn)?.matched == true {
                    report.add(message + ": it only matches through a '*' of its Region or account reaching across colons, which is "
                               + "rarely what was meant", at: resource.location, statement: statement,
                               suggestion: Self.suggestion(for: arn, formats: formats), severity: .low)
                } else {
                    report.add(message + ": it matches no resource", at: resource.location, statement: statement,
                               suggestion: Self.suggestion(for: arn, formats: formats))
                }
            }
        }
    }

    /// The resource parts of the formats: `training-job/${TrainingJobName}`.
    static func shapes(_ formats: [ARNFormatIndex.Format]) -> [String] {
        var result: [String] = []
        for format in formats {
            let parts = format.raw.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6 else { continue }
            let shape = String(parts[5])
            if !result.contains(shape) { result.append(shape) }
        }
        return result
    }

    /// "did you mean 'training-job/…'?" when the resource's leading word is a misspelling of a
    /// format's resource type.
    static func suggestion(for arn: ARNParts, formats: [ARNFormatIndex.Format]) -> String? {
        func leadingWord(_ text: Substring) -> Substring {
            text.prefix { $0 != "/" && $0 != ":" && $0 != "$" && $0 != "*" && $0 != "?" }
        }
        let word = leadingWord(arn.resource)
        guard !word.isEmpty, word.count < arn.resource.count else { return nil }
        var words: [String] = []
        for shape in shapes(formats) {
            let candidate = String(leadingWord(Substring(shape)))
            if !candidate.isEmpty, !candidate.hasPrefix("$"), !words.contains(candidate) { words.append(candidate) }
        }
        guard let near = Suggestions.closest(to: String(word), in: words, matchAffixes: false).first, near != word else { return nil }
        return "did you mean '\(near)\(arn.resource.dropFirst(word.count))'?"
    }
}
