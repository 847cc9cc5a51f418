/// The conditions rules, in the order docs/rules.md lists them.
package enum ConditionRules {
    package static let all: [any LintRule] = [
        ConditionOperatorUnknown(), ConditionKeyFormat(), ConditionKeyUnknown(), ConditionKeyNotForAction(),
        ConditionKeyNeedsAction(), ConditionKeyDeprecated(), ConditionKeyGlobalWithActionKey(), ConditionKeyCaseDuplicate(),
        ConditionTagKeyMissing(), ConditionTagKeyUnsupportedService(), ConditionOperatorType(), ConditionStringlikeOnArn(),
        ConditionValueFormat(), ConditionWildcardWithoutLike(), ConditionNullIfexists(), ConditionNullWithSetOperator(),
        ConditionSetOperatorSingleValued(), ConditionMultivaluedNeedsQualifier(), ConditionForallvaluesAllowEmpty(),
        ConditionEmptyValues(), ConditionIfexistsWeakens(), ConditionMfaAntipattern(), ConditionSourceipPrivate(),
        ConditionCidrHostBits(), ConditionNumericRedundant(), ConditionVpcIdFormat(), ConditionPairedKeys(),
        ConditionIrrelevantInResourcePolicy(), ConditionUnsupportedForServicePrincipal(),
    ]
}
