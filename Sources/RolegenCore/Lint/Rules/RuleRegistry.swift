/// Every rule rolegen has, by category. Each category's list lives beside its rules.
package enum RuleRegistry {
    package static let all: [any LintRule] = GrammarRules.all + ActionRules.all + ResourceRules.all + PrincipalRules.all
        + ConditionRules.all + SizeRules.all + PolicyTypeRules.all + PermissionRules.all + MLRules.all

    /// The rule with this id, or whose peer equivalents include this code (`PASS_ROLE_WITH_STAR_IN_RESOURCE`).
    package static func find(_ idOrCode: String) -> [any LintRule] {
        if let rule = all.first(where: { $0.metadata.id == idOrCode }) { return [rule] }
        return all.filter { rule in rule.metadata.equivalents.contains { $0.code.equalsIgnoringCase(idOrCode) } }
    }
}
