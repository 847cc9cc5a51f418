/// How the trust-policy rules read who assumes a role and how.
enum TrustSupport {
    /// The three ways to assume a role, and the principals each one serves.
    enum AssumeAction: String, CaseIterable {
        case assumeRole = "sts:assumerole"
        case withSAML = "sts:assumerolewithsaml"
        case withWebIdentity = "sts:assumerolewithwebidentity"

        var name: String {
            switch self {
            case .assumeRole: "sts:AssumeRole"
            case .withSAML: "sts:AssumeRoleWithSAML"
            case .withWebIdentity: "sts:AssumeRoleWithWebIdentity"
            }
        }

        /// The principals that can use it, for messages.
        var principals: String {
            switch self {
            case .assumeRole: "AWS accounts, users, roles and services (\"AWS\" or \"Service\" principals)"
            case .withSAML: "SAML providers ({\"Federated\": \"arn:aws:iam::ACCOUNT:saml-provider/NAME\"})"
            case .withWebIdentity: "OIDC providers and web identity domains ({\"Federated\": \"arn:aws:iam::ACCOUNT:oidc-provider/HOST\"} or cognito-identity.amazonaws.com)"
            }
        }
    }

    /// The kind of principal, as far as assuming a role goes.
    enum Assumer: Equatable {
        case anyone
        case aws
        case service
        case saml
        case oidc

        func canUse(_ action: AssumeAction) -> Bool {
            switch self {
            case .anyone: true
            case .aws, .service: action == .assumeRole
            case .saml: action == .withSAML
            case .oidc: action == .withWebIdentity
            }
        }

        var description: String {
            switch self {
            case .anyone: "everyone"
            case .aws: "an AWS principal"
            case .service: "a service principal"
            case .saml: "a SAML provider"
            case .oidc: "an OIDC provider"
            }
        }

        var action: AssumeAction? {
            switch self {
            case .anyone: nil
            case .aws, .service: .assumeRole
            case .saml: .withSAML
            case .oidc: .withWebIdentity
            }
        }
    }

    /// The principals of a statement with their kinds; values whose kind cannot be told are left out.
    static func assumers(_ statement: StatementView) -> [(value: PrincipalValue?, assumer: Assumer)] {
        if PrincipalSupport.isBareWildcard(statement.principal) { return [(nil, .anyone)] }
        return PrincipalSupport.values(statement.principal).compactMap { value in
            switch value.kind {
            case .aws?: return (value, .aws)
            case .service?: return (value, .service)
            case .federated?:
                switch FederatedProvider(value.text) {
                case .saml: return (value, .saml)
                case .oidc, .webIdentity: return (value, .oidc)
                default: return nil
                }
            default: return nil
            }
        }
    }

    /// The assume actions an Action entry stands for (a wildcard can stand for several).
    static func assumeActions(_ action: String) -> [AssumeAction] {
        let lowered = action.lowercased()
        return AssumeAction.allCases.filter { PolicySafety.globMatches(pattern: lowered, text: $0.rawValue) }
    }

    /// Whether some clause on `key` (compared without case) must match for the statement to apply.
    static func requires(_ statement: StatementView, key: String) -> Bool {
        statement.clauses.contains { $0.key.value.equalsIgnoringCase(key) && $0.mustMatchPresentKey && !$0.values.isEmpty }
    }
}
