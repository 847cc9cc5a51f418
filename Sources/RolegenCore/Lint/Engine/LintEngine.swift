/// Runs the rules over policy documents.
package struct LintEngine: Sendable {
    package let rules: [any LintRule]
    package let context: LintContext
    /// What the engine needs of each rule for every document, read from its metadata once, and
    /// listed per policy type so that a document walks only the rules that apply to it.
    private let prepared: [PolicyType: [PreparedRule]]
    /// The rules that also check whole entities, found once (a cast per rule and file showed in profiles).
    private let entityRules: [(rule: any LintEntityRule, id: String, severity: Severity)]

    /// A class: the engine walks these for every document, and a struct copy per rule and
    /// document cost more than most rules' checks.
    private final class PreparedRule: Sendable {
        let rule: any LintRule
        let id: String
        let severity: Severity
        let override: Severity?

        init(rule: any LintRule, id: String, severity: Severity, override: Severity?) {
            self.rule = rule
            self.id = id
            self.severity = severity
            self.override = override
        }
    }

    package init(rules: [any LintRule] = RuleRegistry.all, context: LintContext) {
        self.rules = rules.filter { context.settings.isEnabled($0.metadata) }
        self.context = context
        let all = self.rules.map { rule in
            let metadata = rule.metadata
            return (types: metadata.appliesTo,
                    rule: PreparedRule(rule: rule, id: metadata.id, severity: metadata.severity, override: context.settings.severity(of: metadata)))
        }
        prepared = Dictionary(uniqueKeysWithValues: PolicyType.allCases.map { type in (type, all.filter { $0.types.contains(type) }.map(\.rule)) })
        entityRules = self.rules.compactMap { rule in
            guard let entityRule = rule as? any LintEntityRule else { return nil }
            let metadata = rule.metadata
            return (entityRule, metadata.id, context.settings.severity(of: metadata) ?? metadata.severity)
        }
    }

    /// Every finding of every enabled rule that applies to the document's type, in document order.
    package func lint(_ input: PolicyInput) -> [Finding] {
        let view = PolicyView(input.document)
        let subject = RuleSubject(input: input, view: view, context: context)
        var findings: [Finding] = []
        for rule in prepared[input.type] ?? [] {
            var report = RuleReport(rule: rule.id, severity: rule.severity, input: input)
            do {
                try rule.rule.check(subject, &report)
                if let override = rule.override {
                    findings += report.findings.map { var finding = $0; finding.severity = override; return finding }
                } else {
                    findings += report.findings
                }
            } catch {
                findings.append(Finding(rule: CheckError.id, severity: .error,
                                        message: "rule \(rule.id) could not check this policy: \(error); the policy is treated as failing it",
                                        at: input.reportLocation(input.document.location), policy: input.name))
            }
        }
        return findings.sorted { ($0.location, $0.rule, $0.message) < ($1.location, $1.rule, $1.message) }
    }

    /// The findings of the entity rules, over the policies grouped by the entity they belong to.
    package func lintEntities(_ inputs: [PolicyInput]) -> [Finding] {
        guard !entityRules.isEmpty else { return [] }
        var groups: [PolicyInput.Entity: [PolicyInput]] = [:]
        var order: [PolicyInput.Entity] = []
        for input in inputs {
            guard let entity = input.entity else { continue }
            // Attachment counts differ between a dump's entries only when they are different entities.
            let key = PolicyInput.Entity(kind: entity.kind, name: entity.name)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(input)
        }
        var findings: [Finding] = []
        for key in order {
            let policies = groups[key]!
            let entity = policies.compactMap(\.entity).first { $0.attachedManagedPolicies != nil } ?? key
            for (rule, id, severity) in entityRules {
                var report = RuleReport(rule: id, severity: severity, input: policies[0])
                do {
                    try rule.check(entity: entity, policies: policies, &report)
                    findings += report.findings
                } catch {
                    findings.append(Finding(rule: CheckError.id, severity: .error,
                                            message: "rule \(id) could not check \(entity.kind.rawValue) \(entity.name): \(error)",
                                            at: policies[0].reportLocation(policies[0].document.location)))
                }
            }
        }
        return findings
    }
}

/// The id under which a rule's failure to run is reported (fail closed).
package enum CheckError {
    package static let id = "check-error"
}
