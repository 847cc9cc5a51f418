/// How the principal and policy-type rules read principals and the conditions that limit who
/// they are. Kept beside the rules (not in the framework) because only these rules need it.

/// The four keys a `Principal` mapping may have.
enum PrincipalKind: String, Sendable, CaseIterable {
    case aws = "AWS"
    case service = "Service"
    case federated = "Federated"
    case canonicalUser = "CanonicalUser"
}

/// One value of a `Principal`/`NotPrincipal` mapping (`"AWS": "arn:..."`), a string of an array counting alone.
struct PrincipalValue: Sendable {
    /// The key as written; `kind` is `nil` when it is not one of the four.
    let key: String
    let kind: PrincipalKind?
    let text: String
    let location: SourceLocation
}

enum PrincipalSupport {
    /// The key node of a statement element (`"Principal"`), for reporting the element itself.
    static func keyNode(_ name: String, in statement: StatementView) -> SourceNode? {
        statement.node.mappingEntries?.last { $0.key.scalarText == name }?.key
    }

    /// Whether the element is the bare string `"*"`.
    static func isBareWildcard(_ node: SourceNode?) -> Bool {
        guard let node, case .scalar(let scalar) = node.content else { return false }
        return scalar.text == "*"
    }

    /// The scalar values of a principal mapping, with their keys; other shapes give none (the
    /// format rule reports them).
    static func values(_ node: SourceNode?) -> [PrincipalValue] {
        guard let entries = node?.mappingEntries else { return [] }
        var result: [PrincipalValue] = []
        for entry in entries {
            guard let key = entry.key.scalarText else { continue }
            let kind = PrincipalKind(rawValue: key)
            switch entry.value.content {
            case .scalar(let scalar):
                result.append(PrincipalValue(key: key, kind: kind, text: scalar.text, location: entry.value.location))
            case .sequence(let items):
                for item in items {
                    guard case .scalar(let scalar) = item.content else { continue }
                    result.append(PrincipalValue(key: key, kind: kind, text: scalar.text, location: item.location))
                }
            case .mapping:
                continue
            }
        }
        return result
    }

    /// Whether the principal names everyone: `"*"` or `{"AWS": "*"}` (also inside a list).
    static func namesEveryone(_ node: SourceNode?) -> Bool {
        isBareWildcard(node) || values(node).contains { $0.kind == .aws && $0.text == "*" }
    }

    /// Where the statement names everyone: the bare `"*"` or the `"*"` under AWS.
    static func everyoneLocation(_ node: SourceNode?) -> SourceLocation? {
        guard let node else { return nil }
        if isBareWildcard(node) { return node.location }
        return values(node).first { $0.kind == .aws && $0.text == "*" }?.location
    }

    static func isAccountID(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    static func hasWildcard(_ text: some StringProtocol) -> Bool {
        text.contains("*") || text.contains("?")
    }

    /// Whether the statement lets `action` (lower case) through its Action or NotAction.
    static func grants(_ statement: StatementView, action: String) -> Bool {
        if let actions = statement.actions {
            return actions.contains { PolicySafety.globMatches(pattern: $0.value.lowercased(), text: action) }
        }
        if let excluded = statement.notActions {
            return !excluded.contains { PolicySafety.globMatches(pattern: $0.value.lowercased(), text: action) }
        }
        return false
    }
}

/// An `AWS` principal value, read: an account, a user, a role, a session, or what is wrong with it.
struct AWSPrincipal: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case everyone
        case account
        case user
        case role
        case assumedRole
        case federatedUser
        /// `arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E...` (S3 bucket policies).
        case cloudFrontIdentity
        /// `AROA...`/`AIDA...`: what IAM shows in place of a deleted role's or user's ARN.
        case uniqueID
        /// `*` or `?` inside the value.
        case partialWildcard
        /// `${...}`: reported by the variable rules.
        case variable
        case invalid
    }

    var kind: Kind
    var account: String?
    var partition: String?
    /// The user's or role's name (last path segment); the role of an assumed-role session.
    var name: String?
    var session: String?
    /// For `.invalid`: what is wrong; for `.uniqueID`: "role" or "user".
    var detail: String?

    init(kind: Kind, account: String? = nil, partition: String? = nil, name: String? = nil, session: String? = nil,
         detail: String? = nil) {
        self.kind = kind
        self.account = account
        self.partition = partition
        self.name = name
        self.session = session
        self.detail = detail
    }

    init(_ text: String) {
        if text == "*" {
            self.init(kind: .everyone)
        } else if text.contains("${") {
            self.init(kind: .variable)
        } else if PrincipalSupport.hasWildcard(text) {
            self.init(kind: .partialWildcard)
        } else if PrincipalSupport.isAccountID(text) {
            self.init(kind: .account, account: text)
        } else if let idKind = Self.uniqueIDKind(text) {
            self.init(kind: .uniqueID, detail: idKind)
        } else if text.hasPrefix("arn:") {
            self = Self.parseARN(text)
        } else if !text.isEmpty && text.allSatisfy(\.isASCIIDigit) {
            self.init(kind: .invalid, detail: "account ids have 12 digits, this one has \(text.count)")
        } else if text.isEmpty {
            self.init(kind: .invalid, detail: "the value is empty")
        } else {
            self.init(kind: .invalid, detail: "an AWS principal is an account id (12 digits), an IAM user or role ARN, an STS session ARN or \"*\"")
        }
    }

    /// `role` for `AROA…`, `user` for `AIDA…` (upper-case letters and digits after the prefix).
    static func uniqueIDKind(_ text: String) -> String? {
        let kind: String
        if text.hasPrefix("AROA") { kind = "role" } else if text.hasPrefix("AIDA") { kind = "user" } else { return nil }
        guard text.utf8.count >= 16 && text.utf8.count <= 128,
              text.utf8.allSatisfy({ ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) })
        else { return nil }
        return kind
    }

    private static func parseARN(_ text: String) -> AWSPrincipal {
        let arn: ARN
        switch ARN.parse(text) {
        case .success(let parsed): arn = parsed
        case .failure(let reason): return AWSPrincipal(kind: .invalid, detail: reason.message)
        }
        guard AWSPartitions.partitions.contains(arn.partition) else {
            return AWSPrincipal(kind: .invalid, detail: "'\(arn.partition)' is not an AWS partition")
        }
        guard arn.service == "iam" || arn.service == "sts" else {
            return AWSPrincipal(kind: .invalid, detail: "\(arn.service) ARNs are not principals; AWS principals are accounts, IAM users and roles, and STS sessions")
        }
        guard arn.region.isEmpty else {
            return AWSPrincipal(kind: .invalid, detail: "\(arn.service.uppercased()) principal ARNs have no Region ('\(arn.region)')")
        }
        if arn.service == "iam" && arn.account == "cloudfront" && arn.resource.hasPrefix("user/CloudFront Origin Access Identity ") {
            return AWSPrincipal(kind: .cloudFrontIdentity, partition: arn.partition)
        }
        guard PrincipalSupport.isAccountID(arn.account) else {
            return AWSPrincipal(kind: .invalid, detail: "the account field '\(arn.account)' is not a 12-digit account id")
        }
        let parts = arn.resource.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let type = parts.first ?? ""
        let last = parts.count > 1 ? parts[parts.count - 1] : ""
        if arn.service == "iam" {
            switch type {
            case "root" where parts.count == 1:
                return AWSPrincipal(kind: .account, account: arn.account, partition: arn.partition)
            case "user" where !last.isEmpty:
                return AWSPrincipal(kind: .user, account: arn.account, partition: arn.partition, name: last)
            case "role" where !last.isEmpty:
                return AWSPrincipal(kind: .role, account: arn.account, partition: arn.partition, name: last)
            case "group":
                return AWSPrincipal(kind: .invalid, detail: "IAM groups are not principals; name the users or roles instead")
            case "saml-provider", "oidc-provider":
                return AWSPrincipal(kind: .invalid, detail: "an identity provider is a Federated principal, not an AWS one")
            default:
                return AWSPrincipal(kind: .invalid, detail: "'\(arn.resource)' is not an IAM principal (root, user/NAME or role/NAME)")
            }
        }
        switch type {
        case "assumed-role" where parts.count >= 3 && !parts[1].isEmpty && !last.isEmpty:
            return AWSPrincipal(kind: .assumedRole, account: arn.account, partition: arn.partition, name: parts[1], session: last)
        case "federated-user" where !last.isEmpty:
            return AWSPrincipal(kind: .federatedUser, account: arn.account, partition: arn.partition, name: last)
        default:
            return AWSPrincipal(kind: .invalid, detail: "'\(arn.resource)' is not an STS principal (assumed-role/ROLE/SESSION or federated-user/NAME)")
        }
    }
}

/// A `Federated` principal value: an identity provider.
enum FederatedProvider: Sendable, Equatable {
    /// `arn:aws:iam::111122223333:saml-provider/NAME`
    case saml
    /// `arn:aws:iam::111122223333:oidc-provider/HOST[/PATH]`, with the host (and path) its condition keys start with.
    case oidc(String)
    /// `cognito-identity.amazonaws.com`, `accounts.google.com`, `graph.facebook.com`, `www.amazon.com`.
    case webIdentity(String)
    case wildcard
    case variable
    case invalid(String)

    static let webIdentityDomains: Set<String> = ["cognito-identity.amazonaws.com", "accounts.google.com", "graph.facebook.com",
                                                  "www.amazon.com", "cognito-identity.amazonaws.com.cn"]

    init(_ text: String) {
        if PrincipalSupport.hasWildcard(text) {
            self = .wildcard
            return
        }
        if text.contains("${") {
            self = .variable
            return
        }
        if Self.webIdentityDomains.contains(text) {
            self = .webIdentity(text)
            return
        }
        guard text.hasPrefix("arn:") else {
            self = .invalid("a federated principal is a SAML or OIDC provider ARN (arn:aws:iam::ACCOUNT:saml-provider/NAME, "
                            + "arn:aws:iam::ACCOUNT:oidc-provider/HOST) or one of \(Self.webIdentityDomains.sorted().filter { !$0.hasSuffix(".cn") }.quotedList(conjunction: "or"))")
            return
        }
        guard case .success(let arn) = ARN.parse(text) else {
            self = .invalid("'\(text)' is not a complete ARN")
            return
        }
        guard arn.service == "iam", arn.region.isEmpty, PrincipalSupport.isAccountID(arn.account),
              AWSPartitions.partitions.contains(arn.partition) else {
            self = .invalid("provider ARNs have the form arn:PARTITION:iam::ACCOUNT:saml-provider/NAME or …:oidc-provider/HOST")
            return
        }
        if arn.resource.hasPrefix("saml-provider/") && arn.resource.count > "saml-provider/".count {
            self = .saml
        } else if arn.resource.hasPrefix("oidc-provider/") && arn.resource.count > "oidc-provider/".count {
            self = .oidc(String(arn.resource.dropFirst("oidc-provider/".count)))
        } else {
            self = .invalid("'\(arn.resource)' is neither a saml-provider/NAME nor an oidc-provider/HOST")
        }
    }

    /// The prefix of the provider's condition keys (`token.actions.githubusercontent.com`), for OIDC kinds.
    var conditionPrefix: String? {
        switch self {
        case .oidc(let host), .webIdentity(let host): return host.hasSuffix(".cn") ? String(host.dropLast(3)) : host
        default: return nil
        }
    }
}

/// Service principals: `sagemaker.amazonaws.com`.
enum ServicePrincipalNames {
    /// The DNS suffixes of AWS service principals, longest first so `amazonaws.com.cn` wins over `amazonaws.com`.
    static let suffixes = ["amazonaws.com.cn", "sc2s.sgov.gov", "csp.hci.ic.gov", "cloud.adc-e.uk", "amazonaws.com", "c2s.ic.gov",
                           "amazonaws.eu", "amazon.com"]

    /// `sagemaker` for `sagemaker.amazonaws.com`, `pods.eks` for `pods.eks.amazonaws.com` (lower case); `nil`
    /// when the value does not end in an AWS suffix.
    static func name(of principal: String) -> String? {
        let lowered = principal.lowercased()
        for suffix in suffixes where lowered.hasSuffix("." + suffix) {
            let name = lowered.dropLast(suffix.count + 1)
            return name.isEmpty ? nil : String(name)
        }
        return nil
    }

    /// What is wrong with a service principal's spelling, and what to write instead.
    static func problem(_ text: String) -> (message: String, suggestion: String?)? {
        if text.isEmpty { return ("the service principal is empty", nil) }
        if text.hasPrefix("arn:") {
            return ("'\(text)' is an ARN; a service principal is the service's name, such as 'sagemaker.amazonaws.com'", nil)
        }
        if let scheme = ["https://", "http://"].first(where: { text.hasPrefix($0) }) {
            let host = String(text.dropFirst(scheme.count).prefix { $0 != "/" })
            return ("'\(text)' is a URL; a service principal is a host name such as 'sagemaker.amazonaws.com'",
                    host.isEmpty ? nil : "write '\(host)'")
        }
        let allowed = text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" }
        if !allowed {
            let lowered = text.lowercased()
            if lowered != text && lowered.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" }) {
                return ("service principals are lower case: '\(text)'", "write '\(lowered)'")
            }
            return ("'\(text)' is not a service principal: only lower-case letters, digits, '.' and '-' are allowed", nil)
        }
        if !text.contains(".") {
            return ("'\(text)' is not a service principal: service principals are host names such as '\(text).amazonaws.com'",
                    "write '\(text).amazonaws.com'")
        }
        if text.split(separator: ".", omittingEmptySubsequences: false).contains(where: { $0.isEmpty || $0.hasPrefix("-") || $0.hasSuffix("-") }) {
            return ("'\(text)' is not a valid host name", nil)
        }
        if name(of: text) == nil {
            let first = text.prefix { $0 != "." }
            return ("'\(text)' does not end in an AWS service domain (amazonaws.com, amazonaws.com.cn, …)",
                    "write '\(first).amazonaws.com'")
        }
        return nil
    }
}

/// How conditions limit a statement, read clause by clause.
extension ConditionClause {
    /// The key in lower case (IAM compares keys without case).
    var loweredKeyName: String { key.value.lowercased() }

    /// `StringNotEquals`, `ArnNotLike`, `NotIpAddress`, …: true when the key is absent.
    var isNegatedOperator: Bool { baseOperator.contains("Not") }

    /// True only when the key is present and matches: not negated, no IfExists, not Null, not ForAllValues
    /// (which is true for an absent key).
    var mustMatchPresentKey: Bool {
        !isIfExists && !isNegatedOperator && baseOperator != "Null" && qualifier != "ForAllValues"
    }
}

/// Which condition keys limit who can use a statement whose principal is everyone.
enum PrincipalLimits {
    enum Strength: Sendable {
        /// Names the caller's organisation, account or identity: only they pass.
        case identity
        /// Limits where the request comes from (a network, a service), not who makes it.
        case network
    }

    static let identityKeys: Set<String> = [
        "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn", "aws:sourceaccount",
        "aws:sourcearn", "aws:sourceowner", "aws:sourceorgid", "aws:sourceorgpaths", "aws:userid", "kms:calleraccount",
        "s3:dataaccesspointaccount", "s3:dataaccesspointarn",
    ]
    static let networkKeys: Set<String> = [
        "aws:sourceip", "aws:sourcevpc", "aws:sourcevpce", "aws:vpcsourceip", "aws:sourcevpcarn", "aws:principalservicename",
        "aws:principalisawsservice",
    ]
    private static let arnKeys: Set<String> = ["aws:principalarn", "aws:sourcearn", "s3:dataaccesspointarn"]
    private static let accountKeys: Set<String> = ["aws:principalaccount", "aws:sourceaccount", "aws:sourceowner", "kms:calleraccount",
                                                   "s3:dataaccesspointaccount"]

    /// How the clause limits the caller, or `nil` when it does not (a negated or IfExists operator, a
    /// value that matches everyone, a key that says nothing about who calls).
    static func strength(of clause: ConditionClause) -> Strength? {
        let key = clause.loweredKeyName
        let strength: Strength
        if identityKeys.contains(key) { strength = .identity } else if networkKeys.contains(key) { strength = .network } else { return nil }
        guard clause.mustMatchPresentKey, !clause.values.isEmpty else { return nil }
        if key == "aws:principalisawsservice" {
            return clause.values.allSatisfy { $0.value.lowercased() == "true" } ? .network : nil
        }
        return clause.values.contains(where: { isBroad($0.value, key: key) }) ? nil : strength
    }

    /// A value that lets (nearly) everyone through: `*`, `o-*`, `0.0.0.0/0`, an ARN with a wildcard account.
    static func isBroad(_ value: String, key: String) -> Bool {
        if value.isEmpty || value.allSatisfy({ $0 == "*" || $0 == "?" }) { return true }
        if (key == "aws:sourceip" || key == "aws:vpcsourceip") && value.hasSuffix("/0") { return true }
        if key == "aws:principalorgid" || key == "aws:sourceorgid" {
            return value.hasPrefix("o-") && value.dropFirst(2).allSatisfy { $0 == "*" || $0 == "?" }
        }
        if accountKeys.contains(key) { return PrincipalSupport.hasWildcard(value) }
        if arnKeys.contains(key) {
            guard case .success(let arn) = ARN.parse(value) else { return PrincipalSupport.hasWildcard(value) }
            return PrincipalSupport.hasWildcard(arn.account) || (arn.account.isEmpty && arn.service != "s3")
        }
        if key == "aws:userid" { return value.first == "*" || value.first == "?" }
        return false
    }

    /// The keys that limit who, by how much: the strongest found.
    static func strongest(in statement: StatementView) -> Strength? {
        var best: Strength?
        for clause in statement.clauses {
            switch strength(of: clause) {
            case .identity?: return .identity
            case .network?: best = .network
            case nil: continue
            }
        }
        return best
    }
}
