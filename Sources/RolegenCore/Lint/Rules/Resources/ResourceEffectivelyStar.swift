/// `arn:aws:s3:::*` or `arn:aws:iam::*:role/*` names every resource the actions can act on:
/// it is `"*"` written longer.
struct ResourceEffectivelyStar: LintRule {
    let metadata = RuleMetadata(
        id: "resource-effectively-star", title: "ARN pattern that names every resource of its type", severity: .low,
        category: .resources,
        rationale: """
            An ARN whose every variable part is a wildcard ("arn:aws:iam::*:role/*", "arn:aws:logs:*:*:*") \
            names every resource of its type in every account and Region. When the statement's resources \
            name every resource of every type an action takes, they are "Resource": "*" in disguise for \
            it, and look scoped in review. (ec2:CreateTags on "arn:aws:ec2:*:*:instance/*" is not: it \
            takes dozens of other types.) Statements with a condition are left out: the condition may \
            be what limits the resources.
            """,
        fix: "Name the account, the Region and the resources (or a name prefix) the role needs: \"arn:aws:iam::111122223333:role/ml-*\".",
        appliesTo: [.identity],
        equivalents: [.parliament("RESOURCE_EFFECTIVELY_STAR")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:*:*:*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:StopTrainingJob", "Resource": "arn:aws:sagemaker:*:*:training-job/*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::*:role/*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-data/*"}]}"#),
            // Instances are one of the many types ec2:CreateTags takes: far narrower than "*".
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "arn:aws:ec2:*:*:instance/*"}]}"#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws {
        let index = try ARNFormatIndex.shared(subject.catalog)
        let lists = try StatementActions.of(subject)
        for (position, statement) in subject.view.statements.enumerated() where statement.isAllow {
            // A condition may be what limits the resources (aws:ResourceTag, ABAC): not reported then.
            guard statement.condition?.mappingEntries?.isEmpty ?? true,
                  let written = statement.resources, !written.contains(where: { Glob.isAllStars($0.value) }) else { continue }
            let entries = lists[position].actions
            guard !entries.contains(where: \.isEverything) else { continue }
            // A Region or account written out names one Region or account, not every one.
            func open(_ field: Substring) -> Bool { field.isEmpty || field == "aws" || ActionText.hasWildcard(field) }
            let arns = written.compactMap { resource in
                ARNParts(resource.value).flatMap { arn in open(arn.region) && open(arn.account) ? (resource, arn) : nil }
            }
            guard !arns.isEmpty else { continue }
            // Type → the first resource that names every ARN of it (nil: none does), asked once per type.
            var coverOfType: [String: [String: Located<String>?]] = [:]
            func cover(of type: String, in prefix: String) -> Located<String>? {
                if let known = coverOfType[prefix]?[type] { return known }
                let found = arns.first { index.namesEvery(type: type, of: prefix, $0.1) }?.0
                coverOfType[prefix, default: [:]][type] = found
                return found
            }
            // An action is on "*" in disguise when every resource type it takes is named in full.
            // In first-seen order; the sets keep `ec2:*` (700 actions) from a quadratic search.
            var actions: [String] = [], seenActions: Set<String> = []
            var types: [String] = [], seenTypes: Set<String> = []
            var location: Located<String>?
            for entry in entries {
                for action in entry.actions where !action.resourceTypes.isEmpty {
                    var first: Located<String>?
                    guard action.resourceTypes.allSatisfy({ use in
                        guard let found = cover(of: use.type, in: action.service) else { return false }
                        first = first ?? found
                        return true
                    }) else { continue }
                    if seenActions.insert(action.fullName).inserted { actions.append(action.fullName) }
                    for use in action.resourceTypes where seenTypes.insert(use.type).inserted { types.append(use.type) }
                    location = location ?? first
                }
            }
            guard let location else { continue }
            let named = actions.count <= 3 ? actions.quotedList() : actions.prefix(2).quotedList() + " and \(actions.count - 2) more"
            let typeNames = types.count <= 3 ? types.quotedList() : types.prefix(3).quotedList() + ", ..."
            report.add("'\(location.value)' names every resource of type \(typeNames) in every account and Region: for \(named) the "
                       + "statement's resources are \"*\" in disguise", at: location.location, statement: statement,
                       suggestion: "name the account, Region and resource names (or a name prefix) the role needs")
        }
    }
}
