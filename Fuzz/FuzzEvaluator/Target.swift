import RolegenCore

/// The evaluator: the input is a policy (strict JSON), evaluated in every layer against
/// requests that exercise actions, ARNs, `*`, context keys of every type and policy variables.
func fuzzOne(_ bytes: [UInt8]) {
    guard case .success(let root) = JSONReader.parse(bytes, path: "fuzz.json") else { return }
    let policy = EvaluationPolicy(root, name: "fuzz")
    let evaluator = Evaluator()
    for request in requests {
        for set in [PolicySet(identity: [policy]), PolicySet(identity: [policy], permissionsBoundary: policy),
                    PolicySet(identity: [policy], scpLevels: [[policy]], rcpLevels: [[policy]], sessionPolicies: [policy], resourcePolicy: policy)] {
            _ = evaluator.evaluate(request, in: set)
        }
    }
}

let requests: [EvaluationRequest] = [
    EvaluationRequest(action: "s3:GetObject", resource: RequestResource("arn:aws:s3:::bucket/key"),
                      context: ["aws:sourceip": ["10.0.0.1"], "aws:currenttime": ["2026-01-01T00:00:00Z"], "aws:username": ["alice"],
                                "aws:multifactorauthpresent": ["true"], "s3:max-keys": ["10"], "aws:principaltag/team": ["ml"]]),
    EvaluationRequest(action: "iam:PassRole", resource: RequestResource("arn:aws:iam::111122223333:role/x"),
                      context: ["iam:passedtoservice": ["sagemaker.amazonaws.com"], "aws:sourcearn": ["arn:aws:sagemaker:us-east-1:1:x/y"]]),
    EvaluationRequest(action: "ec2:DescribeInstances", resource: RequestResource("*")),
    EvaluationRequest(action: "kms:Decrypt", resource: RequestResource("arn:aws:kms:us-east-1:111122223333:key/${aws:username}"),
                      context: ["kms:viaservice": ["s3.us-east-1.amazonaws.com"], "aws:requestedregion": ["us-east-1"]]),
]
