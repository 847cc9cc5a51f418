/// The resources rules, in the order docs/rules.md lists them.
package enum ResourceRules {
    package static let all: [any LintRule] = [
        ArnPrefix(),
        ArnFields(),
        ArnPartition(),
        ArnServiceCase(),
        ArnRegion(),
        ArnAccount(),
        ArnResourceFormat(),
        ArnTemplatePlaceholder(),
        ActionResourceMismatch(),
        AccountLevelActionWithArn(),
        ResourceStar(),
        ResourceEffectivelyStar(),
        ResourceRedundant(),
        ResourcePolicyActionUnsupported(),
        StatementRedundant(),
    ]
}
