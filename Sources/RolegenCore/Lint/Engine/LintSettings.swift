/// The `lint:` section of `.rolegen.yaml`: which rules run at which severity, and what the
/// organisation knows that a policy alone does not (its accounts, the roles that may be passed,
/// the guards SageMaker calls must carry). Documented in docs/lint.md.
package struct LintSettings: Sendable {
    package struct RuleSetting: Sendable, Equatable {
        package var enabled: Bool?
        package var severity: Severity?

        package init(enabled: Bool? = nil, severity: Severity? = nil) {
            self.enabled = enabled
            self.severity = severity
        }
    }

    /// A condition key SageMaker calls must be constrained by (`sagemaker:VpcSubnets` on
    /// CreateTrainingJob), for the ml rules.
    package struct RequiredGuard: Sendable, Equatable {
        /// Action patterns the requirement covers (`sagemaker:Create*Job`).
        package var actions: [String]
        /// The condition key that must constrain them wherever they are allowed.
        package var key: String

        package init(actions: [String], key: String) {
            self.actions = actions
            self.key = key
        }
    }

    /// A finding the team accepted, with why: it is not reported (and counted as suppressed).
    package struct Suppression: Sendable, Equatable {
        package var rule: String
        /// A path glob (`policies/legacy/*.json`); every file when absent.
        package var path: String?
        /// A statement's Sid or position (`#2`); every statement when absent.
        package var statement: String?
        package var reason: String

        package init(rule: String, path: String? = nil, statement: String? = nil, reason: String) {
            self.rule = rule
            self.path = path
            self.statement = statement
            self.reason = reason
        }
    }

    package var rules: [String: RuleSetting] = [:]
    /// Accounts that belong to the organisation: principals in them are not cross-account.
    package var knownAccounts: [String] = []
    /// Role ARN patterns `iam:PassRole` may name; empty means no allow-list.
    package var passRoleTargets: [String] = []
    package var requiredGuards: [RequiredGuard] = []
    /// Action patterns the organisation treats as sensitive: allowed only with a condition.
    package var sensitiveActions: [String] = []
    package var suppressions: [Suppression] = []

    package init() {}

    /// Whether the rule runs: its setting, else its default.
    package func isEnabled(_ metadata: RuleMetadata) -> Bool {
        rules[metadata.id]?.enabled ?? metadata.enabledByDefault
    }

    package func severity(of metadata: RuleMetadata) -> Severity? {
        rules[metadata.id]?.severity
    }
}
