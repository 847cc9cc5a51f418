/// The type of a template or guard parameter: one scalar kind, a list of one kind, or tags.
package enum ParameterType: Hashable, Sendable, CustomStringConvertible {
    case scalar(ScalarKind)
    case list(ScalarKind)
    /// A mapping of tag keys to tag values.
    case tags

    /// Reads `role-arn`, `list<role-arn>` or `tags`, with a suggestion for a misspelt kind.
    package static func parse(_ text: String) -> Result<ParameterType, Reason> {
        let trimmed = text.trimmed
        if trimmed == "tags" { return .success(.tags) }
        if trimmed.hasPrefix("list<") && trimmed.hasSuffix(">") {
            let inner = String(trimmed.dropFirst(5).dropLast())
            return kind(inner).map { .list($0) }
        }
        if trimmed == "list" { return .success(.list(.string)) }
        return kind(trimmed).map { .scalar($0) }
    }

    private static func kind(_ text: String) -> Result<ScalarKind, Reason> {
        if let kind = ScalarKind(rawValue: text.trimmed) { return .success(kind) }
        let names = ScalarKind.allCases.map(\.rawValue) + ["tags"]
        return .failure(Reason("unknown parameter type '\(text)'\(Suggestions.didYouMean(text, in: names)); types are "
            + ScalarKind.allCases.map(\.rawValue).joined(separator: ", ") + ", list<TYPE> and tags"))
    }

    package var description: String {
        switch self {
        case .scalar(let kind): kind.rawValue
        case .list(let kind): "list<\(kind.rawValue)>"
        case .tags: "tags"
        }
    }
}

/// The kinds of single values a parameter can hold, each with its own validation.
package enum ScalarKind: String, Hashable, Sendable, CaseIterable {
    case string
    case boolean
    case integer
    case name
    case accountID = "account-id"
    case region
    case partition
    case arn
    case roleARN = "role-arn"
    case kmsKeyARN = "kms-key-arn"
    case s3BucketName = "s3-bucket-name"
    case s3Prefix = "s3-prefix"
    case subnetID = "subnet-id"
    case securityGroupID = "security-group-id"
    case vpcID = "vpc-id"
    case ecrRepositoryARN = "ecr-repository-arn"
    case samlProviderARN = "saml-provider-arn"
    case servicePrincipal = "service-principal"
}
