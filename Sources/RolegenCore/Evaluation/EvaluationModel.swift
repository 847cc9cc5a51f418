/// The evaluator's model of policies and requests (iam-semantics.md §2): what `simulate`,
/// persona `expect:` tests and the semantic diff share. Policies are read from the lenient
/// `PolicyView`; whatever IAM would reject is the validator's to report, not the evaluator's.

/// A policy ready for evaluation.
package struct EvaluationPolicy: Sendable {
    /// How reports name it: a file path, `persona.yaml (generated)`, a dump's policy name.
    package var name: String
    /// `2012-10-17`, `2008-10-17` (policy variables are literal text there), or nil when absent.
    package var version: String?
    package var statements: [EvaluationStatement]

    package init(name: String, version: String?, statements: [EvaluationStatement]) {
        self.name = name
        self.version = version
        self.statements = statements
    }

    /// Whether `${...}` in the policy is a variable (only in version 2012-10-17).
    package var supportsVariables: Bool { version == "2012-10-17" }

    /// Reads a policy document. Statements whose `Effect` is neither `Allow` nor `Deny` are kept
    /// with effect `nil` (they never match: IAM would have rejected the policy).
    package init(_ root: SourceNode, name: String) {
        let view = PolicyView(root)
        self.init(view, name: name)
    }

    package init(_ view: PolicyView, name: String) {
        self.name = name
        version = view.version?.scalarText
        statements = view.statements.map(EvaluationStatement.init)
    }
}

/// `Action` (the listed patterns) or `NotAction` (everything else); the same for resources and principals.
package enum PatternList: Sendable, Equatable {
    case only([String])
    case except([String])

    package var patterns: [String] {
        switch self {
        case .only(let list), .except(let list): list
        }
    }

    package var isExcept: Bool {
        if case .except = self { return true }
        return false
    }
}

package struct EvaluationStatement: Sendable {
    /// Position in the policy's Statement array, from 0.
    package var index: Int
    package var sid: String?
    /// nil when the Effect is missing or not exactly `Allow`/`Deny`: such a statement never matches.
    package var effect: Effect?
    /// nil when the statement has neither Action nor NotAction (matches nothing).
    package var actions: PatternList?
    /// nil when the statement has neither Resource nor NotResource (trust policies).
    package var resources: PatternList?
    /// `Principal` / `NotPrincipal`: values normalised to `AWS:arn`, `Service:name`,
    /// `Federated:name`, `CanonicalUser:id`, or `*`; nil when absent.
    package var principals: PatternList?
    package var conditions: [ConditionEntry]

    package init(index: Int, sid: String?, effect: Effect?, actions: PatternList?, resources: PatternList?,
                 principals: PatternList?, conditions: [ConditionEntry]) {
        self.index = index
        self.sid = sid
        self.effect = effect
        self.actions = actions
        self.resources = resources
        self.principals = principals
        self.conditions = conditions
    }

    init(_ view: StatementView) {
        index = view.index
        sid = view.sid?.value
        effect = view.effect.flatMap { Effect(rawValue: $0.value) }
        actions = view.actions.map { .only($0.map(\.value)) } ?? view.notActions.map { .except($0.map(\.value)) }
        resources = view.resources.map { .only($0.map(\.value)) } ?? view.notResources.map { .except($0.map(\.value)) }
        principals = view.principal.map { .only(Self.principals($0)) } ?? view.notPrincipal.map { .except(Self.principals($0)) }
        conditions = view.clauses.map { ConditionEntry(operatorName: $0.operator.value, key: $0.key.value, values: $0.values.map(\.value)) }
    }

    /// `"*"`, or `{"AWS": [...], "Service": "..."}` → `["*"]` or `["AWS:...", "Service:..."]`.
    /// A bare 12-digit account becomes its root ARN (§3.5); the partition is read from the
    /// policy's other ARNs by the caller when it matters, `aws` here.
    static func principals(_ node: SourceNode) -> [String] {
        if let text = node.scalarText { return [text == "*" ? "*" : "AWS:" + text] }
        var result: [String] = []
        for entry in node.mappingEntries ?? [] {
            guard let kind = entry.key.scalarText else { continue }
            for value in StatementView.strings(entry.value).map(\.value) {
                if kind == "AWS" && value == "*" {
                    result.append("*")
                } else if kind == "AWS" && value.count == 12 && value.allSatisfy(\.isASCIIDigit) {
                    result.append("AWS:arn:aws:iam::\(value):root")
                } else {
                    result.append("\(kind):\(value)")
                }
            }
        }
        return result
    }
}

/// One operator–key–values entry of a Condition block.
package struct ConditionEntry: Sendable, Equatable {
    /// As written: `ForAnyValue:StringLikeIfExists`.
    package var operatorName: String
    /// As written; compare with `normalizedKey`.
    package var key: String
    /// Booleans and numbers are kept as their JSON text (`true`, `10`).
    package var values: [String]

    package init(operatorName: String, key: String, values: [String]) {
        self.operatorName = operatorName
        self.key = key
        self.values = values
    }

    /// Condition key names are case-insensitive (§3.4).
    package var normalizedKey: String { key.lowercased() }
}

/// The resource a request names: an ARN, or ⊤ for actions that take no resource (written `*`).
package enum RequestResource: Sendable, Hashable, CustomStringConvertible {
    case top
    case arn(String)

    package init(_ text: String) {
        self = text == "*" ? .top : .arn(text)
    }

    package var description: String {
        switch self {
        case .top: "*"
        case .arn(let text): text
        }
    }
}

package enum RequestPrincipalKind: String, Sendable, CaseIterable {
    case iamUser = "iam-user"
    case roleSession = "role-session"
    case federatedUserSession = "federated-user-session"
    case root
    case service
}

/// One request (§2.1). Context keys are stored lower-cased; a single-valued key has one value.
package struct EvaluationRequest: Sendable, Hashable {
    package var action: String
    package var resource: RequestResource
    package var context: [String: [String]]
    package var principalKind: RequestPrincipalKind
    /// For resource-based policies: `AWS:arn:...`, `Service:sagemaker.amazonaws.com`, ...
    package var principal: String?

    package init(action: String, resource: RequestResource, context: [String: [String]] = [:],
                 principalKind: RequestPrincipalKind = .iamUser, principal: String? = nil) {
        self.action = action
        self.resource = resource
        self.context = Dictionary(context.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        self.principalKind = principalKind
        self.principal = principal
    }
}

/// The policies that decide a request (§2.4). An empty `scpLevels` means the account is not
/// in an organisation (or the request is SCP-exempt); each level needs an Allow of its own.
package struct PolicySet: Sendable {
    package var identity: [EvaluationPolicy]
    package var permissionsBoundary: EvaluationPolicy?
    package var scpLevels: [[EvaluationPolicy]]
    package var rcpLevels: [[EvaluationPolicy]]
    /// nil: no session policy was passed.
    package var sessionPolicies: [EvaluationPolicy]?
    package var resourcePolicy: EvaluationPolicy?

    package init(identity: [EvaluationPolicy] = [], permissionsBoundary: EvaluationPolicy? = nil,
                 scpLevels: [[EvaluationPolicy]] = [], rcpLevels: [[EvaluationPolicy]] = [],
                 sessionPolicies: [EvaluationPolicy]? = nil, resourcePolicy: EvaluationPolicy? = nil) {
        self.identity = identity
        self.permissionsBoundary = permissionsBoundary
        self.scpLevels = scpLevels
        self.rcpLevels = rcpLevels
        self.sessionPolicies = sessionPolicies
        self.resourcePolicy = resourcePolicy
    }
}

package enum Decision: String, Sendable {
    case allow = "ALLOW"
    case denyExplicit = "DENY_EXPLICIT"
    case denyImplicit = "DENY_IMPLICIT"
}

package enum PolicyLayer: String, Sendable {
    case identity
    case permissionsBoundary
    case scp
    case rcp
    case session
    case resourcePolicy
}

/// A statement of a policy, as reports name it.
package struct StatementReference: Sendable, Hashable {
    package var policy: String
    package var index: Int
    package var sid: String?

    package init(policy: String, index: Int, sid: String?) {
        self.policy = policy
        self.index = index
        self.sid = sid
    }
}

/// Resource-matching semantics (§3.2.2–3.2.3): D is the evaluator's; L ⊆ D ⊆ U bound it for
/// the diff's robust mode.
package enum ResourceSemantics: String, Sendable, CaseIterable {
    case strict = "L"
    case standard = "D"
    case loose = "U"
}
