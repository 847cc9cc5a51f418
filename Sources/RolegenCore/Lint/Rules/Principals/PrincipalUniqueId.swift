/// `AROA…`/`AIDA…` in a principal: IAM shows a role's or user's unique id where its ARN was once
/// written, after the role or user was deleted.
struct PrincipalUniqueId: LintRule {
    let metadata = RuleMetadata(
        id: "principal-unique-id", title: "Principal is a role or user unique id instead of an ARN", severity: .low,
        category: .principals,
        rationale: """
            IAM stores a principal ARN as the role's or user's unique id and shows the id instead of the \
            ARN once that role or user has been deleted. Such a principal matches no one: a role created \
            again with the same name gets a new id. Written by hand, an id also hides who is meant.
            """,
        fix: "Write the role's or user's ARN (arn:aws:iam::ACCOUNT:role/NAME), or remove the stale principal.",
        appliesTo: [.resource, .trust],
        equivalents: [.aa("INVALID_ROLE_REFERENCE"), .aa("INVALID_USER_REFERENCE")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "AROA4BR3TIQKN4EXAMPLE"}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "AIDAJQABLZS4A3QDU576Q"]}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#, type: .resource),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ml-exec"}, "Action": "sts:AssumeRole"}]}"#, type: .trust),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        for statement in subject.view.statements {
            for node in [statement.principal, statement.notPrincipal] {
                for value in PrincipalSupport.values(node) where value.kind == .aws {
                    let principal = AWSPrincipal(value.text)
                    guard principal.kind == .uniqueID, let kind = principal.detail else { continue }
                    report.add("'\(value.text)' is the unique id of a \(kind), not its ARN: IAM shows ids where the \(kind) was deleted, "
                               + "so this principal matches no one (a \(kind) created again gets a new id)",
                               at: value.location, statement: statement,
                               suggestion: "write the \(kind)'s ARN (arn:aws:iam::ACCOUNT:\(kind)/NAME), or remove the stale principal")
                }
            }
        }
    }
}
