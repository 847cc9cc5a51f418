/// The kinds of policy IAM and Organizations know. The same statement can be right in one kind
/// and wrong in another (a Principal is required in a trust policy and forbidden in an identity
/// policy), so every rule says which kinds it applies to; most false positives of the peers come
/// from ignoring this.
package enum PolicyType: String, Sendable, CaseIterable, Comparable {
    /// Attached to a user, group or role (managed or inline).
    case identity
    /// A role's trust policy (AssumeRolePolicyDocument).
    case trust
    /// A resource-based policy: S3 bucket, KMS key, SQS queue, SNS topic, ECR repository, ...
    case resource
    /// A permissions boundary: an identity policy used as a ceiling.
    case boundary
    /// An AWS Organizations service control policy.
    case scp
    /// An AWS Organizations resource control policy.
    case rcp

    package var title: String {
        switch self {
        case .identity: "identity policy"
        case .trust: "role trust policy"
        case .resource: "resource-based policy"
        case .boundary: "permissions boundary"
        case .scp: "service control policy"
        case .rcp: "resource control policy"
        }
    }

    /// Accepts `identity`, `trust`, `resource`, `boundary` (or `permissions-boundary`), `scp`, `rcp`.
    package init?(name: String) {
        let lowered = name.lowercased()
        if lowered == "permissions-boundary" { self = .boundary; return }
        guard let type = Self(rawValue: lowered) else { return nil }
        self = type
    }

    package static let identityLike: Set<PolicyType> = [.identity, .boundary]
    package static let all = Set(allCases)

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    package static func < (lhs: PolicyType, rhs: PolicyType) -> Bool { lhs.rank < rhs.rank }
}

/// What a document's size is counted against (IAM and Organizations quotas).
package enum SizeTarget: String, Sendable {
    case managed
    case inlineUser = "inline-user"
    case inlineGroup = "inline-group"
    case inlineRole = "inline-role"
    case trust
    case scp
    case rcp
    case resource
}
