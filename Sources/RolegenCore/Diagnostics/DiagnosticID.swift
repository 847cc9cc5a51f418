/// The stable identifiers of input diagnostics. They are documented in `docs/diagnostics.md`;
/// a test keeps that page and this list in step.
package enum DiagnosticID: String, Sendable, CaseIterable {
    // Reading files
    case fileUnreadable = "file.unreadable"
    case fileEmpty = "file.empty"
    case fileTooLarge = "file.too-large"
    case fileEncoding = "file.encoding"
    case fileNotFound = "file.not-found"

    // YAML
    case yamlSyntax = "yaml.syntax"
    case jsonSyntax = "json.syntax"
    case yamlDuplicateKey = "yaml.duplicate-key"
    case yamlTooComplex = "yaml.too-complex"
    case yamlMultipleDocuments = "yaml.multiple-documents"

    // Shape of the files
    case schemaUnknownKey = "schema.unknown-key"
    case schemaMissingKey = "schema.missing-key"
    case schemaType = "schema.type"
    case schemaValue = "schema.value"
    case schemaConflict = "schema.conflict"

    // Templates and guards
    case templateUnknown = "template.unknown"
    case templateDuplicate = "template.duplicate"
    case templateNameMismatch = "template.name-mismatch"
    case templateIncludeCycle = "template.include-cycle"
    case templateVersion = "template.version"
    case templateUnsafe = "template.unsafe"
    case guardUnknown = "guard.unknown"
    case guardForm = "guard.form"
    case guardUnsupported = "guard.unsupported"
    case guardUnused = "guard.unused"
    case guardConflict = "guard.conflict"

    // Parameters and values
    case parameterMissing = "parameter.missing"
    case parameterUnknown = "parameter.unknown"
    case parameterInvalid = "parameter.invalid"
    case referenceUnknown = "reference.unknown"
    case referenceInvalid = "reference.invalid"
    case valueMissing = "value.missing"
    case valueUnknown = "value.unknown"

    // Personas
    case personaUnknown = "persona.unknown"
    case personaExtendsCycle = "persona.extends-cycle"
    case capabilityDuplicate = "capability.duplicate"
    case contextInvalid = "context.invalid"
    case principalInvalid = "principal.invalid"

    // Generated policy
    case policyUnsafe = "policy.unsafe"
    case policyEmpty = "policy.empty"
    case policyTooLarge = "policy.too-large"
    case boundaryIneffective = "boundary.ineffective"
    case expansionTooLarge = "policy.expansion-too-large"

    // Catalog
    case catalogInvalid = "catalog.invalid"
    case actionUnknown = "action.unknown"
    case actionNoMatch = "action.no-match"
    case conditionKeyUnsupported = "condition-key.unsupported"
    case resourceMismatch = "resource.mismatch"

    // Configuration
    case configInvalid = "config.invalid"

    // Evaluation inputs (simulate, test)
    case policyUnrecognized = "policy.unrecognized"
    case policyRejected = "policy.rejected"

    // Output
    case outputUnwritable = "output.unwritable"

    // Diff
    case diffInput = "diff.input"
    case diffRoleUnknown = "diff.role-unknown"
}
