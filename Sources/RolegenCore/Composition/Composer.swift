/// Expands a resolved persona into statements: each capability's template (and the templates
/// it includes) with its parameters bound, guards applied where statements support them, and
/// the persona's own Deny statements. Every statement keeps its provenance.
package final class Composer {
    private let library: TemplateLibrary
    private let catalog: Catalog
    private let checks: CatalogChecks
    private let sink: DiagnosticSink
    private let limits: Limits
    private var checkedTemplates: [String: Bool] = [:]
    private var checkedGuards: [String: Bool] = [:]

    package init(library: TemplateLibrary, catalog: Catalog, sink: DiagnosticSink, limits: Limits = .standard) {
        self.library = library
        self.catalog = catalog
        self.checks = CatalogChecks(catalog: catalog, sink: sink)
        self.sink = sink
        self.limits = limits
    }

    private var checker: TemplateChecker { TemplateChecker(library: library, checks: checks) }

    /// A guard turned on, with its parameters bound.
    private struct ActiveGuard {
        var definition: GuardDefinition
        var scope: Scope
        var enabledAt: SourceLocation
    }

    /// The statements of one capability use while it expands.
    private struct Expansion {
        var capability: String
        var use: SourceLocation
        var guards: [String: ActiveGuard]
        /// Guards some statement of the capability supports, enabled or not.
        var supportedGuards: Set<String> = []
        var statements: [ComposedStatement] = []
        /// Templates expanded so far, includes counted, against `Limits.maxExpansionsPerCapability`.
        var templatesExpanded = 0
        var stopped = false
    }

    package func compose(_ persona: ResolvedPersona) -> [ComposedStatement]? {
        let before = sink.errorCount
        let builtins = Scope(persona.context.builtins, description: "the built-in names")
        let validation = persona.context.validation
        var personaGuards: [String: ActiveGuard] = [:]
        for setting in persona.guards where setting.enabled {
            if let active = activate(setting, inheriting: nil, persona: persona, builtins: builtins) {
                personaGuards[setting.name.value] = active
            }
        }
        for setting in persona.guards where !setting.enabled {
            _ = guardDefinition(setting.name.value, at: setting.name.location)
        }

        var statements: [ComposedStatement] = []
        var supportedAnywhere: Set<String> = []
        for use in persona.capabilities {
            guard let template = library.template(named: use.template.value, at: use.template.location, sink: sink),
                  isChecked(template) else { continue }
            if let version = use.version, version.value != template.version {
                sink.error(.templateVersion, "the persona asks for version \(version.value) of '\(template.name.value)', "
                           + "but \(template.path) is version \(template.version); review the template's changes and update 'version'",
                           at: version.location)
                continue
            }
            var guards = personaGuards
            for setting in use.guards {
                if !setting.enabled {
                    guards[setting.name.value] = nil
                    _ = guardDefinition(setting.name.value, at: setting.name.location)
                } else if let active = activate(setting, inheriting: personaGuards[setting.name.value], persona: persona,
                                                builtins: builtins) {
                    guards[setting.name.value] = active
                }
            }
            let binder = ParameterBinder(sink: sink, limits: limits)
            guard let parameters = binder.bind(
                .init(description: "template '\(template.name.value)'", parameters: template.parameters),
                arguments: use.arguments, argumentScope: persona.values, defaultScope: builtins,
                requestedAt: use.location, validation: validation) else { continue }
            var expansion = Expansion(capability: use.identity, use: use.location, guards: guards)
            expand(template, parameters: parameters, builtins: builtins, validation: validation, chain: [template.name.value],
                   into: &expansion)
            for setting in use.guards where setting.enabled && !expansion.supportedGuards.contains(setting.name.value) {
                sink.error(.guardUnsupported, "capability '\(use.identity)' has no statement that supports guard '\(setting.name.value)'",
                           at: setting.location,
                           notes: [.init("guards it supports: \(expansion.supportedGuards.isEmpty ? "none" : expansion.supportedGuards.sorted().joined(separator: ", "))")])
            }
            supportedAnywhere.formUnion(expansion.supportedGuards)
            statements += expansion.statements
        }
        for setting in persona.guards where setting.enabled && !supportedAnywhere.contains(setting.name.value)
            && personaGuards[setting.name.value] != nil {
            sink.warning(.guardUnused, "guard '\(setting.name.value)' is on, but no capability of this persona supports it, "
                         + "so it adds no condition", at: setting.location)
        }
        statements += composeDeny(persona)
        return sink.errorCount == before ? statements : nil
    }

    // MARK: - Templates

    private func isChecked(_ template: CapabilityTemplate) -> Bool {
        if let known = checkedTemplates[template.name.value] { return known }
        let result = checker.check(template)
        checkedTemplates[template.name.value] = result
        return result
    }

    private func expand(
        _ template: CapabilityTemplate, parameters: Scope, builtins: Scope, validation: ValidationContext,
        chain: [String], into expansion: inout Expansion
    ) {
        guard !expansion.stopped else { return }
        expansion.templatesExpanded += 1
        if expansion.templatesExpanded > limits.maxExpansionsPerCapability {
            sink.error(.expansionTooLarge, "capability '\(expansion.capability)' expands more than "
                       + "\(limits.maxExpansionsPerCapability) templates through its includes; include each template once",
                       at: expansion.use)
            expansion.stopped = true
            return
        }
        var scope = parameters
        for (name, value) in builtins.values { scope[name] = value }
        scope.description = "template '\(template.name.value)'"

        for include in template.includes {
            let name = include.template.value
            if chain.contains(name) {
                sink.error(.templateIncludeCycle, "templates include each other in a cycle: \((chain + [name]).joined(separator: " → "))",
                           at: include.template.location)
                continue
            }
            if chain.count >= limits.maxChainDepth {
                sink.error(.templateIncludeCycle, "includes are nested more than \(limits.maxChainDepth) deep", at: include.location)
                continue
            }
            guard let included = library.template(named: name, at: include.template.location, sink: sink),
                  isChecked(included) else { continue }
            let binder = ParameterBinder(sink: sink, limits: limits)
            guard let includedParameters = binder.bind(
                .init(description: "template '\(name)'", parameters: included.parameters),
                arguments: include.arguments.map { NamedNode(name: $0.name, node: $0.value) },
                argumentScope: scope, defaultScope: builtins, requestedAt: include.location, validation: validation) else { continue }
            expand(included, parameters: includedParameters, builtins: builtins, validation: validation, chain: chain + [name],
                   into: &expansion)
        }

        for statement in template.statements {
            // Template-wide guards apply to Allow statements only: a condition on a Deny makes it deny less.
            let references = statement.effect == .deny ? [] : template.defaultGuards + (statement.guards ?? [])
            expansion.supportedGuards.formUnion(references.map(\.guardName))
            var statementScope = scope
            if let whenGuard = statement.whenGuard {
                expansion.supportedGuards.insert(whenGuard.value)
                guard let active = expansion.guards[whenGuard.value] else { continue }
                for (name, value) in active.scope.values where !TemplateChecker.builtinNames.contains(name) {
                    statementScope["guard.\(whenGuard.value).\(name)"] = value
                }
            }
            guard let built = build(statement, scope: statementScope, template: template, chain: chain,
                                    expansion: expansion) else { continue }
            var composed = built.0
            let actions = built.1
            var applied: Set<String> = []
            for reference in references {
                guard let active = expansion.guards[reference.guardName],
                      let (_, form) = checker.form(of: reference),
                      applied.insert("\(reference.guardName)/\(form.name.value)").inserted else { continue }
                guard apply(form, of: active, to: &composed.statement, actions: actions, at: reference.location,
                            capability: expansion.capability, use: expansion.use) else { continue }
                composed.provenance[0].guards.append(AppliedGuard(
                    name: reference.guardName, form: form.name.value, enabledAt: active.enabledAt,
                    formLocation: form.name.location))
            }
            expansion.statements.append(composed)
        }
    }

    /// One template statement with its references resolved, and the catalog's definitions of its
    /// actions (none for `NotAction`); `nil` when a list it expands over is empty (the statement
    /// then grants nothing) or after an error.
    private func build(
        _ statement: StatementTemplate, scope: Scope, template: CapabilityTemplate?, chain: [String], expansion: Expansion
    ) -> (ComposedStatement, [ActionDefinition])? {
        var definitions: [ActionDefinition] = []
        var actionNames: [String] = []
        var resourceTexts = statement.resources
        if let access = statement.access {
            guard let (selected, resources) = checks.expand(access) else { return nil }
            definitions = selected
            actionNames = selected.map(\.fullName)
            resourceTexts = resources
        } else {
            for action in statement.actions {
                guard let found = checks.actions(named: action) else { return nil }
                if !statement.actionsAreExcluded { definitions += found }
                // Allow statements name the exact actions a pattern stands for today, so access never
                // grows when AWS adds actions; Deny statements keep the pattern, which only denies more.
                actionNames += statement.effect == .allow && !statement.actionsAreExcluded ? found.map(\.fullName) : [action.value]
            }
        }
        let expander = Expander(sink: sink, limits: limits)
        var resources: [(text: String, location: SourceLocation)] = []
        for text in resourceTexts {
            guard let pieces = expander.strings(text, in: scope) else { return nil }
            resources += pieces.map { ($0.text, text.location) }
        }
        if resources.isEmpty { return nil }
        if !statement.resourcesAreExcluded {
            guard checks.checkResources(actions: definitions, resources: resources, effect: statement.effect,
                                        sid: statement.sid.value, unscopedReason: statement.unscopedReason) else { return nil }
        }
        var condition = ConditionSet()
        for clause in statement.conditions {
            guard add(clause, to: &condition, scope: scope, actions: definitions, notes: []) else { return nil }
        }
        let policyStatement = PolicyStatement(
            sid: statement.sid.value, effect: statement.effect, actions: actionNames,
            actionsAreExcluded: statement.actionsAreExcluded, resources: resources.map(\.text),
            resourcesAreExcluded: statement.resourcesAreExcluded, condition: condition)
        let provenance = Provenance(
            capability: expansion.capability, use: expansion.use, template: template?.name.value,
            templateVersion: template?.version, includeChain: Array(chain.dropFirst()), sid: statement.sid.value,
            statement: statement.location, guards: [], unscopedReason: statement.unscopedReason)
        return (ComposedStatement(statement: policyStatement.normalized(), provenance: [provenance]), definitions)
    }

    /// Adds one condition clause, expanding lists into values and tags into one key per tag.
    /// - Parameters:
    ///   - actions: the statement's actions, each of which must evaluate the clause's key.
    ///   - notes: where the clause is being applied, attached to any error about it.
    private func add(
        _ clause: ConditionTemplate, to condition: inout ConditionSet, scope: Scope, actions: [ActionDefinition],
        notes: [Diagnostic.Note]
    ) -> Bool {
        let expander = Expander(sink: sink, limits: limits)
        let operatorName = clause.operatorName.value
        // A key that names a tags parameter (`aws:RequestTag/${tags}`) becomes one key per tag,
        // each with that tag's value wherever the values refer to the same parameter.
        let tagReference = clause.key.references.first { reference in
            if case .tags? = scope[reference.name] { return true }
            return false
        }
        var variants: [(keyScope: Scope, valueScope: Scope)] = [(scope, scope)]
        if let tagReference, case .tags(let entries, _)? = scope[tagReference.name] {
            if entries.isEmpty {
                sink.error(.referenceInvalid, "condition key '\(clause.key.text)' has no tags to expand to ('${\(tagReference.name)}' "
                           + "is empty); a guard must never be turned on without its conditions", at: clause.location, notes: notes)
                return false
            }
            variants = entries.map { entry in
                var keyScope = scope, valueScope = scope
                keyScope[tagReference.name] = .scalar(entry.key)
                valueScope[tagReference.name] = .scalar(entry.value)
                return (keyScope, valueScope)
            }
        }
        for variant in variants {
            guard let keys = expander.strings(clause.key, in: variant.keyScope) else { return false }
            guard keys.count == 1 else {
                sink.error(.referenceInvalid, "condition key '\(clause.key.text)' would expand to \(keys.count) keys; "
                           + "a key can refer to single values or to tags only", at: clause.key.location)
                return false
            }
            var values: [String] = []
            for text in clause.values {
                guard let pieces = expander.strings(text, in: variant.valueScope) else { return false }
                values += pieces.map(\.text)
            }
            if values.isEmpty {
                let empty = clause.values.flatMap(\.references).map(\.name).filter { name in
                    if case .list(let items, _)? = variant.valueScope[name] { return items.isEmpty }
                    return false
                }
                let cause = empty.isEmpty ? "" : " (\(empty.map { "${\($0)}" }.quotedList()) \(empty.count == 1 ? "is an" : "are") empty list)"
                sink.error(.referenceInvalid, "condition '\(operatorName)' on '\(keys[0].text)' has no values once its lists are "
                           + "expanded\(cause); a condition that lists nothing never matches, so give the list a value",
                           at: clause.location, notes: notes)
                return false
            }
            let unsupported = checks.actionsNotSupporting(keys[0].text, in: actions)
            if !unsupported.isEmpty {
                sink.error(.conditionKeyUnsupported,
                           "condition key '\(keys[0].text)' is not one \(unsupported.map(\.fullName).quotedList()) "
                               + "\(unsupported.count == 1 ? "evaluates" : "evaluate"): the condition would be useless, or would "
                               + "make \(unsupported.count == 1 ? "the action" : "them") impossible; move \(unsupported.count == 1 ? "it" : "them") "
                               + "to a statement without it" + checks.keySuggestion(keys[0].text, for: unsupported),
                           at: clause.location, notes: notes)
                return false
            }
            if condition.contains(operator: operatorName, key: keys[0].text) {
                sink.error(.guardConflict, "'\(operatorName)' on '\(keys[0].text)' is set twice for one statement; "
                           + "IAM allows one entry per key, and merging the values would widen the condition",
                           at: clause.location, notes: notes)
                return false
            }
            condition.set(operator: operatorName, key: keys[0].text, values: values)
        }
        return true
    }

    // MARK: - Guards

    private func guardDefinition(_ name: String, at location: SourceLocation) -> GuardDefinition? {
        guard let definition = library.guardDefinition(named: name, at: location, sink: sink) else { return nil }
        if checkedGuards[name] == nil {
            checkedGuards[name] = checker.check(definition)
        }
        return checkedGuards[name] == true ? definition : nil
    }

    /// Binds a guard's parameters from a persona- or capability-level setting. A capability-level
    /// `true` keeps the persona-level parameters.
    private func activate(
        _ setting: GuardSetting, inheriting inherited: ActiveGuard?, persona: ResolvedPersona, builtins: Scope
    ) -> ActiveGuard? {
        if setting.arguments.isEmpty, let inherited {
            return ActiveGuard(definition: inherited.definition, scope: inherited.scope, enabledAt: setting.location)
        }
        guard let definition = guardDefinition(setting.name.value, at: setting.name.location) else { return nil }
        let binder = ParameterBinder(sink: sink, limits: limits)
        guard var scope = binder.bind(
            .init(description: "guard '\(definition.name.value)'", parameters: definition.parameters),
            arguments: setting.arguments, argumentScope: persona.values, defaultScope: builtins,
            requestedAt: setting.location, validation: persona.context.validation) else { return nil }
        for (name, value) in builtins.values { scope[name] = value }
        return ActiveGuard(definition: definition, scope: scope, enabledAt: setting.location)
    }

    private func apply(
        _ form: GuardForm, of active: ActiveGuard, to statement: inout PolicyStatement, actions: [ActionDefinition],
        at location: SourceLocation, capability: String, use: SourceLocation
    ) -> Bool {
        var condition = statement.condition
        let notes: [Diagnostic.Note] = [
            .init("guard '\(active.definition.name.value)' (form \(form.name.value)) is applied to statement "
                  + "\(statement.sid ?? "") here", at: location),
            .init("for capability '\(capability)'", at: use),
            .init("the guard is turned on here", at: active.enabledAt),
        ]
        for clause in form.conditions {
            guard add(clause, to: &condition, scope: active.scope, actions: actions, notes: notes) else { return false }
        }
        statement.condition = condition
        return true
    }

    // MARK: - Deny

    private func composeDeny(_ persona: ResolvedPersona) -> [ComposedStatement] {
        let expansion = Expansion(capability: "deny", use: persona.location, guards: [:])
        return persona.deny.compactMap { statement in
            guard var composed = build(statement, scope: persona.values, template: nil, chain: [], expansion: expansion)?.0 else {
                return nil
            }
            composed.provenance[0].use = statement.location
            return composed
        }
    }
}
