/// Reads of every object, parameter and secret of the account.
struct DataExfiltration: LintRule {
    let metadata = RuleMetadata(
        id: "data-exfiltration", title: "Data and secret reads on every resource without a condition", severity: .medium,
        category: .permissions,
        rationale: """
            s3:GetObject on every bucket, ssm:GetParameter* and secretsmanager:GetSecretValue on every \
            parameter and secret, dynamodb:Scan on every table, or copying and sharing every database and \
            volume snapshot lets the holder read all the account's data, including buckets of other \
            accounts that trust it, not only what its workload needs.
            """,
        fix: "Name the buckets, prefixes, parameters and secrets in Resource, or add a condition such as s3:ResourceAccount.",
        appliesTo: [.identity],
        equivalents: [.cloudsplaining("DataExfiltration"), .validator("missing_condition")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]}"#),
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:*:*:secret:*"}]}"#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-data/curated/*"}]}"#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                 "Condition": {"StringEquals": {"s3:ResourceAccount": "111122223333"}}}]}
                """#),
        ])

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        let index = GrantIndex.of(subject)
        for (statement, location, names) in index.unconstrainedEntries(granting: EscalationCatalog.dataNames) {
            report.add("\(statement.label) grants \(ActionList.describe(names)) on every resource without a condition: the holder can read "
                       + "or copy all such data it can reach, not only its own", at: location, statement: statement,
                       suggestion: "name the buckets, prefixes, parameters or secrets in Resource")
        }
    }
}
