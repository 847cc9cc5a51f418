/// Every statement of a policy other than a trust policy names resources.
struct ResourceMissing: LintRule {
    let metadata = RuleMetadata(
        id: "resource-missing", title: "Statement without Resource or NotResource", severity: .error, category: .grammar,
        rationale: """
            Identity policies, resource-based policies, SCPs and RCPs need Resource or NotResource in \
            every statement; IAM rejects a statement without. Role trust policies are the exception: \
            they have no Resource (parliament reports them wrongly). So are ECR repository policies, \
            whose statements apply to the repository they are attached to.
            """,
        fix: "Add \"Resource\": [...] with the ARNs the statement is about (\"*\" for actions without resources).",
        appliesTo: PolicyGrammar.typesWithResource,
        equivalents: [.aa("MISSING_RESOURCE"), .parliament("MALFORMED"), .validator("missing_resource")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "s3:GetObject"}]}"#, type: .resource),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Sid": "Pull", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]}]}"#,
                     type: .resource),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        if subject.type == .resource, isRepositoryPolicy(subject) { return }
        subject.view.forEachStatement { statement in
            guard statement.resources == nil && statement.notResources == nil else { return }
            report.add("\(statement.described) has neither Resource nor NotResource; IAM rejects it", at: statement.node.location,
                       statement: copy statement, suggestion: "add \"Resource\": [...]")
        }
    }

    /// An ECR repository policy: its statements have no Resource. Known from where the policy
    /// was found, or from its actions when that is not known.
    private func isRepositoryPolicy(_ subject: RuleSubject) -> Bool {
        if let kind = subject.input.resourceKind?.lowercased() { return kind.contains("ecr") }
        var sawAction = false
        for statement in subject.view.statements {
            for action in (statement.actions ?? []) + (statement.notActions ?? []) {
                let name = action.value.lowercased()
                guard name.hasPrefix("ecr:") || name.hasPrefix("ecr-public:") else { return false }
                sawAction = true
            }
        }
        return sawAction
    }
}
