import Testing
import RolegenTestSupport
@testable import RolegenCore

/// The audit the library tests rely on must itself catch what it claims to.
@Suite struct LeastPrivilegeAuditTests {
    private func audit(_ statements: String) throws -> [String] {
        let catalog = try #require(TestCatalog.bundled)
        let origin = SourceLocation(path: "test")
        let context = PersonaContext(partition: BoundScalar("aws", origin: origin), account: BoundScalar("111122223333", origin: origin),
                                     regions: [BoundScalar("us-east-1", origin: origin)])
        let json = "{\"Version\": \"2012-10-17\", \"Statement\": [\(statements)]}"
        return LeastPrivilegeAudit(catalog: catalog, context: context)
            .problems(in: [BundleFile(name: "p.json", kind: "permissions-policy", contents: json)])
    }

    @Test func aLeastPrivilegeStatementPasses() throws {
        #expect(try audit("""
            {"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::b/*"],
             "Condition": {"StringEquals": {"s3:ResourceAccount": "111122223333"}}},
            {"Sid": "Pass", "Effect": "Allow", "Action": ["iam:PassRole"], "Resource": ["arn:aws:iam::111122223333:role/x"],
             "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}},
            {"Sid": "List", "Effect": "Allow", "Action": ["sagemaker:ListTrainingJobs"], "Resource": ["*"]}
            """).isEmpty)
    }

    @Test func eachBrokenRuleIsReported() throws {
        let problems = try audit("""
            {"Sid": "A", "Effect": "Allow", "Action": ["s3:Get*", "s3:GetObjekt"], "NotResource": ["arn:aws:s3:::b"]},
            {"Sid": "B", "Effect": "Allow", "Action": ["iam:PassRole"], "Resource": ["arn:aws:iam::111122223333:role/*"]},
            {"Sid": "C", "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["*", "arn:aws:s3:::b/*"]},
            {"Sid": "D", "Effect": "Allow", "Action": ["sagemaker:CreateTransformJob"],
             "Resource": ["arn:aws-cn:sagemaker:eu-west-1:999999999999:transform-job/*"],
             "Condition": {"Null": {"sagemaker:VpcSubnets": "false"}}}
            """)
        #expect(problems == [
            "p.json: A: NotAction or NotResource in an Allow statement",
            "p.json: A: action pattern 's3:Get*' in an Allow statement (rolegen writes exact actions)",
            "p.json: A: 's3:GetObjekt' is not an action of the catalog",
            "p.json: B: iam:PassRole on something other than named roles: [\"arn:aws:iam::111122223333:role/*\"]",
            "p.json: B: iam:PassRole without StringEquals iam:PassedToService",
            "p.json: C: \"*\" beside other resources",
            "p.json: C: s3:GetObject supports resource-level permissions but is on \"*\"",
            "p.json: D: 'arn:aws-cn:sagemaker:eu-west-1:999999999999:transform-job/*' is not in partition aws",
            "p.json: D: 'arn:aws-cn:sagemaker:eu-west-1:999999999999:transform-job/*' is not in the persona's regions",
            "p.json: D: 'arn:aws-cn:sagemaker:eu-west-1:999999999999:transform-job/*' is not in account 111122223333",
            "p.json: D: Null sagemaker:VpcSubnets: sagemaker:CreateTransformJob does not evaluate this key",
        ])
    }

    @Test func otherRegionsOnlyThroughAnInferenceProfileOfTheOwnRegion() throws {
        let model = "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
        #expect(try audit("""
            {"Sid": "Routed", "Effect": "Allow", "Action": ["bedrock:InvokeModel"], "Resource": ["\(model)"],
             "Condition": {"ArnLike": {"bedrock:InferenceProfileArn": "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.x-v1:0"}}}
            """).isEmpty)
        #expect(try audit("""
            {"Sid": "Direct", "Effect": "Allow", "Action": ["bedrock:InvokeModel"], "Resource": ["\(model)"]}
            """) == ["p.json: Direct: '\(model)' is not in the persona's regions"])
    }

    @Test func oversizedDocumentsAreReported() throws {
        let actions = (1...400).map { "\"sagemaker:ListTrainingJobs\($0)\"" }.joined(separator: ", ")
        let problems = try audit("{\"Sid\": \"Big\", \"Effect\": \"Allow\", \"Action\": [\(actions)], \"Resource\": [\"*\"]}")
        #expect(problems.first?.hasPrefix("p.json: ") == true && problems.first?.hasSuffix("characters, over IAM's 6144") == true)
    }
}
