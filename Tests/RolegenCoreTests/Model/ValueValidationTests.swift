import Testing
@testable import RolegenCore

@Suite struct ValueValidationTests {
    private let context = ValidationContext(partition: "aws", account: "111122223333", regions: ["us-east-1"])

    private func check(_ text: String, _ kind: ScalarKind) -> ValueCheck {
        ValueValidation.check(text, as: kind, context: context)
    }

    @Test func accountIDs() {
        #expect(check("012345678901", .accountID) == .valid)
        #expect(check("12345", .accountID) == .invalid(
            "'12345' is not an AWS account id: expected exactly 12 digits, found 5; if the id starts with zeros, "
                + "quote it in YAML (\"0...\") so the zeros are kept"))
        #expect(check("*", .accountID) == .invalid("'*' is a wildcard; an account id must name one account"))
        #expect(check("1111-2222-3333", .accountID) == .invalid("'1111-2222-3333' is not an AWS account id: expected exactly 12 digits"))
    }

    @Test func regions() {
        #expect(check("eu-west-1", .region) == .valid)
        #expect(check("us-east1", .region) == .invalid("'us-east1' is not an AWS region; did you mean 'us-east-1'?"))
        #expect(check("cn-north-1", .region) == .invalid(
            "region 'cn-north-1' is in partition 'aws-cn', but the persona's partition is 'aws'"))
        if case .warning(let message) = check("xx-newplace-1", .region) {
            #expect(message.hasPrefix("'xx-newplace-1' is not a region rolegen knows"))
        } else {
            Issue.record("a well-formed unknown region is a warning")
        }
    }

    @Test func kmsKeysMustBeARNs() {
        #expect(check("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", .kmsKeyARN) == .valid)
        #expect(check("arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab", .kmsKeyARN) == .valid)
        #expect(check("1234abcd-12ab-34cd-56ef-1234567890ab", .kmsKeyARN) == .invalid(
            "'1234abcd-12ab-34cd-56ef-1234567890ab' is a KMS key id, but a key ARN is required: IAM resources and conditions "
                + "such as sagemaker:VolumeKmsKey compare full ARNs; write "
                + "'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'"))
        #expect(check("alias/ml", .kmsKeyARN) == .invalid(
            "'alias/ml' is a KMS alias; IAM authorizes a key by its key ARN, not by an alias, so write the ARN of the key "
                + "the alias points to (aws kms describe-key --key-id alias/ml)"))
        #expect(check("arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", .kmsKeyARN) == .invalid(
            "'arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' is in partition 'aws-cn', "
                + "but the persona's partition is 'aws'"))
    }

    @Test func bucketNames() {
        #expect(check("acme-ml.data-1", .s3BucketName) == .valid)
        #expect(check("Acme-Data", .s3BucketName) == .invalid(
            "'Acme-Data' is not a valid S3 bucket name: bucket names cannot contain upper-case letters; did you mean 'acme-data'?"))
        #expect(check("arn:aws:s3:::acme", .s3BucketName) == .invalid("'arn:aws:s3:::acme' is an ARN; give the bucket name alone ('acme')"))
        #expect(check("s3://acme/x", .s3BucketName) == .invalid("'s3://acme/x' is an S3 URL; give the bucket name alone ('acme')"))
        #expect(check("ab", .s3BucketName) == .invalid("'ab' is not a valid S3 bucket name: bucket names are 3 to 63 characters long"))
        #expect(check("192.168.1.1", .s3BucketName) == .invalid(
            "'192.168.1.1' is not a valid S3 bucket name: bucket names cannot look like IP addresses"))
        #expect(check("acme*", .s3BucketName) == .invalid("'acme*' is not a valid S3 bucket name: a bucket name cannot be a wildcard"))
    }

    @Test func roleARNs() {
        #expect(check("arn:aws:iam::111122223333:role/path/exec", .roleARN) == .valid)
        #expect(check("exec", .roleARN) == .invalid("'exec' is not a role ARN; did you mean 'arn:aws:iam::111122223333:role/exec'?"))
        #expect(check("arn:aws:iam::111122223333:role/*", .roleARN) == .invalid(
            "'arn:aws:iam::111122223333:role/*' contains a wildcard; a role ARN must name exactly one role, so that iam:PassRole stays scoped"))
        #expect(check("arn:aws:iam::111122223333:user/bob", .roleARN) == .invalid(
            "'arn:aws:iam::111122223333:user/bob' is not a role ARN: expected arn:aws:iam::111122223333:role/NAME"))
    }

    @Test func networkIDs() {
        #expect(check("subnet-0a1b2c3d", .subnetID) == .valid)
        #expect(check("subnet-0a1b2c3d4e5f60718", .subnetID) == .valid)
        #expect(check("subnet-XYZ", .subnetID) == .invalid(
            "'subnet-XYZ' is not a subnet id: expected 'subnet-' followed by 8 or 17 lower-case hex digits"))
        #expect(check("sg-0123456789abcdef0", .securityGroupID) == .valid)
        #expect(check("arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123456789abcdef0", .securityGroupID) == .invalid(
            "'arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123456789abcdef0' is an ARN; give the security group id alone "
                + "('sg-0123456789abcdef0')"))
    }

    @Test func otherKinds() {
        #expect(check("sagemaker.amazonaws.com", .servicePrincipal) == .valid)
        #expect(check("sagemaker", .servicePrincipal) == .invalid("'sagemaker' is not a service principal; did you mean 'sagemaker.amazonaws.com'?"))
        #expect(check("arn:aws:ecr:us-east-1:111122223333:repository/team/train", .ecrRepositoryARN) == .valid)
        #expect(check("arn:aws:ecr:us-east-1:111122223333:repository/*", .ecrRepositoryARN) == .invalid(
            "'arn:aws:ecr:us-east-1:111122223333:repository/*' contains a wildcard; name each repository by its ARN"))
        #expect(check("arn:aws:s3:::bucket/*", .arn) == .invalid(
            "'arn:aws:s3:::bucket/*' contains a wildcard; an ARN parameter names exactly one resource"))
        #expect(check("aws-us-gov", .partition) == .valid)
        #expect(check("aws-gov", .partition) == .invalid(
            "'aws-gov' is not an AWS partition; partitions are aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, "
                + "aws-iso-e, aws-iso-f, aws-eusc"))
        #expect(check("team/a*", .name) == .invalid("'team/a*' contains a wildcard; a name must name exactly one resource"))
        #expect(check("${aws:PrincipalTag/studio-user-profile}", .name) == .valid)
        #expect(check("profile-${aws:username}", .name) == .valid)
        #expect(check("${*}", .name) == .invalid("'${*}' contains a wildcard; a name must name exactly one resource"))
        #expect(check("${team}", .name) == .invalid(
            "'${team}' is not a valid resource name: '${' must start an IAM policy variable such as ${aws:username}"))
        #expect(check("a b", .name) == .invalid("'a b' is not a valid resource name: use letters, digits and . _ - : / @ + ="))
        #expect(check("data/raw/", .s3Prefix) == .valid)
        #expect(check("yes", .boolean) == .invalid("'yes' is not a boolean: expected true or false"))
    }

    @Test func parameterTypes() throws {
        #expect(try ParameterType.parse("list<role-arn>").get() == .list(.roleARN))
        #expect(try ParameterType.parse("tags").get() == .tags)
        #expect(try ParameterType.parse(" region ").get() == .scalar(.region))
        guard case .failure(let reason) = ParameterType.parse("rolearn") else { Issue.record("should fail"); return }
        #expect(reason.message.hasPrefix("unknown parameter type 'rolearn'; did you mean 'role-arn'?"))
    }
}
