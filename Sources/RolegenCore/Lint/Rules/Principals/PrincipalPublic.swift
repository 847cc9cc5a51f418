/// `"Principal": "*"` (or `{"AWS": "*"}`) on an Allow with nothing that limits who: every AWS
/// account, and for most services anonymous callers, get the access.
struct PrincipalPublic: LintRule {
    let metadata = RuleMetadata(
        id: "principal-public", title: "Allow to everyone with no condition that limits who", severity: .critical,
        category: .principals,
        rationale: """
            A principal of "*" is everyone: every AWS account and, for services that accept unsigned \
            requests (S3, SQS, SNS, Lambda URLs), anonymous callers. Only a condition that names the \
            caller's organisation, account or identity makes it private: aws:PrincipalOrgID, \
            aws:PrincipalOrgPaths, aws:PrincipalAccount, aws:PrincipalArn, aws:SourceAccount, \
            aws:SourceArn, aws:SourceOwner, aws:SourceOrgID, aws:SourceOrgPaths, aws:userid, \
            kms:CallerAccount (positive operators, without IfExists, with values that are not wildcards), \
            or a Deny of the same policy that denies everyone outside them. Conditions such as \
            aws:MultiFactorAuthPresent, aws:SecureTransport or sts:ExternalId do not limit who. VPC \
            endpoint policies, where "*" is the norm and callers still need permissions of their own, \
            are not reported when the input says what the policy is attached to.
            """,
        fix: """
            Name the principals, or add a condition that names who: "Condition": {"StringEquals": \
            {"aws:PrincipalOrgID": "o-xxxxxxxxxx"}} (or aws:PrincipalAccount, aws:SourceAccount for services).
            """,
        appliesTo: [.resource, .trust],
        equivalents: [.validator("missing_principal_condition_any_of"), .cloudsplaining("AssumableByAnyPrincipal"),
                      .aa("CheckNoPublicAccess")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-datasets/*"}]}"#, type: .resource),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}"#, type: .trust),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}"#, type: .resource),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]}"#, type: .resource),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
                 {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
                  "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}, "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}}}]}
                """#, type: .resource),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["kms:Encrypt", "kms:Decrypt"], "Resource": "*", "Condition": {"StringEquals": {"kms:CallerAccount": "111122223333", "kms:ViaService": "s3.us-east-1.amazonaws.com"}}}]}"#, type: .resource),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        guard !PublicPrincipalAccess.isEndpointPolicy(subject.input) else { return }
        for statement in subject.view.statements where statement.isAllow {
            // A bare "*" in a trust policy is rejected (trust-wildcard-principal).
            if subject.type == .trust && PrincipalSupport.isBareWildcard(statement.principal) { continue }
            guard let location = PrincipalSupport.everyoneLocation(statement.principal),
                  case .open(let ignored)? = PublicPrincipalAccess.verdict(for: statement, in: subject.view) else { continue }
            let who = subject.type == .trust ? "any principal of any AWS account can assume this role"
                : "every AWS account, and anonymous callers where the service accepts them, can use \(PublicPrincipalAccess.actionSummary(statement))"
            let note = ignored.isEmpty ? "" : " (\(ignored.joined(separator: "; ")))"
            report.add("\(statement.label) allows everyone with no condition that limits who: \(who)\(note)", at: location,
                       statement: statement,
                       suggestion: subject.type == .trust
                           ? "name the principals, or add \"Condition\": {\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-…\"}}"
                           : "add \"Condition\": {\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-…\"}} (or aws:PrincipalAccount, or aws:SourceAccount for services)")
        }
    }
}
