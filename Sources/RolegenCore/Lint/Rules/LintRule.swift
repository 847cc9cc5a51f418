/// A check of policy documents. Each rule is one small type in its own file: what it is, why it
/// matters, which policy types it applies to, what the peers call it, and examples that both
/// document it and test it (a rule without a triggering and a non-triggering example fails the
/// tests).
package protocol LintRule: Sendable {
    var metadata: RuleMetadata { get }
    /// Looks at one document and reports what it finds. A rule that throws is reported as an
    /// error finding (`check-error`) and the run goes on: the checker fails closed, never crashes.
    func check(_ subject: RuleSubject, _ report: inout RuleReport) throws
}

package enum RuleCategory: String, Sendable, CaseIterable {
    case grammar
    case actions
    case resources
    case principals
    case conditions
    case variables
    case size
    case policyType = "policy-type"
    case permissions
    case ml
}

/// The other tools that check the same thing, and their names for it, so findings map across.
package struct PeerCode: Sendable, Hashable {
    package enum Tool: String, Sendable, CaseIterable {
        case accessAnalyzer = "Access Analyzer"
        case parliament
        case iamPolicyValidator = "iam-policy-validator"
        case cloudsplaining
        case policySentry = "policy_sentry"
    }

    package var tool: Tool
    package var code: String

    package static func aa(_ code: String) -> PeerCode { PeerCode(tool: .accessAnalyzer, code: code) }
    package static func parliament(_ code: String) -> PeerCode { PeerCode(tool: .parliament, code: code) }
    package static func validator(_ code: String) -> PeerCode { PeerCode(tool: .iamPolicyValidator, code: code) }
    package static func cloudsplaining(_ code: String) -> PeerCode { PeerCode(tool: .cloudsplaining, code: code) }
}

/// A policy that shows the rule at work: one that triggers it and one that does not, at least.
package struct RuleExample: Sendable {
    package var policy: String
    package var type: PolicyType
    package var triggers: Bool
    /// Settings the example needs (`.rolegen.yaml`'s `lint:` section), as YAML.
    package var settings: String?
    /// For entity rules: the entity the policy (and `otherPolicies`) belong to, and how.
    package var entity: PolicyInput.Entity?
    package var sizeTarget: SizeTarget?
    package var otherPolicies: [String] = []

    package static func triggering(_ policy: String, type: PolicyType = .identity, settings: String? = nil,
                                   sizeTarget: SizeTarget? = nil, entity: PolicyInput.Entity? = nil,
                                   otherPolicies: [String] = []) -> RuleExample {
        RuleExample(policy: policy, type: type, triggers: true, settings: settings, entity: entity, sizeTarget: sizeTarget,
                    otherPolicies: otherPolicies)
    }

    package static func passing(_ policy: String, type: PolicyType = .identity, settings: String? = nil,
                                sizeTarget: SizeTarget? = nil, entity: PolicyInput.Entity? = nil,
                                otherPolicies: [String] = []) -> RuleExample {
        RuleExample(policy: policy, type: type, triggers: false, settings: settings, entity: entity, sizeTarget: sizeTarget,
                    otherPolicies: otherPolicies)
    }
}

/// A check over all the policies of one user, group or role (found in account dumps and
/// CloudFormation templates): the aggregate inline size, the number of attached policies.
/// Its `check` of single documents does nothing; the engine calls `check(entity:)` instead.
package protocol LintEntityRule: LintRule {
    func check(entity: PolicyInput.Entity, policies: [PolicyInput], _ report: inout RuleReport) throws
}

package struct RuleMetadata: Sendable {
    package var id: String
    package var title: String
    package var severity: Severity
    package var category: RuleCategory
    /// Why it matters, for `rolegen explain` and docs/rules.md.
    package var rationale: String
    /// How to fix what it finds.
    package var fix: String
    package var appliesTo: Set<PolicyType>
    package var equivalents: [PeerCode]
    /// Built when asked for (tests, docs, `explain`): every run makes all the rules, and their
    /// examples (some several KB of policy) cost a measurable part of a one-file lint.
    package var examples: [RuleExample] { makeExamples() }
    private let makeExamples: @Sendable () -> [RuleExample]
    /// Off unless the configuration turns it on (organisation-specific rules).
    package var enabledByDefault: Bool

    package init(id: String, title: String, severity: Severity, category: RuleCategory, rationale: String, fix: String,
                 appliesTo: Set<PolicyType> = PolicyType.all, equivalents: [PeerCode] = [],
                 examples: @autoclosure @escaping @Sendable () -> [RuleExample], enabledByDefault: Bool = true) {
        self.id = id
        self.title = title
        self.severity = severity
        self.category = category
        self.rationale = rationale
        self.fix = fix
        self.appliesTo = appliesTo
        self.equivalents = equivalents
        makeExamples = examples
        self.enabledByDefault = enabledByDefault
    }
}

/// What a rule looks at: the document, read leniently, and what is known about it.
package struct RuleSubject: Sendable {
    package let input: PolicyInput
    package let view: PolicyView
    package let context: LintContext

    package var type: PolicyType { input.type }
    package var catalog: Catalog { context.catalog }
    package var settings: LintSettings { context.settings }
}

/// Where a rule puts its findings; it knows the rule and the policy, so rules only say what and where.
package struct RuleReport: Sendable {
    package let rule: String
    package let severity: Severity
    /// What findings need of the input, kept apart from it: a report is made for every rule and
    /// document, and copying the whole input (its source tree) each time was measurable.
    private let embeddedAt: SourceLocation?
    private let policy: String?
    package private(set) var findings: [Finding] = []

    package init(rule: String, severity: Severity, input: PolicyInput) {
        self.rule = rule
        self.severity = severity
        embeddedAt = input.embeddedAt
        policy = input.name
    }

    package mutating func add(_ message: String, at location: SourceLocation, statement: StatementView? = nil,
                              suggestion: String? = nil, severity: Severity? = nil) {
        findings.append(Finding(rule: rule, severity: severity ?? self.severity, message: message,
                                at: embeddedAt ?? location, suggestion: suggestion, policy: policy,
                                statement: statement?.identity))
    }
}
