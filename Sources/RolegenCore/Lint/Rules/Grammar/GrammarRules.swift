/// The grammar rules, in the order docs/rules.md lists them: document structure (§2.1), Version,
/// Sid, Effect and element combinations (§2.2), policy variables (§2.7).
package enum GrammarRules {
    package static let all: [any LintRule] = [
        JSONSyntax(), JSONDuplicateKey(), UnknownTopLevelElement(), UnknownStatementElement(), MissingStatement(),
        StatementShape(), ElementJSONType(), PolicyCharset(), IdInIdentityPolicy(), EmptyElement(), ConditionShape(),
        VersionMissing(), VersionInvalid(), VersionLegacy(), VariableNeeds2012(), SidCharset(), SidDuplicate(), SidEmpty(),
        EffectMissing(), EffectInvalid(), ActionNotactionBoth(), ActionMissing(), ResourceNotresourceBoth(), ResourceMissing(),
        PrincipalNotprincipalBoth(),
        VariableSyntax(), VariableElement(), VariableOperator(), VariableUnknown(),
    ]
}
