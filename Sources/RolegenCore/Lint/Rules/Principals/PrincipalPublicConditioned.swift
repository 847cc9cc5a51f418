/// `"Principal": "*"` limited only by where requests come from, or by conditions rolegen cannot judge.
struct PrincipalPublicConditioned: LintRule {
    let metadata = RuleMetadata(
        id: "principal-public-conditioned", title: "Allow to everyone limited only by network or unjudged conditions",
        severity: .medium, category: .principals,
        rationale: """
            An Allow to "*" limited only by the request's origin (aws:SourceIp, aws:SourceVpc, \
            aws:SourceVpce, aws:PrincipalIsAWSService) admits anyone, of any account, who can send \
            requests from there; one limited by service-specific keys may or may not be private. Such \
            statements are often right (a VPC endpoint, a CloudFront origin), but they deserve a review: \
            add an organisation or account condition where you can.
            """,
        fix: """
            Add a condition that names who, such as StringEquals aws:PrincipalOrgID, next to the \
            network condition; or accept the finding with a reason in .rolegen.yaml.
            """,
        appliesTo: [.resource, .trust],
        equivalents: [.cloudsplaining("AssumableByAnyPrincipalWithConditions")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}}]}"#, type: .resource),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:q", "Condition": {"StringEquals": {"sqs:MessageGroupId": "g"}}}]}"#, type: .resource),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d", "aws:PrincipalAccount": "111122223333"}}}]}"#, type: .resource),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#, type: .resource),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        guard !PublicPrincipalAccess.isEndpointPolicy(subject.input) else { return }
        for statement in subject.view.statements where statement.isAllow {
            if subject.type == .trust && PrincipalSupport.isBareWildcard(statement.principal) { continue }
            guard let location = PrincipalSupport.everyoneLocation(statement.principal),
                  let verdict = PublicPrincipalAccess.verdict(for: statement, in: subject.view) else { continue }
            switch verdict {
            case .open:
                continue
            case .network(let keys):
                report.add("\(statement.label) allows everyone, limited only by where requests come from (\(keys.quotedList())): "
                           + "any principal of any account that can send requests from there passes; review that this is meant",
                           at: location, statement: statement,
                           suggestion: "add StringEquals aws:PrincipalOrgID (or aws:PrincipalAccount) next to \(keys.quotedList())")
            case .unclassified(let keys):
                report.add("\(statement.label) allows everyone, limited only by \(keys.quotedList()), which may or may not limit who calls; "
                           + "review it", at: location, statement: statement,
                           suggestion: "add StringEquals aws:PrincipalOrgID (or aws:PrincipalAccount) if the access is meant for your organisation")
            }
        }
    }
}
