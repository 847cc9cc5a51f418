/// Bucket-level rights that let the holder grant itself the object rights the policy withholds.
struct BucketPolicyEscalation: LintRule {
    let metadata = RuleMetadata(
        id: "bucket-policy-escalation", title: "Bucket policy or ACL rights without the object rights they can grant",
        severity: .medium, category: .permissions,
        rationale: """
            s3:PutBucketPolicy lets the holder write a bucket policy that gives itself s3:GetObject, \
            s3:PutObject and s3:DeleteObject on the bucket's objects; s3:PutBucketAcl can give it write \
            access to the objects (where ACLs are enabled), and s3:PutLifecycleConfiguration can expire \
            (delete) every object. When the same policy withholds those object rights, it does not mean \
            what it says: the holder can take them.
            """,
        fix: """
            Drop the bucket-level action if the principal does not administer the bucket, or accept that it \
            can read and write the objects and grant that openly.
            """,
        appliesTo: [.identity, .resource],
        equivalents: [.parliament("RESOURCE_POLICY_PRIVILEGE_ESCALATION")],
        examples: [
            .triggering(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:PutBucketPolicy", "s3:GetBucketPolicy"], "Resource": "arn:aws:s3:::ml-data"}]}"#),
            .triggering(#"""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "s3:PutLifecycleConfiguration", "Resource": "arn:aws:s3:::ml-data"},
                 {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::ml-data/*"}]}
                """#),
            .passing(#"""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": "s3:PutBucketPolicy", "Resource": "arn:aws:s3:::ml-data"},
                 {"Effect": "Allow", "Action": "s3:*Object", "Resource": "arn:aws:s3:::ml-data/*"}]}
                """#),
            .passing(#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-data/*"}]}"#),
        ])

    /// The bucket-level action and the object actions it lets the holder regain.
    private static let escalations: [(action: ActionName, regains: [ActionName])] = [
        ("s3:PutBucketPolicy", ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]),
        ("s3:PutBucketAcl", ["s3:PutObject", "s3:DeleteObject"]),
        ("s3:PutLifecycleConfiguration", ["s3:DeleteObject"]),
    ].map { (ActionName($0.0), $0.1.map(ActionName.init)) }

    func check(_ subject: RuleSubject, _ report: inout RuleReport) {
        let index = GrantIndex.of(subject)
        guard index.mayGrant(service: "s3") else { return }
        for (action, regains) in Self.escalations {
            for (grant, location) in index.grants(of: action) {
                // The buckets it is granted on; NotResource means every bucket but a few.
                let buckets = grant.statement.notResources != nil ? ["*"] : (grant.statement.resources ?? []).map(\.value)
                for bucket in buckets {
                    let object = bucket.hasSuffix("/*") || bucket == "*" ? bucket : bucket + "/rolegen-probe-key"
                    let missing = regains.filter { regained in
                        !index.grants(of: regained).contains { found in
                            found.grant.statement.notResources != nil
                                || (found.grant.statement.resources ?? []).contains { PolicySafety.globMatches(pattern: $0.value, text: object) }
                        }
                    }
                    guard !missing.isEmpty else { continue }
                    report.add("\(action.name) on '\(bucket)' in \(grant.statement.label) lets the holder give itself "
                               + "\(ActionList.describe(missing.map(\.name))) on the bucket's objects, which this policy does not grant",
                               at: location, statement: grant.statement,
                               suggestion: "remove \(action.name), or grant the object actions openly if the principal administers the bucket")
                    break
                }
            }
        }
    }
}
