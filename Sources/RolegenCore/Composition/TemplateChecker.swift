/// Checks a template once, whatever persona uses it: that every reference, guard and include
/// it names exists, and that it declares nothing rolegen refuses to emit (see `docs/formats.md`,
/// "What rolegen refuses in templates").
package struct TemplateChecker {
    package let library: TemplateLibrary
    package let checks: CatalogChecks
    package var sink: DiagnosticSink { checks.sink }

    package init(library: TemplateLibrary, checks: CatalogChecks) {
        self.library = library
        self.checks = checks
    }

    package static let builtinNames = ["partition", "account", "region", "dns_suffix"]

    /// Whether the template is fit to expand; problems go to the sink.
    package func check(_ template: CapabilityTemplate) -> Bool {
        let before = sink.errorCount
        for reference in template.defaultGuards { _ = form(of: reference) }
        let parameterNames = template.parameters.map(\.name.value)
        for statement in template.statements {
            for reference in statement.guards ?? [] {
                _ = form(of: reference)
            }
            var names = parameterNames + Self.builtinNames
            if let whenGuard = statement.whenGuard,
               let definition = library.guardDefinition(named: whenGuard.value, at: whenGuard.location, sink: sink) {
                names += definition.parameters.map { "guard.\(whenGuard.value).\($0.name.value)" }
            }
            let scopeDescription = "template '\(template.name.value)'"
            for text in statement.resources { checkReferences(text, known: names, in: scopeDescription) }
            for condition in statement.conditions {
                checkReferences(condition.key, known: names, in: scopeDescription)
                condition.values.forEach { checkReferences($0, known: names, in: scopeDescription) }
            }
            checkSafety(statement)
            for action in statement.actions { _ = checks.actions(named: action) }
            if let access = statement.access {
                if statement.effect == .deny {
                    sink.error(.templateUnsafe, "a Deny statement lists its actions; 'access' selects actions to allow",
                               at: access.location)
                } else {
                    _ = checks.expand(access)
                }
            }
        }
        return sink.errorCount == before
    }

    /// Checks a guard's own references.
    package func check(_ definition: GuardDefinition) -> Bool {
        let before = sink.errorCount
        let names = definition.parameters.map(\.name.value) + Self.builtinNames
        for form in definition.forms {
            for condition in form.conditions {
                checkReferences(condition.key, known: names, in: "guard '\(definition.name.value)'")
                condition.values.forEach { checkReferences($0, known: names, in: "guard '\(definition.name.value)'") }
            }
        }
        return sink.errorCount == before
    }

    /// The guard form a statement's `guards:` entry names, reporting unknown guards and forms.
    package func form(of reference: GuardReference) -> (GuardDefinition, GuardForm)? {
        guard let definition = library.guardDefinition(named: reference.guardName, at: reference.location, sink: sink) else {
            return nil
        }
        if let form = definition.form(named: reference.form) { return (definition, form) }
        let names = definition.forms.map(\.name.value)
        if let requested = reference.form {
            sink.error(.guardForm, "guard '\(definition.name.value)' has no form '\(requested)'"
                       + Suggestions.didYouMean(requested, in: names) + "; its forms are \(names.joined(separator: ", "))",
                       at: reference.location)
        } else {
            sink.error(.guardForm, "guard '\(definition.name.value)' has several forms; name one: "
                       + names.map { "\(definition.name.value)/\($0)" }.joined(separator: ", "), at: reference.location)
        }
        return nil
    }

    private func checkReferences(_ text: Interpolated, known: [String], in owner: String) {
        for reference in text.references where !known.contains(reference.name) {
            var message = "unknown reference '${\(reference.name)}'"
            if let near = Suggestions.closest(to: reference.name, in: known).first { message += "; did you mean '${\(near)}'?" }
            if reference.name.hasPrefix("guard.") {
                message += " (a statement can use a guard's parameters only with 'when_guard: NAME')"
            }
            sink.error(.referenceUnknown, message, at: reference.location,
                       notes: [.init("\(owner) can refer to \(known.joined(separator: ", "))")])
        }
    }

    private func checkSafety(_ statement: StatementTemplate) {
        for resource in statement.resources { checkARNFields(resource, effect: statement.effect) }
        if statement.effect == .deny {
            // A guard adds conditions, and a condition on a Deny makes it deny less.
            if let guards = statement.guards, let first = guards.first {
                sink.error(.templateUnsafe, "a Deny statement cannot support guards: their conditions would narrow what it denies",
                           at: first.location)
            }
            return
        }
        var refused = false
        for action in statement.actions {
            if let problem = PolicySafety.wildcardProblem(action.value) {
                sink.error(.templateUnsafe, problem, at: action.location)
                refused = true
            }
        }
        // Refused wildcards already cover PassRole; these checks are for iam:PassRole and patterns such as iam:Pass*.
        guard !refused, statement.actions.contains(where: { PolicySafety.matchesPassRole($0.value) }) else { return }
        let clauses = statement.conditions.map { condition in
            (condition.operatorName.value, condition.key.text, condition.values.map { $0.isLiteral ? $0.text : nil })
        }
        if !PolicySafety.limitsPassedToService(clauses) {
            sink.error(.templateUnsafe, "statement '\(statement.sid.value)' allows iam:PassRole without limiting it to named "
                       + "services: add StringEquals on iam:PassedToService, such as sagemaker.amazonaws.com",
                       at: statement.sid.location)
        }
        for resource in statement.resources where resource.text == "*" || resource.segments.contains(where: {
            if case .literal(let text) = $0 { return text.contains("*") || text.contains("?") }
            return false
        }) {
            sink.error(.templateUnsafe, "iam:PassRole on '\(resource.text)' could pass any matching role; "
                       + "take role ARNs from a role-arn parameter", at: resource.location)
        }
    }

    /// ARNs in templates take partition, region and account from the persona: a literal
    /// partition breaks other partitions, and a wildcard region or account grants across them.
    private func checkARNFields(_ resource: Interpolated, effect: Effect) {
        guard resource.text.hasPrefix("arn:") else { return }
        let fields = resource.text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 6 else {
            sink.error(.schemaValue, "'\(resource.text)' is not an ARN: expected arn:${partition}:SERVICE:REGION:ACCOUNT:RESOURCE",
                       at: resource.location)
            return
        }
        if fields[1] != "${partition}" {
            sink.error(.templateUnsafe, "the ARN hard-codes the partition '\(fields[1])'; write arn:${partition}:... so the "
                       + "template also works in aws-cn and aws-us-gov", at: resource.location)
        }
        guard effect == .allow else { return }
        let isReferenceOnly = { (field: String) in field.isEmpty || (field.hasPrefix("${") && field.hasSuffix("}") && !field.dropFirst(2).contains("$")) }
        if !isReferenceOnly(fields[3]) {
            let problem = fields[3].contains("*") || fields[3].contains("?") ? "a wildcard region" : "the region '\(fields[3])'"
            sink.error(.templateUnsafe, "the ARN has \(problem); write ${region} so access stays in the persona's regions",
                       at: resource.location)
        }
        if !isReferenceOnly(fields[4]) && fields[4] != "aws" {
            let problem = fields[4].contains("*") || fields[4].contains("?") ? "a wildcard account" : "the account '\(fields[4])'"
            sink.error(.templateUnsafe, "the ARN has \(problem); write ${account} so access stays in the persona's account",
                       at: resource.location)
        }
    }
}
