/// `"Resource": "*"` for actions that can be limited to named resources.
struct ResourceStar: LintRule {
    let metadata = RuleMetadata(
        id: "resource-star", title: "Resource \"*\" for actions that support resource-level permissions", severity: .medium,
        category: .resources,
        rationale: """
            An action that names a resource (s3:GetObject names an object, iam:PassRole a role) can be \
            limited to the resources the role needs. On "*" it reaches every such resource in the \
            account, and in other accounts that trust it. Actions without resource types, and List \
            actions whose resource types are all optional, only work on "*" and are not reported. \
            An action whose single resource type is optional may be called without a resource, so it is \
            reported at low severity; so are read-only patterns ("ec2:Describe*") and statements whose \
            condition may limit the resources.
            """,
        fix: "Name the ARNs the actions need (\"arn:aws:s3:::ml-data/*\"); keep \"*\" in a separate statement for the actions that take no resource.",
        appliesTo: [.identity],
        equivalents: [.parliament("RESOURCE_STAR"), .validator("wildcard_resource"), .validator("overly_permissive"),
                      .cloudsplaining("InfrastructureModification")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListAllMyBuckets"], "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:*", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:ListAllMyBuckets", "sts:GetCallerIdentity", "ec2:DescribeInstances"], "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-data/*"}]}"#),
        ])

    enum Scoping: Comparable {
        case none
        /// One optional resource type: some calls may name no resource.
        case maybe
        case always
    }

    /// Whether `"*"` gives the action more than its resources: see the rationale.
    static func scoping(of action: ActionDefinition) -> Scoping {
        let types = action.resourceTypes
        if types.isEmpty { return .none }
        if types.contains(where: \.isRequired) { return .always }
        if action.accessLevel == .list { return .none }
        return types.count == 1 ? .maybe : .always
    }

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        let lists = try StatementActions.of(subject)
        for (position, statement) in subject.view.statements.enumerated() where statement.isAllow {
            guard let star = statement.resources?.first(where: { Glob.isAllStars($0.value) }) else { continue }
            var named: [(text: String, severity: Severity)] = []
            for entry in lists[position].actions {
                if let severity = Self.severity(of: entry) { named.append((entry.text.value, severity)) }
            }
            guard let worst = named.map(\.severity).max() else { continue }
            let listed = named.filter { $0.severity == worst }.map(\.text)
            let names = listed.count <= 4 ? listed.quotedList() : listed.prefix(3).quotedList() + " and \(listed.count - 3) more"
            let conditioned = !(statement.condition?.mappingEntries?.isEmpty ?? true)
            let one = listed.count == 1 && !(named.first?.text.contains("*") ?? false)
            var message = "\"*\" in \(statement.label) gives \(names) every resource "
                + (one ? "it can act on, though it supports" : "they can act on, though they support") + " resource-level permissions"
            if conditioned { message += "; the statement's condition may limit this" }
            report.add(message, at: star.location, statement: statement,
                       suggestion: "name the ARNs " + (one ? "it needs" : "they need") + ", and keep \"*\" for actions that take no resource",
                       severity: conditioned ? .low : worst)
        }
    }

    /// How much `"*"` gives an entry beyond its resources: medium for named actions that can be
    /// scoped and for patterns that reach such write or permissions actions; low for read-only
    /// patterns ("ec2:Describe*", where scoping means listing actions one by one) and for actions
    /// whose single resource type is optional; nil when "*" is all the entry can use.
    static func severity(of entry: ActionEntry) -> Severity? {
        if entry.isEverything { return .medium }
        let always = entry.actions.filter { scoping(of: $0) == .always }
        if always.isEmpty { return entry.actions.contains { scoping(of: $0) == .maybe } ? .low : nil }
        if !entry.isPattern { return .medium }
        return always.contains { $0.accessLevel != .read && $0.accessLevel != .list } ? .medium : .low
    }
}
