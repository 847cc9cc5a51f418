/// Whether an ARN has a Region, and which, depends on the service: IAM and S3 bucket ARNs have
/// none, SageMaker ARNs always have one, and a Region must be a real one of the partition.
struct ArnRegion: LintRule {
    let metadata = RuleMetadata(
        id: "arn-region", title: "Region in an ARN missing, not allowed or unknown", severity: .error, category: .resources,
        rationale: """
            Each service decides whether its ARNs carry a Region: IAM roles, S3 buckets and CloudFront \
            distributions have none, SageMaker jobs and Lambda functions always have one. An ARN with a \
            Region where the service has none, without one where it needs one, or with a Region that does \
            not exist (or belongs to another partition) matches no resource: the statement silently does \
            nothing. rolegen reads the services' ARN formats from its catalog.
            """,
        fix: "Follow the service's ARN format (`rolegen catalog show ACTION` prints it): \"arn:aws:iam::111122223333:role/x\", \"arn:aws:sagemaker:eu-west-1:111122223333:training-job/x\"; use \"*\" for any Region.",
        appliesTo: PolicyType.all.subtracting([.trust]),
        equivalents: [.aa("INVALID_ARN_REGION"), .aa("MISSING_ARN_REGION"), .aa("ARN_REGION_NOT_ALLOWED"), .parliament("INVALID_ARN")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam:us-east-1:111122223333:role/ml-exec"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeTrainingJob", "Resource": "arn:aws:sagemaker::111122223333:training-job/team-a-*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeTrainingJob", "Resource": "arn:aws:sagemaker:eu-westt-1:111122223333:training-job/a"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeTrainingJob", "Resource": "arn:aws:sagemaker:cn-north-1:111122223333:training-job/a"}]}"#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["iam:GetRole", "s3:GetObject", "sagemaker:DescribeTrainingJob"],
                 "Resource": ["arn:aws:iam::111122223333:role/ml-exec", "arn:aws:s3:::ml-data/*", "arn:aws:sagemaker:*:111122223333:training-job/a",
                              "arn:aws:sagemaker:eu-west-1:111122223333:training-job/b", "arn:aws:iam:*:111122223333:role/c",
                              "arn:aws:sagemaker:${aws:RequestedRegion}:111122223333:training-job/d"]}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        let index = try ARNFormatIndex.shared(subject.catalog)
        for statement in subject.view.statements {
            for resource in (statement.resources ?? []) + (statement.notResources ?? []) {
                // "*" is any Region, none included.
                guard let arn = ARNParts(resource.value), !ARNParts.hasVariable(arn.region), !Glob.isAllStars(arn.region),
                      let (formats, _) = index.candidates(for: arn, fieldByField: true) else { continue }
                let region = arn.region
                let fields = formats.lazy.map(\.regionField)
                var kinds: String { Self.kinds(formats) }
                let service = arn.serviceKey
                if region.isEmpty {
                    guard !fields.contains(where: \.acceptsEmpty) else { continue }
                    report.add("'\(resource.value)' has no Region, but \(service) ARNs of \(kinds) always have one: it matches no resource",
                               at: resource.location, statement: statement,
                               suggestion: "write the Region, or '*' for any: 'arn:\(arn.partition):\(arn.service):*:\(arn.account):\(arn.resource)'")
                    continue
                }
                if fields.allSatisfy({ $0 == .none }) {
                    report.add("'\(resource.value)' has the Region '\(region)', but \(service) ARNs of \(kinds) have none: it matches no "
                               + "resource", at: resource.location, statement: statement,
                               suggestion: "write 'arn:\(arn.partition):\(arn.service)::\(arn.account):\(arn.resource)'")
                    continue
                }
                if ActionText.hasWildcard(region) {
                    let pattern = Array(region.utf8)
                    if !AWSPartitions.regions.keys.contains(where: { Glob.matches(pattern, Array($0.utf8)) }) {
                        report.add("the Region pattern '\(region)' in '\(resource.value)' matches no Region rolegen knows", at: resource.location,
                                   statement: statement, severity: .low)
                    }
                    continue
                }
                if !fields.contains(where: { $0.accepts(region) }) {
                    let fixed = fields.compactMap { if case .literal(let value) = $0 { value } else { nil } }
                    report.add("\(service) ARNs of \(kinds) are in \(fixed.quotedList(conjunction: "or")) only, not '\(region)': "
                               + "'\(resource.value)' matches no resource", at: resource.location, statement: statement)
                    continue
                }
                guard fields.contains(where: { $0 == .variable || $0 == .any }) else { continue }
                checkRegionName(region, arn: arn, resource: resource, statement: statement, &report)
            }
        }
    }

    private func checkRegionName(_ region: Substring, arn: ARNParts, resource: Located<String>, statement: StatementView,
                                 _ report: inout RuleReport) {
        let name = String(region)
        if let partition = AWSPartitions.regions[name] {
            let written = String(arn.partition)
            if AWSPartitions.partitions.contains(written), written != partition {
                report.add("the Region '\(name)' is in the partition '\(partition)', not '\(written)': '\(resource.value)' matches no resource",
                           at: resource.location, statement: statement,
                           suggestion: "write 'arn:\(partition):\(arn.service):\(name):\(arn.account):\(arn.resource)'")
            }
            return
        }
        let near = Suggestions.closest(to: name, in: AWSPartitions.regions.keys).first
        if Self.looksLikeRegion(name) {
            // AWS opens Regions every year: a well-formed name may be newer than rolegen's list.
            report.add("'\(name)' in '\(resource.value)' is not a Region rolegen knows; if it is not a new Region, the ARN matches no "
                       + "resource", at: resource.location, statement: statement,
                       suggestion: near.map { "did you mean '\($0)'?" }, severity: .low)
        } else {
            report.add("'\(name)' in '\(resource.value)' is not a Region: the ARN matches no resource", at: resource.location,
                       statement: statement, suggestion: near.map { "did you mean '\($0)'?" })
        }
    }

    /// `xx-name-9`, `us-gov-west-1`, `eusc-de-east-1`: lower-case words joined by '-', ending in a number.
    static func looksLikeRegion(_ name: String) -> Bool {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isASCII), last.allSatisfy(\.isNumber) else {
            return false
        }
        return parts.dropLast().allSatisfy { part in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isLowercase } }
    }

    /// "its bucket type", "the types 'accesspoint' and 'job'", for messages.
    static func kinds(_ formats: [ARNFormatIndex.Format]) -> String {
        var names: [String] = []
        for format in formats where !names.contains(format.typeName) { names.append(format.typeName) }
        if names.count == 1 { return "type '\(names[0])'" }
        if names.count <= 3 { return "types \(names.quotedList())" }
        return "every type (\(names.count))"
    }
}
