/// What a value is checked against besides its own syntax: the persona's partition, account
/// and regions, so that an ARN from another partition is caught and a suggested fix is complete.
package struct ValidationContext: Sendable {
    package var partition: String?
    package var account: String?
    package var regions: [String]

    package init(partition: String? = nil, account: String? = nil, regions: [String] = []) {
        self.partition = partition
        self.account = account
        self.regions = regions
    }
}

/// The outcome of checking one value: fine, fine with a warning, or wrong with a reason.
package enum ValueCheck: Equatable, Sendable {
    case valid
    case warning(String)
    case invalid(String)
}

/// Checks single values against their declared kind, with messages that say what was expected
/// and, where it can, what to write instead.
package enum ValueValidation {
    package static func check(_ text: String, as kind: ScalarKind, context: ValidationContext) -> ValueCheck {
        switch kind {
        case .string:
            return .valid
        case .boolean:
            return ["true", "false"].contains(text) ? .valid : .invalid("'\(text)' is not a boolean: expected true or false")
        case .integer:
            return Int(text) != nil ? .valid : .invalid("'\(text)' is not a whole number")
        case .name:
            return checkName(text)
        case .accountID:
            return checkAccount(text)
        case .region:
            return checkRegion(text, context: context)
        case .partition:
            if AWSPartitions.partitions.contains(text) { return .valid }
            return .invalid("'\(text)' is not an AWS partition\(Suggestions.didYouMean(text, in: AWSPartitions.partitions)); "
                + "partitions are \(AWSPartitions.partitions.joined(separator: ", "))")
        case .arn:
            return checkGenericARN(text, context: context)
        case .roleARN:
            return checkRoleARN(text, context: context)
        case .kmsKeyARN:
            return checkKMSKeyARN(text, context: context)
        case .s3BucketName:
            return checkBucketName(text)
        case .s3Prefix:
            return checkS3Prefix(text)
        case .subnetID:
            return checkResourceID(text, prefix: "subnet", what: "subnet id")
        case .securityGroupID:
            return checkResourceID(text, prefix: "sg", what: "security group id")
        case .vpcID:
            return checkResourceID(text, prefix: "vpc", what: "VPC id")
        case .ecrRepositoryARN:
            return checkECRRepositoryARN(text, context: context)
        case .samlProviderARN:
            return checkSAMLProviderARN(text, context: context)
        case .servicePrincipal:
            return checkServicePrincipal(text, context: context)
        }
    }

    // MARK: - Kinds

    /// A name may contain IAM policy variables (`${aws:PrincipalTag/studio-profile}`,
    /// `${sagemaker:UserProfileName}`): each resolves to one name per request, never a wildcard.
    private static func checkName(_ text: String) -> ValueCheck {
        if text.isEmpty { return .invalid("a name cannot be empty") }
        if text.contains("*") || text.contains("?") {
            return .invalid("'\(text)' contains a wildcard; a name must name exactly one resource")
        }
        var literal = ""
        var rest = Substring(text)
        while let start = rest.firstRange(of: "${") {
            literal += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}"),
                  rest[start.upperBound..<end].contains(":") else {
                return .invalid("'\(text)' is not a valid resource name: '${' must start an IAM policy variable such as "
                    + "${aws:username}")
            }
            rest = rest[rest.index(after: end)...]
        }
        literal += rest
        let allowed = literal.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._-:/@+=".unicodeScalars.contains($0)
        }
        return allowed ? .valid
            : .invalid("'\(text)' is not a valid resource name: use letters, digits and . _ - : / @ + =")
    }

    private static func checkAccount(_ text: String) -> ValueCheck {
        if text.count == 12 && text.allSatisfy(\.isASCIIDigit) { return .valid }
        if text.allSatisfy(\.isASCIIDigit) {
            var message = "'\(text)' is not an AWS account id: expected exactly 12 digits, found \(text.count)"
            if text.count < 12 {
                message += "; if the id starts with zeros, quote it in YAML (\"0...\") so the zeros are kept"
            }
            return .invalid(message)
        }
        if text.contains("*") { return .invalid("'\(text)' is a wildcard; an account id must name one account") }
        return .invalid("'\(text)' is not an AWS account id: expected exactly 12 digits")
    }

    private static func checkRegion(_ text: String, context: ValidationContext) -> ValueCheck {
        guard isWellFormedRegion(text) else {
            if text.contains("*") { return .invalid("'\(text)' is a wildcard; name each region explicitly") }
            return .invalid("'\(text)' is not an AWS region\(Suggestions.didYouMean(text, in: AWSPartitions.regions.keys))")
        }
        let partition = AWSPartitions.partition(ofRegion: text)
        if let expected = context.partition, expected != partition {
            return .invalid("region '\(text)' is in partition '\(partition)', but the persona's partition is '\(expected)'")
        }
        if AWSPartitions.regions[text] == nil {
            return .warning("'\(text)' is not a region rolegen knows\(Suggestions.didYouMean(text, in: AWSPartitions.regions.keys)); "
                + "it is accepted as written")
        }
        return .valid
    }

    /// `xx-name-N` or `xx-gov-name-N` and friends: lower-case words, a trailing number.
    package static func isWellFormedRegion(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isASCIIDigit) else {
            return false
        }
        return parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { ("a"..."z").contains($0) } }
    }

    private static func checkGenericARN(_ text: String, context: ValidationContext) -> ValueCheck {
        if text.contains("*") || text.contains("?") {
            return .invalid("'\(text)' contains a wildcard; an ARN parameter names exactly one resource")
        }
        switch ARN.parse(text) {
        case .failure(let reason): return .invalid("'\(text)' is not an ARN: \(reason.message)")
        case .success(let arn): return checkPartition(of: arn, text: text, context: context)
        }
    }

    private static func checkRoleARN(_ text: String, context: ValidationContext) -> ValueCheck {
        let expected = "expected arn:\(context.partition ?? "PARTITION"):iam::\(context.account ?? "ACCOUNT"):role/NAME"
        if text.contains("*") || text.contains("?") {
            return .invalid("'\(text)' contains a wildcard; a role ARN must name exactly one role, so that iam:PassRole stays scoped")
        }
        guard case .success(let arn) = ARN.parse(text) else {
            if !text.hasPrefix("arn:") && checkName(text) == .valid, let partition = context.partition, let account = context.account {
                return .invalid("'\(text)' is not a role ARN; did you mean 'arn:\(partition):iam::\(account):role/\(text)'?")
            }
            return .invalid("'\(text)' is not a role ARN: \(expected)")
        }
        guard arn.service == "iam", arn.region.isEmpty, arn.resource.hasPrefix("role/"), arn.resource.count > 5 else {
            return .invalid("'\(text)' is not a role ARN: \(expected)")
        }
        if checkAccount(arn.account) != .valid {
            return .invalid("'\(text)' has an invalid account '\(arn.account)': expected exactly 12 digits")
        }
        return checkPartition(of: arn, text: text, context: context)
    }

    private static func checkKMSKeyARN(_ text: String, context: ValidationContext) -> ValueCheck {
        let partition = context.partition ?? "PARTITION"
        let region = context.regions.first ?? "REGION"
        let account = context.account ?? "ACCOUNT"
        if isKeyID(text) {
            return .invalid("'\(text)' is a KMS key id, but a key ARN is required: IAM resources and conditions such as "
                + "sagemaker:VolumeKmsKey compare full ARNs; write 'arn:\(partition):kms:\(region):\(account):key/\(text)'")
        }
        if text.hasPrefix("alias/") || text.contains(":alias/") {
            return .invalid("'\(text)' is a KMS alias; IAM authorizes a key by its key ARN, not by an alias, "
                + "so write the ARN of the key the alias points to (aws kms describe-key --key-id \(text))")
        }
        if text.contains("*") {
            return .invalid("'\(text)' contains a wildcard; name each KMS key by its ARN")
        }
        guard case .success(let arn) = ARN.parse(text), arn.service == "kms", arn.resource.hasPrefix("key/") else {
            return .invalid("'\(text)' is not a KMS key ARN: expected arn:\(partition):kms:\(region):\(account):key/KEY-ID")
        }
        let keyID = String(arn.resource.dropFirst(4))
        guard isKeyID(keyID) else {
            return .invalid("'\(text)' does not end in a KMS key id (a UUID, or mrk- and 32 hex digits for a multi-Region key)")
        }
        if !isWellFormedRegion(arn.region) {
            return .invalid("'\(text)' has no valid region; KMS key ARNs name the key's region")
        }
        if checkAccount(arn.account) != .valid {
            return .invalid("'\(text)' has an invalid account '\(arn.account)': expected exactly 12 digits")
        }
        return checkPartition(of: arn, text: text, context: context)
    }

    /// A key UUID (`1234abcd-12ab-34cd-56ef-1234567890ab`) or a multi-Region key id (`mrk-` + 32 hex).
    package static func isKeyID(_ text: String) -> Bool {
        if text.hasPrefix("mrk-") {
            let rest = text.dropFirst(4)
            return rest.count == 32 && rest.allSatisfy(\.isHexDigit)
        }
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    private static func checkBucketName(_ text: String) -> ValueCheck {
        if text.hasPrefix("arn:") {
            let name = text.split(separator: ":", omittingEmptySubsequences: false).last.map(String.init) ?? text
            return .invalid("'\(text)' is an ARN; give the bucket name alone ('\(name)')")
        }
        if text.hasPrefix("s3://") {
            let name = text.dropFirst(5).split(separator: "/").first.map(String.init) ?? ""
            return .invalid("'\(text)' is an S3 URL; give the bucket name alone ('\(name)')")
        }
        var problems: [String] = []
        if text.count < 3 || text.count > 63 { problems.append("bucket names are 3 to 63 characters long") }
        if text.contains(where: \.isUppercase) { problems.append("bucket names cannot contain upper-case letters") }
        let allowed = text.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0.isASCIIDigit || $0 == "." || $0 == "-" }
        if !allowed {
            problems.append(text.contains("*") ? "a bucket name cannot be a wildcard" : "bucket names use only letters, digits, '.' and '-'")
        }
        if let first = text.first, let last = text.last, !(first.isLetter || first.isASCIIDigit) || !(last.isLetter || last.isASCIIDigit) {
            problems.append("bucket names start and end with a letter or digit")
        }
        if text.contains("..") { problems.append("bucket names cannot contain '..'") }
        let octets = text.split(separator: ".")
        if octets.count == 4 && octets.allSatisfy({ Int($0) != nil }) { problems.append("bucket names cannot look like IP addresses") }
        guard let problem = problems.first else { return .valid }
        var message = "'\(text)' is not a valid S3 bucket name: \(problem)"
        let lowered = text.lowercased()
        if problems.count == 1, text.contains(where: \.isUppercase), checkBucketName(lowered) == .valid {
            message += "; did you mean '\(lowered)'?"
        }
        return .invalid(message)
    }

    private static func checkS3Prefix(_ text: String) -> ValueCheck {
        if text.hasPrefix("/") { return .invalid("'\(text)' starts with '/'; S3 keys have no leading slash") }
        if text.contains("*") || text.contains("?") {
            return .invalid("'\(text)' contains a wildcard; give the literal prefix and rolegen adds the '/*'")
        }
        return .valid
    }

    private static func checkResourceID(_ text: String, prefix: String, what: String) -> ValueCheck {
        let parts = text.split(separator: "-", maxSplits: 1)
        if parts.count == 2, parts[0] == prefix, [8, 17].contains(parts[1].count),
           parts[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase }) {
            return .valid
        }
        if text.hasPrefix("arn:") {
            let id = text.split(separator: "/").last.map(String.init) ?? text
            return .invalid("'\(text)' is an ARN; give the \(what) alone ('\(id)')")
        }
        return .invalid("'\(text)' is not a \(what): expected '\(prefix)-' followed by 8 or 17 lower-case hex digits")
    }

    private static func checkECRRepositoryARN(_ text: String, context: ValidationContext) -> ValueCheck {
        let expected = "expected arn:\(context.partition ?? "PARTITION"):ecr:REGION:\(context.account ?? "ACCOUNT"):repository/NAME"
        if text.contains("*") || text.contains("?") {
            return .invalid("'\(text)' contains a wildcard; name each repository by its ARN")
        }
        guard case .success(let arn) = ARN.parse(text), arn.service == "ecr", arn.resource.hasPrefix("repository/"),
              arn.resource.count > 11 else {
            return .invalid("'\(text)' is not an ECR repository ARN: \(expected)")
        }
        return checkPartition(of: arn, text: text, context: context)
    }

    private static func checkSAMLProviderARN(_ text: String, context: ValidationContext) -> ValueCheck {
        guard case .success(let arn) = ARN.parse(text), arn.service == "iam", arn.resource.hasPrefix("saml-provider/"),
              !text.contains("*") else {
            return .invalid("'\(text)' is not a SAML provider ARN: expected arn:\(context.partition ?? "PARTITION"):iam::"
                + "\(context.account ?? "ACCOUNT"):saml-provider/NAME")
        }
        return checkPartition(of: arn, text: text, context: context)
    }

    private static func checkServicePrincipal(_ text: String, context: ValidationContext) -> ValueCheck {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        let wellFormed = labels.count >= 3 && labels.allSatisfy { label in
            !label.isEmpty && label.allSatisfy { ("a"..."z").contains($0) || $0.isASCIIDigit || $0 == "-" }
        }
        guard wellFormed, text.hasSuffix(".amazonaws.com") || text.hasSuffix(".amazonaws.com.cn") || text.hasSuffix(".amazon.com") else {
            if !text.contains("."), checkName(text) == .valid {
                return .invalid("'\(text)' is not a service principal; did you mean '\(text).amazonaws.com'?")
            }
            return .invalid("'\(text)' is not a service principal: expected a name such as sagemaker.amazonaws.com")
        }
        return .valid
    }

    private static func checkPartition(of arn: ARN, text: String, context: ValidationContext) -> ValueCheck {
        if let partition = context.partition, arn.partition != partition {
            return .invalid("'\(text)' is in partition '\(arn.partition)', but the persona's partition is '\(partition)'")
        }
        return .valid
    }
}

extension Character {
    package var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
